using System.Globalization;
using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Text;

namespace CxReports.Engine.Loading;

/// <summary>
/// Refuses a load that would silently lose most of a table: a header-only or truncated export must not replace
/// last month's rows. A load may drop at most the source's <c>max_shrink</c> share of the rows the table has
/// (default 50%; <c>max_shrink 100%</c> allows any, down to none), unless this one load is allowed to shrink
/// (<c>cxr load --allow-shrink</c>). A refused load keeps the live table as it was.
/// </summary>
public static class ShrinkGuard
{
    public const decimal DefaultShare = 0.5m;

    /// <summary>The share of its rows a load of <paramref name="source"/> may drop (0 to 1).</summary>
    public static decimal MaxShare(SourceModel source) =>
        source.Options.MaxShrink ?? DefaultShare;

    /// <summary>Why the load is refused, or null. <paramref name="previous"/> is the live table's rows (null: none).</summary>
    public static Diagnostic? Refusal(SourceModel source, long? previous, long rows, bool allowShrink, IReadOnlyList<string> files, string dataRoot)
    {
        if (allowShrink || previous is not ({ } before and > 0) || rows >= before) return null;
        var share = MaxShare(source);
        var dropped = before - rows;
        if (dropped <= before * share) return null;
        var percent = (double)dropped / before;
        return new Diagnostic(LoadCodes.Shrink, new SourceSpan(Path.GetRelativePath(dataRoot, files[0]), 0, 1, 1, 0),
            $"source '{source.Name}': refused to shrink: the load would replace {before.ToString("N0", CultureInfo.InvariantCulture)} rows with {rows.ToString("N0", CultureInfo.InvariantCulture)} " +
            $"(drops {percent.ToString("0.#%", CultureInfo.InvariantCulture)}, more than the {share.ToString("0.#%", CultureInfo.InvariantCulture)} a load may drop); the previous data is kept. " +
            "If the files are right, load once with `cxr load --allow-shrink`, or let this source shrink: options { max_shrink 100% }");
    }
}
