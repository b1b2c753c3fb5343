using CxReports.Dsl.Binding.Model;
using CxReports.Engine.Warehouse;
using ValueType = CxReports.Dsl.Binding.Model.ValueType;

namespace CxReports.Engine.Loading;

/// <summary>
/// Finds where a source's checked rows end: the latest value of its time axis (<see cref="SourceModel.TimeAxis"/>,
/// its first <c>time</c> field). Only the axis counts, not the latest of all its time fields: reports bucket and
/// filter rows on the axis, and the other time fields record later or planned events (a ticket's first response,
/// a contract's end) that may lie in the future or stay blank, so their latest value does not say how far the
/// export reaches. Read from the whole staging table, so an incremental load of a glob (kept files plus new ones)
/// and a reload that drops a file both end where the published rows end.
/// </summary>
public static class DataEnd
{
    public static DataThrough? Of(DuckDbWarehouse staging, SourceModel source, string stage)
    {
        if (source.TimeAxis is not { Type: ValueType.Date or ValueType.Timestamp } axis || !source.DeclaresColumns) return null;
        var column = Sql.Identifier(axis.Name);
        var table = Sql.Identifier(stage);
        if (axis.Type == ValueType.Timestamp)
        {
            var epochMs = staging.Scalar<long?>($"SELECT epoch_ms(max({column})) FROM {table}");
            return epochMs is { } ms ? DataThrough.OfInstant(DateTimeOffset.FromUnixTimeMilliseconds(ms)) : null;
        }
        var latest = staging.Scalar<string>($"SELECT strftime(max({column}), '%Y-%m-%d') FROM {table}");
        return latest is null ? null : DataThrough.OfDate(DateOnly.ParseExact(latest, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), axis.Format);
    }
}
