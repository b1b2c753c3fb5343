using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Engine.Reports;

namespace CxReports.Rendering.Sheets;

/// <summary>
/// The blocks of a report that have a table (all but text blocks), and the checks of a block a CSV is asked for: a
/// block id (CXR identifiers only, so nothing that could name a path), one of the report's, or the closest one.
/// </summary>
public static class ReportBlocks
{
    /// <summary>The longest block id accepted (longer ones are not CXR identifiers).</summary>
    public const int MaxIdLength = 128;

    public static IEnumerable<EvaluatedBlock> Tables(EvaluatedReport report) =>
        report.Sections.SelectMany(s => s.Blocks).Where(b => b.Table is not null);

    /// <summary>The ids of the blocks with a table, known before the report is evaluated.</summary>
    public static IReadOnlyList<string> TableIds(ReportModel report) =>
        report.Sections.SelectMany(s => s.Blocks).Where(b => b is not TextBlockModel).Select(b => b.Id).ToArray();

    /// <summary>
    /// Which block a CSV of <paramref name="report"/> holds: <paramref name="asked"/> when it is one of the report's, the
    /// report's only table when none is asked; otherwise why not (not an id, unknown with the closest id, or several
    /// tables to choose from), with the ids to choose from.
    /// </summary>
    public static (string? Block, string? Problem) Choose(string report, IReadOnlyList<string> ids, string? asked)
    {
        if (asked is null)
            return ids.Count == 1
                ? (ids[0], null)
                : (null, $"a CSV file holds one table and report '{report}' has {ids.Count}: name one with block ({string.Join(", ", ids)}), " +
                         "or ask for zip (one CSV per block) or xlsx (one sheet per block)");
        if (asked.Length == 0 || asked.Length > MaxIdLength || !(char.IsAsciiLetter(asked[0]) || asked[0] == '_') ||
            !asked.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            return (null, $"'{Printable(asked)}' is not a block id (letters, digits and _, starting with a letter or _); the blocks of '{report}': {string.Join(", ", ids)}");
        if (ids.Contains(asked)) return (asked, null);
        var hint = DidYouMean.Suggest(asked, ids) is { } s ? $" Did you mean '{s}'?" : "";
        return (null, $"report '{report}' has no block '{asked}' with a table.{hint} Its blocks: {string.Join(", ", ids)}");
    }

    /// <summary>At most 80 characters, control characters as \uXXXX: what a message may quote of what was asked.</summary>
    private static string Printable(string text)
    {
        var shown = string.Concat(text.Take(80).Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
        return text.Length > 80 ? shown + "..." : shown;
    }
}
