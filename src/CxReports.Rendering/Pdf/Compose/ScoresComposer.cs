using CxReports.Dsl.Model;
using CxReports.Engine.Results;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Pdf.Blocks;
using CxReports.Rendering.Pdf.Style;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Compose;

/// <summary>
/// A score list (key, score, band, components, extra fields) as a table: the score as a bar coloured by the band's
/// rank, the band as a badge, components and extra fields as numbers.
/// </summary>
public static class ScoresComposer
{
    public static TableData Compose(ResultTable table, ValueFormatter format, string? title)
    {
        int score = table.IndexOf("score"), band = table.IndexOf("band");
        var decimals = ValueFormatter.Decimals(table);
        var headings = Headings.OfScores(table, format);
        var columns = table.Columns.Select((c, i) => new TableColumn(headings[i],
            i == score ? CellKind.Bar : i == band ? CellKind.Badge : TableComposer.IsNumeric(c) ? CellKind.Number : CellKind.Text)).ToList();
        var rows = table.Rows.Select(row =>
        {
            var bandName = band >= 0 ? Convert.ToString(row[band], format.Culture) : null;
            var color = BandColor(bandName, band >= 0 ? table.Columns[band].Levels : null);
            return table.Columns.Select((c, i) =>
                i == band ? new TableCell(bandName is null ? "–" : c.LabelOf(bandName) ?? Headings.Readable(bandName, format.Culture), null, color)
                : i == score ? new TableCell(format.Cell(row[i], c, decimals[i], TimeUnit.Day), AsDouble(row[i]), color)
                : new TableCell(format.Cell(row[i], c, decimals[i], (c.Grain ?? TimeUnit.Day)))).ToArray();
        }).ToList();
        return new TableData(columns, rows, title, format.Text.Continued);
    }

    /// <summary>
    /// A band's colour by its rank among the score's bands (best first), never by its name: the best green, the
    /// worst red, those between amber; a band the column does not rank is neutral.
    /// </summary>
    public static SKColor BandColor(string? band, IReadOnlyList<string>? levels)
    {
        var rank = band is null || levels is null ? -1 : levels.ToList().IndexOf(band);
        return rank < 0 || levels!.Count < 2 ? Theme.Neutral
            : rank == 0 ? Theme.Good
            : rank == levels.Count - 1 ? Theme.Bad
            : Theme.Watch;
    }

    private static double? AsDouble(object? value) => value switch
    {
        double d => d,
        long l => l,
        _ => null,
    };
}
