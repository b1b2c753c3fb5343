using System.Globalization;
using CxReports.Dsl.Model;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Rendering.Formatting;

namespace CxReports.Rendering.Sheets;

/// <summary>A column of a spreadsheet table: its header (label and unit) and what its cells hold.</summary>
public sealed record SheetColumn(string Header, ColumnType Type, TimeUnit? Grain);

/// <summary>
/// One cell: its value already rounded to the decimals it is shown with (a <see cref="double"/>, <see cref="long"/>,
/// <see cref="DateOnly"/>, <see cref="string"/>, <see cref="bool"/> or null), and those decimals, per cell because a
/// KPI table has one metric per row.
/// </summary>
public readonly record struct SheetCell(object? Value, int Decimals);

/// <summary>
/// A block's table as spreadsheets show it, the same in CSV and XLSX: headers from labels (dimensions named as on the
/// page, units in brackets), numbers rounded to the decimals the PDF shows them with, KPI tables as one row per metric
/// (label, value, previous, change, and the change in % where the PDF prints one) with the row's own decimals. The machine-readable meaning stays in the JSON.
/// </summary>
public sealed record SheetTable(string BlockId, string? Title, IReadOnlyList<SheetColumn> Columns, IReadOnlyList<SheetCell[]> Rows)
{
    public static SheetTable Of(EvaluatedBlock block, ValueFormatter format) =>
        block.Type == "kpi" && block.Table!.IndexOf("metric") >= 0 ? Kpi(block.Id, block.Title, block.Table, format)
        : block.Type == "scores" ? Of(block.Id, block.Title, block.Table!, format, Headings.OfScores(block.Table!, format))
        : block.Type == "scenario" ? Of(block.Id, block.Title, block.Table!, format, Headings.OfScenario(block.Table!, format))
        : Of(block.Id, block.Title, block.Table!, format);

    /// <summary>A table as a sheet, its columns headed as the page heads them unless <paramref name="headings"/> are given.</summary>
    public static SheetTable Of(string id, string? title, ResultTable table, ValueFormatter format, IReadOnlyList<string>? headings = null)
    {
        var text = format.Text.Sheet;
        var decimals = ValueFormatter.Decimals(table);
        var columns = table.Columns.Select((c, i) => new SheetColumn(text.WithUnit(headings?[i] ?? Headings.Of(c, format), c.Meaning, format), c.Type,
            c.Type == ColumnType.Date ? (c.Grain ?? TimeUnit.Day) : null)).ToArray();
        // A spreadsheet is read by people, like the page: a labelled code shows its name (JSON keeps the code).
        var rows = table.Rows.Select(row => row.Select((v, i) => table.Columns[i].LabelOf(v) is { } label
            ? new SheetCell(label, 0)
            : Cell(v, decimals[i])).ToArray()).ToArray();
        return new SheetTable(id, title, columns, rows);
    }

    private static SheetTable Kpi(string id, string? title, ResultTable table, ValueFormatter format)
    {
        var text = format.Text.Sheet;
        int value = table.IndexOf("value"), previous = table.IndexOf("previous"), change = table.IndexOf("change");
        var rows = table.Rows.Select(row =>
        {
            var meaning = KpiTable.MeaningOf(table, row);
            var numbers = new[] { row[value], row[previous] }.Select(Number).OfType<double>();
            var decimals = ValueFormatter.Decimals(meaning, ColumnType.Number, numbers);
            return new[]
            {
                new SheetCell(text.WithUnit(meaning.Label ?? "", meaning, format), 0),
                Cell(row[value], decimals), Cell(row[previous], decimals), Cell(row[change], decimals),
                Cell(meaning.RelativeChange ? RelativePercent(Number(row[change]), Number(row[previous])) : null, 1),
            };
        }).ToArray();
        SheetColumn[] columns =
        [
            new(text.Metric, ColumnType.Text, null), new(text.Value, ColumnType.Number, null),
            new(text.Previous, ColumnType.Number, null), new(text.Change, ColumnType.Number, null),
            new(text.WithUnit(text.Change, Unit.Percent), ColumnType.Number, null),
        ];
        return new SheetTable(id, title, columns, rows);
    }

    /// <summary>
    /// The change as a percentage of the previous value, as the PDF prints it beside the change ("+4.9%") for metrics
    /// whose meaning allows a relative change; undefined (empty) where the previous value is 0 or unknown.
    /// </summary>
    private static double? RelativePercent(double? change, double? previous) =>
        change is { } delta && previous is { } basis && basis != 0 && double.IsFinite(basis) ? 100 * delta / Math.Abs(basis) : null;

    // The one place that turns a value into what CSV and XLSX show.
    private static SheetCell Cell(object? value, int decimals) => value switch
    {
        double d => new SheetCell(double.IsFinite(d) ? Rounded(d, decimals) : null, decimals),
        decimal m => new SheetCell(Rounded((double)m, decimals), decimals),
        int i => new SheetCell((long)i, 0),
        long l => new SheetCell(l, 0),
        DateTime dt => new SheetCell(DateOnly.FromDateTime(dt), 0),
        _ => new SheetCell(value, 0),
    };

    /// <summary>
    /// The number the page shows: rounded through its own decimal text, so a spreadsheet holds exactly the digits the
    /// PDF prints (2.675 is 2.67499… as a double and prints 2.67; rounding by multiplying could say 2.68).
    /// </summary>
    private static double Rounded(double value, int decimals)
    {
        var rounded = double.Parse(value.ToString("F" + decimals, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return rounded == 0 ? 0 : rounded; // no "-0"
    }

    private static double? Number(object? value) => value switch
    {
        double d when double.IsFinite(d) => d,
        long l => l,
        int i => i,
        decimal m => (double)m,
        _ => null,
    };
}
