using CxReports.Dsl.Model;

namespace CxReports.Engine.Results;

/// <summary>
/// The shape of a KPI block's table: one row per metric with its value, the previous period's and the change, and
/// the metric's meaning on the row itself (label, unit, decimals, direction, relative_change, currency, per_month),
/// because each row is a different metric and so no column can carry it; and for a snapshot (customers active) the
/// day at whose end it was taken (<c>as_of</c>; null for flows).
/// </summary>
public static class KpiTable
{
    public static IReadOnlyList<ResultColumn> Columns { get; } =
    [
        new("metric", ColumnType.Text), new("value", ColumnType.Number), new("previous", ColumnType.Number), new("change", ColumnType.Number),
        new("label", ColumnType.Text), new("unit", ColumnType.Text), new("decimals", ColumnType.Integer),
        new("direction", ColumnType.Text), new("relative_change", ColumnType.Boolean),
        new("currency", ColumnType.Text), new("per_month", ColumnType.Boolean), new("as_of", ColumnType.Date),
    ];

    public static object?[] Row(string metric, object? value, object? previous, object? change, Meaning meaning, DateOnly? asOf = null) =>
    [
        metric, value, previous, change, meaning.Label ?? metric, Name(meaning.Unit),
        meaning.Decimals is { } d ? (long)d : null, Name(meaning.Direction), meaning.RelativeChange,
        meaning.Currency, meaning.PerMonth, asOf,
    ];

    /// <summary>
    /// The meaning a row states; a table without the meaning columns (written by an older version) means only
    /// its numbers, under the metric's name.
    /// </summary>
    public static Meaning MeaningOf(ResultTable table, object?[] row)
    {
        string? Text(string column) => table.IndexOf(column) is var i and >= 0 ? row[i] as string : null;
        var metric = Text("metric") ?? "";
        var unit = Enum.TryParse<Unit>(Text("unit"), ignoreCase: true, out var u) ? u : Unit.None;
        var defaults = Meaning.Of(unit, ParseDirection(Text("direction")), Text("label") ?? metric);
        var decimals = table.IndexOf("decimals") is var di and >= 0 ? row[di] : null;
        var relative = table.IndexOf("relative_change") is var ri and >= 0 ? row[ri] : null;
        var perMonth = table.IndexOf("per_month") is var pi and >= 0 ? row[pi] : null;
        return defaults with
        {
            Decimals = decimals is long l ? (int)l : table.IndexOf("decimals") >= 0 ? null : defaults.Decimals,
            RelativeChange = relative is bool b ? b : defaults.RelativeChange,
            Currency = Text("currency"),
            PerMonth = perMonth is true,
        };
    }

    /// <summary>How a unit is written in documents: <c>percent</c>, <c>currency</c>, <c>none</c>.</summary>
    public static string Name(Unit unit) => unit.ToString().ToLowerInvariant();

    /// <summary>How a direction is written in documents: <c>higher</c>, <c>lower</c> (is better) or <c>neutral</c>.</summary>
    public static string Name(Direction direction) => direction switch
    {
        Direction.HigherIsBetter => "higher",
        Direction.LowerIsBetter => "lower",
        _ => "neutral",
    };

    public static Direction ParseDirection(string? text) => text switch
    {
        "higher" => Direction.HigherIsBetter,
        "lower" => Direction.LowerIsBetter,
        _ => Direction.Neutral,
    };
}
