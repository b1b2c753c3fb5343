namespace CxReports.Engine.Warehouse;

/// <summary>Opens the warehouse the options choose.</summary>
public static class Warehouses
{
    public static IWarehouse Open(WarehouseOptions options) => options.Provider switch
    {
        WarehouseProvider.Postgres => PostgresWarehouse.Open(options),
        _ => DuckDbWarehouse.Open(options),
    };
}
