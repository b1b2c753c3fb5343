using CxReports.Server.Host;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Serving;

/// <summary>
/// Watches the reports directory and reloads once the files have been quiet for a moment (editors save in several
/// writes). The reload itself decides whether the new model is served or refused.
/// </summary>
public sealed class ReportsWatcher(IOptions<CxrServerOptions> options, ModelReloader reloader, ILogger<ReportsWatcher> log) : IHostedService, IDisposable
{
    private FileSystemWatcher? _watcher;
    private Timer? _debounce;
    private readonly CancellationTokenSource _stopping = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.WatchReports) return Task.CompletedTask;
        _debounce = new Timer(_ => _ = ReloadNow(), null, Timeout.Infinite, Timeout.Infinite);
        try
        {
            _watcher = new FileSystemWatcher(Path.GetFullPath(options.Value.ReportsDirectory))
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            _watcher.Changed += OnChange;
            _watcher.Created += OnChange;
            _watcher.Deleted += OnChange;
            _watcher.Renamed += OnChange;
            _watcher.Error += (_, e) =>
            {
                log.LogWarning(e.GetException(), "watching the reports directory failed; changes will be picked up on the next event or POST /api/reload");
                Schedule();
            };
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            // e.g. the inotify instance limit: serving matters more than watching.
            log.LogWarning("not watching '{Directory}' ({Reason}); report changes are picked up by POST /api/reload", options.Value.ReportsDirectory, e.Message);
        }
        return Task.CompletedTask;
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        // Directories change too (a new subfolder); only .cxr files and directory events can change the model.
        if (e.FullPath.EndsWith(".cxr", StringComparison.OrdinalIgnoreCase) || Directory.Exists(e.FullPath) || e.ChangeType is WatcherChangeTypes.Deleted or WatcherChangeTypes.Renamed)
            Schedule();
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
        if (_watcher is not null) _watcher.EnableRaisingEvents = false;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
        _stopping.Dispose();
    }
}
