namespace CxReports.Engine.Warehouse;

/// <summary>Where the warehouse file lives and which directory its sources may read.</summary>
public sealed record WarehouseOptions(string DataDirectory, string? DatabasePath = null, string MemoryLimit = "4GB")
{
    /// <summary>The database file: as configured, or <c>cxreports.duckdb</c> inside the data directory.</summary>
    public string DatabaseFile => Path.GetFullPath(DatabasePath ?? Path.Combine(DataDirectory, "cxreports.duckdb"));

    public string DataRoot => Path.GetFullPath(DataDirectory);
}
