using Microsoft.Extensions.Options;

namespace CxReports.Server.Settings;

/// <summary>Checks the settings before the server starts, naming each setting at fault and what it accepts.</summary>
public sealed class CxrServerOptionsValidator : IValidateOptions<CxrServerOptions>
{
    public ValidateOptionsResult Validate(string? name, CxrServerOptions options)
    {
        var failures = new List<string>();
        void Range(string setting, long value, long min, long max)
        {
            if (value < min || value > max) failures.Add($"Cxr:{setting} must be between {min} and {max} (got {value})");
        }

        if (string.IsNullOrWhiteSpace(options.ReportsDirectory))
            failures.Add("Cxr:ReportsDirectory is empty: set the directory of the .cxr files (flag --reports)");
        else if (!Directory.Exists(options.ReportsDirectory))
            failures.Add($"Cxr:ReportsDirectory '{options.ReportsDirectory}' does not exist (flag --reports DIR; run from the repository root for the samples)");
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
            failures.Add("Cxr:DataDirectory is empty: set the data directory (flag --data)");
        else if (!Directory.Exists(options.DataDirectory) && !options.GenerateDemoData)
            failures.Add($"Cxr:DataDirectory '{options.DataDirectory}' does not exist and Cxr:GenerateDemoData is false");
        if (options.WarehousePath is { } warehouse && Directory.Exists(warehouse))
            failures.Add($"Cxr:WarehousePath '{warehouse}' is a directory; it names the DuckDB file");

        Range(nameof(options.DemoCustomers), options.DemoCustomers, 10, 1_000_000);
        Range(nameof(options.QueryTimeoutSeconds), options.QueryTimeoutSeconds, 1, 3600);
        Range(nameof(options.MaxConcurrentEvaluations), options.MaxConcurrentEvaluations, 1, 256);
        Range(nameof(options.EvaluationQueueLimit), options.EvaluationQueueLimit, 0, 10_000);
        Range(nameof(options.MaxRequestBodyBytes), options.MaxRequestBodyBytes, 1024, 100L * 1024 * 1024);
        Range(nameof(options.MaxCheckBytes), options.MaxCheckBytes, 1024, 16 * 1024 * 1024);
        Range(nameof(options.MaxQueryLength), options.MaxQueryLength, 16, 100_000);
        Range(nameof(options.CacheMinutes), options.CacheMinutes, 1, 7 * 24 * 60);
        Range(nameof(options.ReloadDebounceMilliseconds), options.ReloadDebounceMilliseconds, 10, 60_000);
        Range(nameof(options.ResultCacheBytes), options.ResultCacheBytes, 0, 64L * 1024 * 1024 * 1024);
        Range(nameof(options.MaxCachedResultBytes), options.MaxCachedResultBytes, 0, 1024L * 1024 * 1024);
        Range(nameof(options.MaxResultRows), options.MaxResultRows, 1, 100_000_000);
        Range(nameof(options.MaxResultBytes), options.MaxResultBytes, 1024, 1024L * 1024 * 1024);
        Range(nameof(options.MaxBuckets), options.MaxBuckets, 1, 1_000_000);
        Range(nameof(options.MaxConcurrentChecks), options.MaxConcurrentChecks, 1, 256);
        Range(nameof(options.CheckQueueLimit), options.CheckQueueLimit, 0, 10_000);
        Range(nameof(options.MaxDiagnostics), options.MaxDiagnostics, 1, 100_000);
        if (options.MaxCheckBytes > options.MaxRequestBodyBytes)
            failures.Add($"Cxr:MaxCheckBytes ({options.MaxCheckBytes}) exceeds Cxr:MaxRequestBodyBytes ({options.MaxRequestBodyBytes})");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
