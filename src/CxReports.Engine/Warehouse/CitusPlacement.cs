using CxReports.Engine.Dialects;

namespace CxReports.Engine.Warehouse;

/// <summary>
/// The Citus statement that places a new source table (see <see cref="TablePlacement"/>): distributed by its column,
/// in the default co-location group (every table distributed by a column of one type and the default shard count
/// shares it, so customers and the rows linking to them are co-located), or a reference table on every worker.
/// </summary>
public static class CitusPlacement
{
    public static string Distribute(string schema, string table, PublishedTable placement)
    {
        var qualified = Sql.Literal($"{Sql.Identifier(schema)}.{Sql.Identifier(table)}");
        return placement.DistributeBy is { } column
            ? $"SELECT create_distributed_table({qualified}, {Sql.Literal(column)})"
            : $"SELECT create_reference_table({qualified})";
    }
}
