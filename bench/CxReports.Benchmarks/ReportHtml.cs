using CxReports.Dsl.Model;
using System.Globalization;
using System.Net;
using System.Text;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Pdf.Charts;

namespace CxReports.Benchmarks;

/// <summary>
/// The same report as one HTML page for a browser to print: title, KPI tiles, charts as inline SVG (from the same
/// ScottPlot plots), tables with headers that repeat on each printed page. Only the benchmark's baseline uses it.
/// </summary>
public static class ReportHtml
{
    public static string Create(EvaluatedReport report)
    {
        var format = new ValueFormatter(report.Locale);
        var html = new StringBuilder();
        html.Append("""
            <!doctype html><html><head><meta charset="utf-8"><style>
            @page { size: A4; margin: 54pt 40pt 50pt 40pt }
            body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #1f2933 }
            h1 { color: #1f4e79; font-size: 22pt; border-top: 3pt solid #1f4e79; padding-top: 8pt }
            h2 { color: #1f4e79; font-size: 15pt; border-bottom: 0.8pt solid #1f4e79; break-after: avoid }
            h3 { font-size: 11pt; break-after: avoid }
            .tiles { display: flex; gap: 8pt } .tile { flex: 1; background: #f6f8fa; border-left: 2.5pt solid #1f4e79; padding: 9pt }
            .tile b { display: block; font-size: 19pt }
            table { border-collapse: collapse; font-size: 8.5pt; width: 100% } thead { display: table-header-group; background: #e6eef6; color: #1f4e79 }
            td, th { padding: 3.6pt 5pt; text-align: right } td:first-child, th:first-child { text-align: left }
            tbody tr:nth-child(even) { background: #f3f5f8 } .chart { break-inside: avoid }
            </style></head><body>
            """);
        html.Append($"<h1>{E(report.Title)}</h1><p>{E(report.Description ?? "")}</p><p>Period: {E(format.Period(report.From, report.To))}</p>");
        foreach (var section in report.Sections)
        {
            html.Append($"<h2>{E(section.Title)}</h2>");
            foreach (var block in section.Blocks)
            {
                if (block.Title is not null) html.Append($"<h3>{E(block.Title)}</h3>");
                if (block.Text is not null) html.Append($"<p>{E(block.Text)}</p>");
                if (block.Table is not { } table) continue;
                switch (block.Type)
                {
                    case "kpi":
                        html.Append("<div class=\"tiles\">");
                        foreach (var row in table.Rows)
                            html.Append($"<div class=\"tile\">{E(KpiTable.MeaningOf(table, row).Label ?? (string)row[0]!)}<b>{Cell(row[1], format)}</b>previous period: {Cell(row[2], format)}</div>");
                        html.Append("</div>");
                        break;
                    case "chart":
                        var plot = ChartPlot.Build(ChartData.From(table, format), block.Chart ?? ChartKind.Line, format, 515);
                        html.Append($"<div class=\"chart\">{plot.GetSvgXml(515, 200)}</div>");
                        break;
                    default:
                        html.Append("<table><thead><tr>");
                        foreach (var column in table.Columns) html.Append($"<th>{E(Headings.Of(column, format))}</th>");
                        html.Append("</tr></thead><tbody>");
                        foreach (var row in table.Rows)
                        {
                            html.Append("<tr>");
                            foreach (var value in row) html.Append($"<td>{Cell(value, format)}</td>");
                            html.Append("</tr>");
                        }
                        html.Append("</tbody></table>");
                        break;
                }
            }
        }
        return html.Append("</body></html>").ToString();
    }

    private static string Cell(object? value, ValueFormatter format) => E(value switch
    {
        null => "–",
        double d => d.ToString("N1", format.Culture),
        long l => l.ToString("N0", format.Culture),
        DateOnly date => format.Bucket(date, TimeUnit.Month),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    });

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
