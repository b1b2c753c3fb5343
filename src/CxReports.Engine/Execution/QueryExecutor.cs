using System.Text;
using CxReports.Engine.Planning;
using CxReports.Engine.Results;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Execution;

/// <summary>
/// Runs planned queries on the warehouse within the time limit and reads typed result tables, counting rows and
/// value bytes as they are read: the first row past <see cref="EvaluationLimits.MaxRows"/> in a table, or the first
/// value past <see cref="EvaluationLimits.MaxBytes"/> over all the tables this executor has read, stops reading
/// (<see cref="ResultLimitException"/>), so an oversized result is never held whole.
/// </summary>
public sealed class QueryExecutor(IWarehouse warehouse, TimeSpan timeout, EvaluationLimits? limits = null)
{
    private readonly EvaluationLimits _limits = limits ?? EvaluationLimits.None;
    private long _bytes;

    public ResultTable Execute(PlannedQuery plan)
    {
        var count = 0;
        var rows = warehouse.QueryReport(plan.Sql, plan.Parameters, timeout, reader =>
        {
            if (++count > _limits.MaxRows) throw new ResultLimitException(ResultLimit.Rows, _limits.MaxRows);
            return ReadRow(reader, 0, plan.Columns, plan.Order);
        });
        return new ResultTable(plan.Columns, plan.Order is { } order ? order.Apply(plan.Columns, rows) : rows);
    }

    /// <summary>
    /// The tables of a statement that computes several queries (<see cref="PlannedQuery.Parts"/>), by the block of each
    /// part: each row goes to the part its first column names, and each part is ordered and limited as if it had run alone.
    /// </summary>
    public IReadOnlyDictionary<string, ResultTable> ExecuteParts(PlannedQuery plan)
    {
        var parts = plan.Parts ?? throw new InvalidOperationException("the statement computes one query: use Execute");
        var counts = new int[parts.Count];
        var read = warehouse.QueryReport(plan.Sql, plan.Parameters, timeout, reader =>
        {
            var index = Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            var part = parts[index];
            if (++counts[index] > _limits.MaxRows) throw new ResultLimitException(ResultLimit.Rows, _limits.MaxRows, part.Block);
            return (Part: index, Row: ReadRow(reader, 1, part.Columns, part.Order));
        });
        var tables = new Dictionary<string, ResultTable>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Count; i++)
        {
            var rows = read.Where(r => r.Part == i).Select(r => r.Row).ToList();
            tables[parts[i].Block] = new ResultTable(parts[i].Columns, parts[i].Order.Apply(parts[i].Columns, rows));
        }
        return tables;
    }

    /// <summary>
    /// One row's values from column <paramref name="first"/> on, counted against the byte limit; a ranked order's rows
    /// carry their rank after their columns, for the cut made once the rows are in order.
    /// </summary>
    private object?[] ReadRow(System.Data.IDataRecord reader, int first, IReadOnlyList<ResultColumn> columns, RowOrder? order)
    {
        var values = new object?[columns.Count + (order is { Ranked: true } ? 1 : 0)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.IsDBNull(first + i) ? null : Read(reader.GetValue(first + i), i < columns.Count ? columns[i].Type : ColumnType.Integer);
            _bytes += ValueBytes(values[i]);
        }
        if (_bytes > _limits.MaxBytes) throw new ResultLimitException(ResultLimit.Bytes, _limits.MaxBytes);
        return values;
    }

    /// <summary>
    /// What a value adds to a result, at most what the JSON document writes for it: text its UTF-8 length and quotes,
    /// a number 24 bytes (the longest a double prints), a date 12, anything else 5.
    /// </summary>
    public static long ValueBytes(object? value) => value switch
    {
        string text => Encoding.UTF8.GetByteCount(text) + 2,
        double or long => 24,
        DateOnly => 12,
        _ => 5,
    };

    private static object? Read(object value, ColumnType type) => type switch
    {
        ColumnType.Integer => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        ColumnType.Number => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) is var d && double.IsFinite(d) ? d : null,
        ColumnType.Date => value switch
        {
            DateOnly date => date,
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            _ => DateOnly.Parse(value.ToString()!, System.Globalization.CultureInfo.InvariantCulture),
        },
        ColumnType.Boolean => Convert.ToBoolean(value, System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
