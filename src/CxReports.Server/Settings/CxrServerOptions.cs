namespace CxReports.Server.Settings;

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

    /// <summary>Bytes the result cache may hold in all (documents by their length, evaluated reports by an estimate); 0 caches nothing.</summary>
    public long ResultCacheBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>A result larger than this is served but not cached.</summary>
    public long MaxCachedResultBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>Rows one result table of a query or report may have; one more is a 422.</summary>
    public int MaxResultRows { get; set; } = Engine.Execution.EvaluationLimits.DefaultMaxRows;

    /// <summary>Bytes of values a query's or report's result tables may hold together (about their JSON size); more is a 422.</summary>
    public long MaxResultBytes { get; set; } = Engine.Execution.EvaluationLimits.DefaultMaxBytes;

    /// <summary>Buckets a grain may split a period into (days from 'from' to 'to' for a day grain); more is a 422 before anything runs.</summary>
    public int MaxBuckets { get; set; } = Engine.Execution.EvaluationLimits.DefaultMaxBuckets;

    /// <summary><c>POST /api/check</c> requests checked at once; they are CPU work on the request's thread.</summary>
    public int MaxConcurrentChecks { get; set; } = 2;

    /// <summary>Checks that may wait for a turn beyond <see cref="MaxConcurrentChecks"/>; more get 503.</summary>
    public int CheckQueueLimit { get; set; } = 64;

    /// <summary>Diagnostics a check lists (the first ones); the body still counts them all.</summary>
    public int MaxDiagnostics { get; set; } = 100;

    /// <summary>The limits of one evaluation, as the engine takes them.</summary>
    public Engine.Execution.EvaluationLimits EvaluationLimits => new(MaxResultRows, MaxResultBytes, MaxBuckets);

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
