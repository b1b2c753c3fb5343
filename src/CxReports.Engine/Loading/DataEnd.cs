using CxReports.Engine.Dialects;
using CxReports.Dsl.Model;
using CxReports.Engine.Warehouse;
using FieldKind = CxReports.Dsl.Model.FieldKind;
using ValueType = CxReports.Dsl.Model.ValueType;

namespace CxReports.Engine.Loading;

/// <summary>
/// Finds where a source's checked rows end: the latest value over all its <c>time</c> fields, not its time axis
/// alone. Each time field records something that has happened (a signup, a departure, a first response), so the
/// export reaches at least as far as the latest of them; a customer list whose signups are sparse still reaches its
/// latest departure. Dates that have not happened yet (a contract's planned end) are <c>column ...: date</c>, not
/// time fields, and do not count. Read from the whole staging table, so an incremental load of a glob (kept files
/// plus new ones) and a reload that drops a file both end where the published rows end.
/// </summary>
public static class DataEnd
{
    public static DataThrough? Of(DuckDbWarehouse staging, SourceModel source, string stage)
    {
        if (!source.DeclaresColumns) return null;
        var ends = source.Fields.Where(f => f is { Kind: FieldKind.Time, Type: ValueType.Date or ValueType.Timestamp })
            .Select(f => Of(staging, f, Sql.Identifier(stage))).OfType<DataThrough>().ToArray();
        // The latest by day; on the same day a date (the whole day) reaches further than an instant in it.
        return ends.OrderByDescending(e => e.Day).ThenBy(e => e.Instant is null ? 0 : 1).FirstOrDefault();
    }

    private static DataThrough? Of(DuckDbWarehouse staging, FieldModel field, string table)
    {
        var column = Sql.Identifier(field.Name);
        if (field.Type == ValueType.Timestamp)
        {
            var epochMs = staging.Scalar<long?>($"SELECT epoch_ms(max({column})) FROM {table}");
            return epochMs is { } ms ? DataThrough.OfInstant(DateTimeOffset.FromUnixTimeMilliseconds(ms)) : null;
        }
        var latest = staging.Scalar<string>($"SELECT strftime(max({column}), '%Y-%m-%d') FROM {table}");
        return latest is null ? null : DataThrough.OfDate(DateOnly.ParseExact(latest, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), field.Format);
    }
}
