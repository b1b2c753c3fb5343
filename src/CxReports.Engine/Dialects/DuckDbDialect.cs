using System.Globalization;
using CxReports.Dsl.Model;

namespace CxReports.Engine.Dialects;

/// <summary>DuckDB's SQL: <c>date_trunc</c>, <c>generate_series</c>, <c>quantile_cont</c>, <c>arg_max</c>, ICU time zones.</summary>
public sealed class DuckDbDialect : ISqlDialect
{
    public static DuckDbDialect Instance { get; } = new();

    public string Name => "duckdb";

    public string Truncate(TimeUnit unit, string dateExpression) =>
        $"CAST(date_trunc('{unit.Word()}', {dateExpression}) AS DATE)";

    public string LocalDate(string expression, bool isInstant, string timeZoneParameter) =>
        isInstant ? $"CAST(timezone({timeZoneParameter}, {expression}) AS DATE)" : $"CAST({expression} AS DATE)";

    /// <remarks>
    /// ICU reads a repeated wall time at its last occurrence; where the clocks go back across midnight (Havana,
    /// Amman: 01:00 back to 00:00) the day began an hour earlier, at the first one. Checked against the per-row local
    /// date every 10 minutes of 2012-2025 in 14 zones with unusual transitions: no instant falls on the wrong day.
    /// </remarks>
    public string LocalDayStart(string dateExpression, string timeZoneParameter)
    {
        var midnight = $"timezone({timeZoneParameter}, CAST({dateExpression} AS TIMESTAMP))";
        return $"(CASE WHEN CAST(timezone({timeZoneParameter}, {midnight} - INTERVAL 1 HOUR) AS DATE) = CAST({dateExpression} AS DATE) " +
               $"THEN {midnight} - INTERVAL 1 HOUR ELSE {midnight} END)";
    }

    public string AddUnits(string dateExpression, TimeUnit unit, int count) =>
        $"CAST({dateExpression} {(count < 0 ? "-" : "+")} INTERVAL {Math.Abs(count).ToString(CultureInfo.InvariantCulture)} {unit.Word()} AS DATE)";

    public string BucketSeries(TimeUnit unit, string fromParameter, string toParameter) =>
        $"SELECT CAST(bucket AS DATE) AS bucket FROM generate_series({Truncate(unit, $"CAST({fromParameter} AS DATE)")}, " +
        $"CAST({toParameter} AS DATE), INTERVAL 1 {unit.Word()}) AS t(bucket)";

    public string Quantile(string value, string fraction, string filter) =>
        $"quantile_cont({value}, {fraction}) FILTER (WHERE {filter})";

    public string ValueAt(string value, string order, bool last, string filter) =>
        $"{(last ? "arg_max" : "arg_min")}({value}, {order})" + (filter == "TRUE" ? "" : $" FILTER (WHERE {filter})");

    public string SafeDivide(string numerator, string denominator) =>
        $"(CAST({numerator} AS DOUBLE) / NULLIF(CAST({denominator} AS DOUBLE), 0))";

    public string Elapsed(string difference, double secondsPerUnit) =>
        $"(epoch({difference}) / {secondsPerUnit.ToString(CultureInfo.InvariantCulture)})";

    public string Parameter(int index) => "$" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>DuckDB compares text by bytes already.</summary>
    public string Bytewise(string textExpression) => textExpression;

    public string SameValue(string left, string right) => $"{left} IS NOT DISTINCT FROM {right}";

    }
