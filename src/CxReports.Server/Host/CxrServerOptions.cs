namespace CxReports.Server.Host;

/// <summary>
/// Settings of <c>cxr serve</c>, bound from the <c>Cxr</c> section of configuration (appsettings.json, then
/// environment variables such as <c>Cxr__QueryTimeoutSeconds</c>, then command-line flags) and validated at start.
/// </summary>
public sealed class CxrServerOptions
{
    public const string Section = "Cxr";

    /// <summary>Directory of the <c>.cxr</c> files that are served and watched.</summary>
    public string ReportsDirectory { get; set; } = "reports";

    /// <summary>Data directory: source files, and the warehouse unless <see cref="WarehousePath"/> says otherwise.</summary>
    public string DataDirectory { get; set; } = "demo-data";

    /// <summary>The DuckDB warehouse file; default <c>cxreports.duckdb</c> in the data directory.</summary>
    public string? WarehousePath { get; set; }

    /// <summary>Write the demo dataset into the data directory when it holds no data yet.</summary>
    public bool GenerateDemoData { get; set; } = true;

    /// <summary>Customers in the generated demo dataset.</summary>
    public int DemoCustomers { get; set; } = 2000;

    /// <summary>A report or query statement running longer than this is stopped.</summary>
    public int QueryTimeoutSeconds { get; set; } = 60;

    /// <summary>Evaluations (report or query, cache misses only) admitted at once; they take turns on the warehouse.</summary>
    public int MaxConcurrentEvaluations { get; set; } = 4;

    /// <summary>Evaluations that may wait for a turn beyond <see cref="MaxConcurrentEvaluations"/>; more get 503.</summary>
    public int EvaluationQueueLimit { get; set; } = 64;

    /// <summary>Largest request body Kestrel accepts.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest .cxr text <c>POST /api/check</c> accepts.</summary>
    public int MaxCheckBytes { get; set; } = 256 * 1024;

    /// <summary>Longest ad-hoc query text.</summary>
    public int MaxQueryLength { get; set; } = 2000;

    /// <summary>How long an evaluated result stays cached (it is also dropped as soon as its report or data changes).</summary>
    public int CacheMinutes { get; set; } = 60;

    /// <summary>Watch the reports directory and swap in the new model when it is valid.</summary>
    public bool WatchReports { get; set; } = true;

    /// <summary>Watch the data directory and load the sources whose files change.</summary>
    public bool WatchData { get; set; } = true;

    /// <summary>Quiet time after the last file change before the model is re-checked (editors write in bursts).</summary>
    public int ReloadDebounceMilliseconds { get; set; } = 300;

    public AuthOptions Auth { get; set; } = new();
}

/// <summary>API-key authentication. It can only be switched off explicitly, and the server says so in its log.</summary>
public sealed class AuthOptions
{
    public bool Enabled { get; set; } = true;
}
