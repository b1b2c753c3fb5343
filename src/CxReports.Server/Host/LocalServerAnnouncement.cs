using CxReports.Server.Security;
using CxReports.Server.Settings;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Host;

/// <summary>
/// Tells <c>cxr</c> commands on this server's warehouse that it is listening: writes the <see cref="LocalServerFile"/>
/// next to the warehouse once the server listens, and removes it when the server stops. Holds the secret that admits
/// the commands forwarded to it (made at start, never logged).
/// </summary>
public sealed class LocalServerAnnouncement(
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<CxrServerOptions> options,
    IOptions<WarehouseSettings> warehouse,
    TimeProvider time,
    ILogger<LocalServerAnnouncement> log) : IHostedService
{
    private readonly string _secret = LocalServerFile.NewSecret();
    private LocalServerFile? _announced;

    /// <summary>Registers the announcement and its secret (for <c>cxr serve</c>; a server built otherwise writes no file).</summary>
    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<LocalServerAnnouncement>();
        services.AddHostedService(provider => provider.GetRequiredService<LocalServerAnnouncement>());
    }

    /// <summary>Where the file is (or would be) written.</summary>
    public string FilePath { get; } = LocalServerFile.PathFor(warehouse.Value.For(options.Value).DatabaseFile);

    /// <summary>Whether <paramref name="given"/> is this server's secret (constant time).</summary>
    public bool Admits(string? given) => LocalServerFile.SameSecret(given, _secret);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Announce);
        // Withdrawn as soon as the server begins to stop: a command starting then runs in process once the lock is free.
        lifetime.ApplicationStopping.Register(Withdraw);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Withdraw();
        return Task.CompletedTask;
    }

    private void Announce()
    {
        var bound = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (ListeningAddresses.ForLocalClient(bound) is not { } address) return;
        var file = new LocalServerFile(address, Environment.ProcessId, time.GetUtcNow(), _secret);
        try
        {
            file.Write(FilePath);
            _announced = file;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogWarning("cxr commands on this warehouse cannot go through this server: '{File}' could not be written ({Reason})", FilePath, e.Message);
        }
    }

    private void Withdraw()
    {
        try
        {
            Interlocked.Exchange(ref _announced, null)?.DeleteIfOurs(FilePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogWarning("'{File}' could not be removed ({Reason}); cxr commands will find its server gone and ignore it", FilePath, e.Message);
        }
    }
}
