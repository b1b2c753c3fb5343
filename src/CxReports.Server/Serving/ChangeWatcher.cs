using CxReports.Server.Settings;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Serving;

/// <summary>
/// Watches the reports directory (<c>.cxr</c> files) and the data directory (source files, not the warehouse or the
/// server's secrets) and reloads once they have been quiet for a moment (editors and exports write in bursts). The
/// reload decides whether a new model is served or refused, and loads only the sources whose files changed.
/// </summary>
public sealed class ChangeWatcher(IOptions<CxrServerOptions> options, ModelReloader reloader, Security.SecretsDirectory secrets, ILogger<ChangeWatcher> log) : IHostedService, IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private Timer? _debounce;
    private readonly CancellationTokenSource _stopping = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _debounce = new Timer(_ => _ = ReloadNow(), null, Timeout.Infinite, Timeout.Infinite);
        if (options.Value.WatchReports)
            Watch(options.Value.ReportsDirectory, path => path.EndsWith(".cxr", StringComparison.OrdinalIgnoreCase) || Directory.Exists(path));
        if (options.Value.WatchData)
            Watch(options.Value.DataDirectory, path => !Path.GetFileName(path).Contains(".duckdb", StringComparison.Ordinal) && !path.Contains(".duckdb.tmp", StringComparison.Ordinal)
                                                       && !IsSecret(path));
        return Task.CompletedTask;
    }

    /// <summary>The session key ring and share secret live beside the warehouse, often inside the data directory; they are not data.</summary>
    private bool IsSecret(string path) =>
        Path.GetFullPath(path) is var full && (full == secrets.Path || full.StartsWith(secrets.Path + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private void Watch(string directory, Func<string, bool> matters)
    {
        try
        {
            var watcher = new FileSystemWatcher(Path.GetFullPath(directory))
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            FileSystemEventHandler changed = (_, e) =>
            {
                if (matters(e.FullPath) || e.ChangeType is WatcherChangeTypes.Deleted) Schedule();
            };
            watcher.Changed += changed;
            watcher.Created += changed;
            watcher.Deleted += changed;
            watcher.Renamed += (_, e) =>
            {
                if (matters(e.FullPath) || matters(e.OldFullPath)) Schedule();
            };
            watcher.Error += (_, e) =>
            {
                log.LogWarning(e.GetException(), "watching '{Directory}' failed; reloading now, and on POST /api/reload", directory);
                Schedule();
            };
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            // e.g. the inotify instance limit: serving matters more than watching.
            log.LogWarning("not watching '{Directory}' ({Reason}); changes are picked up by POST /api/reload", directory, e.Message);
        }
    }

    private void Schedule() => _debounce?.Change(options.Value.ReloadDebounceMilliseconds, Timeout.Infinite);

    private async Task ReloadNow()
    {
        try
        {
            await reloader.Reload("file change", _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            log.LogError(e, "reloading after a file change failed; the last good model keeps serving");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        foreach (var watcher in _watchers) watcher.EnableRaisingEvents = false;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _debounce?.Dispose();
        _stopping.Dispose();
    }
}
