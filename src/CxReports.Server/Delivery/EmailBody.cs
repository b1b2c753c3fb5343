using System.Globalization;
using System.Net;
using System.Text;
using CxReports.Engine.Reports;
using CxReports.Rendering.Pdf.Compose;
using CxReports.Rendering.Pdf.Formatting;

namespace CxReports.Server.Delivery;

/// <summary>
/// The short email body: title, period and the headline KPIs of the report's first KPI block, each worded as its PDF
/// tile is (label, value with its unit, change, previous value); where the data ends, and when the period runs past
/// it, a sentence saying that the figures stop there.
/// </summary>
public static class EmailBody
{
    public static string Text(EvaluatedReport report)
    {
        var text = new StringBuilder($"{report.Title}\n{Period(report)}\n");
        foreach (var line in Freshness(report)) text.Append(line).Append('\n');
        text.Append('\n');
        foreach (var (metric, value, change) in Headlines(report))
            text.Append($"{metric}: {value}{(change is null ? "" : $" ({change})")}\n");
        return text.Append("\nThe full report is attached.\n").ToString();
    }

    public static string Html(EvaluatedReport report)
    {
        var rows = string.Concat(Headlines(report).Select(h =>
            $"<tr><td>{WebUtility.HtmlEncode(h.Metric)}</td><td style=\"text-align:right\"><b>{h.Value}</b></td><td>{h.Change}</td></tr>"));
        return $"<h2>{WebUtility.HtmlEncode(report.Title)}</h2><p>{Period(report)}</p>" +
               string.Concat(Freshness(report).Select(line => $"<p>{WebUtility.HtmlEncode(line)}</p>")) +
               (rows.Length > 0 ? $"<table>{rows}</table>" : "") + "<p>The full report is attached.</p>";
    }

    private static string Period(EvaluatedReport report) =>
        $"{report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} – {report.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>Where the data ends, and when the period runs past it, that the figures stop there.</summary>
    private static IEnumerable<string> Freshness(EvaluatedReport report)
    {
        var format = new ValueFormatter(report.Locale);
        return new[] { DataFreshness.Through(report.Freshness, format), DataFreshness.PastData(report.Freshness, format) }.OfType<string>();
    }

    private static IEnumerable<(string Metric, string Value, string? Change)> Headlines(EvaluatedReport report)
    {
        var kpi = report.Sections.SelectMany(s => s.Blocks).FirstOrDefault(b => b.Type == "kpi")?.Table;
        if (kpi is null) return [];
        return KpiComposer.Tiles(kpi, new ValueFormatter(report.Locale)).Select(tile => (tile.Label, tile.Value,
            tile.Change is null ? tile.Comparison : tile.Comparison is null ? tile.Change : $"{tile.Change}; {tile.Comparison}"));
    }
}
