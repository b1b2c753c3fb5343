using CxReports.Dsl.Binding;
using CxReports.Engine.Reports;

namespace CxReports.Rendering.Sheets;

/// <summary>The blocks of a report that have a table, and one of them by its id, with the closest id when it is misspelt.</summary>
public static class ReportBlocks
{
    /// <summary>The longest block id accepted: block ids are CXR identifiers.</summary>
    public const int MaxIdLength = 128;

    public static IEnumerable<EvaluatedBlock> Tables(EvaluatedReport report) =>
        report.Sections.SelectMany(s => s.Blocks).Where(b => b.Table is not null);

    /// <summary>The block with a table named <paramref name="id"/>, or why there is none (not an id, unknown, did you mean).</summary>
    public static (EvaluatedBlock? Block, string? Problem) Find(EvaluatedReport report, string id)
    {
        var ids = Tables(report).Select(b => b.Id).ToArray();
        if (id.Length == 0 || id.Length > MaxIdLength || !(char.IsAsciiLetter(id[0]) || id[0] == '_') || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            return (null, $"'{Printable(id)}' is not a block id (letters, digits and _, starting with a letter or _; the report's blocks: {string.Join(", ", ids)})");
        if (Tables(report).FirstOrDefault(b => b.Id == id) is { } block) return (block, null);
        var hint = DidYouMean.Suggest(id, ids) is { } s ? $" Did you mean '{s}'?" : "";
        return (null, $"report '{report.Report}' has no block '{id}' with a table.{hint} (blocks: {string.Join(", ", ids)})");
    }

    /// <summary>The one table a CSV of the whole report can hold, or why a block must be named.</summary>
    public static (EvaluatedBlock? Block, string? Problem) Only(EvaluatedReport report)
    {
        var tables = Tables(report).ToArray();
        return tables.Length == 1
            ? (tables[0], null)
            : (null, $"a CSV file holds one table and report '{report.Report}' has {tables.Length}; name one with block " +
                     $"({string.Join(", ", tables.Select(b => b.Id))}), or ask for zip (one CSV per block) or xlsx (one sheet per block)");
    }

    /// <summary>At most 80 characters, control characters as \uXXXX: what a message may quote of what was asked.</summary>
    private static string Printable(string text)
    {
        var shown = string.Concat(text.Take(80).Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
        return text.Length > 80 ? shown + "..." : shown;
    }
}
