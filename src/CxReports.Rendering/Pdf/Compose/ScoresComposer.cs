using CxReports.Engine.Results;
using CxReports.Rendering.Pdf.Blocks;
using CxReports.Rendering.Pdf.Formatting;
using CxReports.Rendering.Pdf.Style;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Compose;

/// <summary>
/// A score list (key, score, band, components, extra fields) as a table: the score as a bar coloured by band, the band
/// as a badge, components and extra fields as numbers.
/// </summary>
public static class ScoresComposer
{
    private static readonly SKColor Watch = new(0xB7, 0x79, 0x1F);

    public static TableData Compose(ResultTable table, ValueFormatter format, string? title)
    {
        int score = table.IndexOf("score"), band = table.IndexOf("band");
        var decimals = TableComposer.Decimals(table);
        var columns = table.Columns.Select((c, i) => new TableColumn(Headings.Of(c, format),
            i == score ? CellKind.Bar : i == band ? CellKind.Badge : TableComposer.IsNumeric(c) ? CellKind.Number : CellKind.Text)).ToList();
        var rows = table.Rows.Select(row =>
        {
            var bandName = band >= 0 ? Convert.ToString(row[band], format.Culture) : null;
            var color = BandColor(bandName);
            return table.Columns.Select((c, i) =>
                i == band ? new TableCell(bandName is null ? "–" : Headings.Readable(bandName), null, color)
                : i == score ? new TableCell(format.Cell(row[i], c, decimals[i], TimeGrain.Day), AsDouble(row[i]), color)
                : new TableCell(format.Cell(row[i], c, decimals[i], TimeGrains.Of(c)))).ToArray();
        }).ToList();
        return new TableData(columns, rows, title, format.Text.Continued);
    }

    public static SKColor BandColor(string? band) => band?.ToLowerInvariant() switch
    {
        null => Theme.Neutral,
        var b when b.Contains("risk") || b.Contains("critical") || b.Contains("churn") || b == "poor" || b == "red" => Theme.Bad,
        var b when b.Contains("health") || b == "good" || b == "green" || b.Contains("promoter") => Theme.Good,
        _ => Watch,
    };

    private static double? AsDouble(object? value) => value switch
    {
        double d => d,
        long l => l,
        _ => null,
    };
}
