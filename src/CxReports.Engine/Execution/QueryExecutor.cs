using CxReports.Engine.Planning;
using CxReports.Engine.Results;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Execution;

/// <summary>Runs planned queries on the warehouse within the time limit and reads typed result tables.</summary>
public sealed class QueryExecutor(IWarehouse warehouse, TimeSpan timeout)
{
    public ResultTable Execute(PlannedQuery plan)
    {
        var rows = warehouse.QueryReport(plan.Sql, plan.Parameters, timeout, reader =>
        {
            var values = new object?[plan.Columns.Count];
            for (var i = 0; i < values.Length; i++)
                values[i] = reader.IsDBNull(i) ? null : Read(reader.GetValue(i), plan.Columns[i].Type);
            return values;
        });
        return new ResultTable(plan.Columns, rows);
    }

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
