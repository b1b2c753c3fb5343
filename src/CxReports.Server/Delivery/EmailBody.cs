using System.Net;
using System.Text;
using CxReports.Engine.Reports;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Pdf.Compose;

namespace CxReports.Server.Delivery;

/// <summary>
/// The short email body in the report's language: title, period and the headline KPIs of the report's first KPI
/// block, each worded as its PDF tile is (label, value with its unit, change, previous value); where the data ends,
/// and when the period runs past it, a sentence saying that the figures stop there.
/// </summary>
public static class EmailBody
{
    public static string Text(EvaluatedReport report)
    {
        var format = new ValueFormatter(report.Locale);
        var text = new StringBuilder($"{report.Title}\n{Period(report, format)}\n");
        foreach (var line in Freshness(report, format)) text.Append(line).Append('\n');
        text.Append('\n');
        foreach (var (metric, value, change) in Headlines(report, format))
            text.Append($"{metric}: {value}{(change is null ? "" : $" ({change})")}\n");
        return text.Append($"\n{format.Text.Attached}\n").ToString();
    }

    public static string Html(EvaluatedReport report)
    {
        var format = new ValueFormatter(report.Locale);
        var rows = string.Concat(Headlines(report, format).Select(h =>
            $"<tr><td>{WebUtility.HtmlEncode(h.Metric)}</td><td style=\"text-align:right\"><b>{h.Value}</b></td><td>{h.Change}</td></tr>"));
        return $"<h2>{WebUtility.HtmlEncode(report.Title)}</h2><p>{WebUtility.HtmlEncode(Period(report, format))}</p>" +
               string.Concat(Freshness(report, format).Select(line => $"<p>{WebUtility.HtmlEncode(line)}</p>")) +
               (rows.Length > 0 ? $"<table>{rows}</table>" : "") + $"<p>{WebUtility.HtmlEncode(format.Text.Attached)}</p>";
    }

    /// <summary>"Period: Dec 1, 2025 – Nov 30, 2026" in the report's language.</summary>
    private static string Period(EvaluatedReport report, ValueFormatter format) =>
        $"{format.Text.Period}: {format.Period(report.From, report.To)}";

    /// <summary>Where the data ends, and when the period runs past it, that the figures stop there.</summary>
    private static IEnumerable<string> Freshness(EvaluatedReport report, ValueFormatter format) =>
        new[] { DataFreshness.Through(report.Freshness, format), DataFreshness.PastData(report.Freshness, format) }.OfType<string>();

    private static IEnumerable<(string Metric, string Value, string? Change)> Headlines(EvaluatedReport report, ValueFormatter format)
    {
        var kpi = report.Sections.SelectMany(s => s.Blocks).FirstOrDefault(b => b.Type == "kpi")?.Table;
        if (kpi is null) return [];
        return KpiComposer.Tiles(kpi, format).Select(tile => (tile.Label, tile.Value,
            tile.Change is null ? tile.Comparison : tile.Comparison is null ? tile.Change : $"{tile.Change}; {tile.Comparison}"));
    }
}
