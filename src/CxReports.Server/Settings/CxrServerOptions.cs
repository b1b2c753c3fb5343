using System.ComponentModel.DataAnnotations;

namespace CxReports.Server.Settings;

/// <summary>
/// Settings of <c>cxr serve</c>, bound from the <c>Cxr</c> section of configuration (appsettings.json, then
/// environment variables such as <c>Cxr__QueryTimeoutSeconds</c>, then command-line flags) and validated at start
/// (<see cref="CxrServerOptionsValidator"/>: the <see cref="SettingRangeAttribute"/> of each number, then <see cref="Validate"/>).
/// </summary>
public sealed class CxrServerOptions : IValidatableObject
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
    [SettingRange(10, 1_000_000)]
    public int DemoCustomers { get; set; } = 2000;

    /// <summary>A report or query statement running longer than this is stopped.</summary>
    [SettingRange(1, 3600)]
    public int QueryTimeoutSeconds { get; set; } = 60;

    /// <summary>Evaluations (report or query, cache misses only) admitted at once; they take turns on the warehouse.</summary>
    [SettingRange(1, 256)]
    public int MaxConcurrentEvaluations { get; set; } = 4;

    /// <summary>Evaluations that may wait for a turn beyond <see cref="MaxConcurrentEvaluations"/>; more get 503.</summary>
    [SettingRange(0, 10_000)]
    public int EvaluationQueueLimit { get; set; } = 64;

    /// <summary>Largest request body Kestrel accepts.</summary>
    [SettingRange(1024, 100L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest .cxr text <c>POST /api/check</c> accepts.</summary>
    [SettingRange(1024, 16 * 1024 * 1024)]
    public int MaxCheckBytes { get; set; } = 256 * 1024;

    /// <summary>Longest ad-hoc query text.</summary>
    [SettingRange(16, 100_000)]
    public int MaxQueryLength { get; set; } = 2000;

    /// <summary>How long an evaluated result stays cached (it is also dropped as soon as its report or data changes).</summary>
    [SettingRange(1, 7 * 24 * 60)]
    public int CacheMinutes { get; set; } = 60;

    /// <summary>Bytes the result cache may hold in all (documents by their length, evaluated reports by an estimate); 0 caches nothing.</summary>
    [SettingRange(0, 64L * 1024 * 1024 * 1024)]
    public long ResultCacheBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>A result larger than this is served but not cached.</summary>
    [SettingRange(0, 1024L * 1024 * 1024)]
    public long MaxCachedResultBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>
    /// Report requests (request target and Accept header) the cached-report shortcut remembers, to answer them again
    /// from the result cache ahead of the auth and endpoint machinery; 0 turns the shortcut off.
    /// </summary>
    [SettingRange(0, 100_000)]
    public int ReportShortcuts { get; set; } = 10_000;

    /// <summary>Rows one result table of a query or report may have; one more is a 422.</summary>
    [SettingRange(1, 100_000_000)]
    public int MaxResultRows { get; set; } = Engine.Execution.EvaluationLimits.DefaultMaxRows;

    /// <summary>Bytes of values a query's or report's result tables may hold together (about their JSON size); more is a 422.</summary>
    [SettingRange(1024, 1024L * 1024 * 1024)]
    public long MaxResultBytes { get; set; } = Engine.Execution.EvaluationLimits.DefaultMaxBytes;

    /// <summary>Buckets a grain may split a period into (days from 'from' to 'to' for a day grain); more is a 422 before anything runs.</summary>
    [SettingRange(1, 1_000_000)]
    public int MaxBuckets { get; set; } = Engine.Execution.EvaluationLimits.DefaultMaxBuckets;

    /// <summary><c>POST /api/check</c> requests checked at once; they are CPU work on the request's thread.</summary>
    [SettingRange(1, 256)]
    public int MaxConcurrentChecks { get; set; } = 2;

    /// <summary>Checks that may wait for a turn beyond <see cref="MaxConcurrentChecks"/>; more get 503.</summary>
    [SettingRange(0, 10_000)]
    public int CheckQueueLimit { get; set; } = 64;

    /// <summary>Diagnostics a check lists (the first ones); the body still counts them all.</summary>
    [SettingRange(1, 100_000)]
    public int MaxDiagnostics { get; set; } = 100;

    /// <summary>The limits of one evaluation, as the engine takes them.</summary>
    public Engine.Execution.EvaluationLimits EvaluationLimits => new(MaxResultRows, MaxResultBytes, MaxBuckets);

    /// <summary>Watch the reports directory and swap in the new model when it is valid.</summary>
    public bool WatchReports { get; set; } = true;

    /// <summary>Watch the data directory and load the sources whose files change.</summary>
    public bool WatchData { get; set; } = true;

    /// <summary>Quiet time after the last file change before the model is re-checked (editors write in bursts).</summary>
    [SettingRange(10, 60_000)]
    public int ReloadDebounceMilliseconds { get; set; } = 300;

    public AuthOptions Auth { get; set; } = new();

    public MetricsOptions Metrics { get; set; } = new();

    public AccessOptions Access { get; set; } = new();

    /// <summary>What no range can say: directories that must exist, and settings that bound each other.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (string.IsNullOrWhiteSpace(ReportsDirectory))
            yield return new ValidationResult("Cxr:ReportsDirectory is empty: set the directory of the .cxr files (flag --reports)");
        else if (!Directory.Exists(ReportsDirectory))
            yield return new ValidationResult($"Cxr:ReportsDirectory '{ReportsDirectory}' does not exist (flag --reports DIR; run from the repository root for the samples)");
        if (string.IsNullOrWhiteSpace(DataDirectory))
            yield return new ValidationResult("Cxr:DataDirectory is empty: set the data directory (flag --data)");
        else if (!Directory.Exists(DataDirectory) && !GenerateDemoData)
            yield return new ValidationResult($"Cxr:DataDirectory '{DataDirectory}' does not exist and Cxr:GenerateDemoData is false");
        if (WarehousePath is { } warehouse && Directory.Exists(warehouse))
            yield return new ValidationResult($"Cxr:WarehousePath '{warehouse}' is a directory; it names the DuckDB file");
        if (MaxCheckBytes > MaxRequestBodyBytes)
            yield return new ValidationResult($"Cxr:MaxCheckBytes ({MaxCheckBytes}) exceeds Cxr:MaxRequestBodyBytes ({MaxRequestBodyBytes})");
        foreach (var mistake in Access.Validate()) yield return mistake;
    }
}

/// <summary>API-key authentication. It can only be switched off explicitly, and the server says so in its log.</summary>
public sealed class AuthOptions
{
    public bool Enabled { get; set; } = true;
}
