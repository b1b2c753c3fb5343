using System.Collections.Concurrent;
using System.Net.Http.Headers;
using CxReports.Demo;
using CxReports.Engine.Warehouse;
using CxReports.Server.Evaluation;
using CxReports.Server.Host;
using CxReports.Server.Security;
using CxReports.Server.Tests.Cli;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CxReports.Server.Tests.Http;

/// <summary>
/// A server over its own copy of the sample reports and a small demo dataset (200 customers) in a temp directory,
/// with one API key per scope. In-process (TestServer) unless <c>kestrel</c> is set, then on 127.0.0.1 with a free port.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    /// <summary>A directory with the demo dataset of 200 customers, written once per test run; copy it, do not change it.</summary>
    internal static string DemoData => DemoTemplate.Value;

    private static readonly Lazy<string> DemoTemplate = new(() =>
    {
        var directory = Directory.CreateTempSubdirectory("cxr-demo-template-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(directory, recursive: true);
        DemoDataGenerator.Generate(new DemoOptions(directory, Customers: 200));
        return directory;
    });

    public string Root { get; }
    public string Reports => Path.Combine(Root, "reports");
    public string Data => Path.Combine(Root, "data");
    public WebApplication App { get; }
    public IReadOnlyDictionary<ApiScope, string> Keys { get; }
    private readonly ConcurrentQueue<LogLine> _log;

    private TestServer(string root, WebApplication app, IReadOnlyDictionary<ApiScope, string> keys, ConcurrentQueue<LogLine> log)
    {
        Root = root;
        App = app;
        Keys = keys;
        _log = log;
    }

    /// <summary>
    /// Starts a server; on the PostgreSQL database of <paramref name="postgres"/> (a connection string) when given.
    /// <paramref name="editReports"/> changes the copied report files (given their directory) before the start, and
    /// <paramref name="customize"/> the services. Log lines from <paramref name="logLevel"/> up are kept.
    /// </summary>
    public static async Task<TestServer> Start(Dictionary<string, string?>? settings = null, bool kestrel = false, string? postgres = null,
        Action<string>? editReports = null, Action<WebApplicationBuilder>? customize = null, LogLevel logLevel = LogLevel.Information)
    {
        var root = Directory.CreateTempSubdirectory("cxr-server-").FullName;
        CopyDirectory(Path.Combine(CliRunner.RepositoryRoot(), "reports"), Path.Combine(root, "reports"));
        editReports?.Invoke(Path.Combine(root, "reports"));
        CopyDirectory(DemoTemplate.Value, Path.Combine(root, "data"));

        var keys = new Dictionary<ApiScope, string>();
        var warehouseOptions = new WarehouseOptions(Path.Combine(root, "data"))
        {
            Provider = postgres is null ? WarehouseProvider.DuckDb : WarehouseProvider.Postgres,
            ConnectionString = postgres,
        };
        using (var warehouse = Warehouses.Open(warehouseOptions))
            foreach (var scope in Enum.GetValues<ApiScope>())
                ApiKeyTable.Add(warehouse, keys[scope] = ApiKeys.Generate(), scope, DateTimeOffset.UtcNow);

        var all = new Dictionary<string, string?>
        {
            ["Cxr:ReportsDirectory"] = Path.Combine(root, "reports"),
            ["Cxr:DataDirectory"] = Path.Combine(root, "data"),
            ["Cxr:ReloadDebounceMilliseconds"] = "100",
            ["Delivery:OutputRoot"] = Path.Combine(root, "out"),
            ["urls"] = "http://127.0.0.1:0",
        };
        if (postgres is not null)
        {
            all["Warehouse:Provider"] = "postgres";
            all["Warehouse:ConnectionString"] = postgres;
        }
        foreach (var (key, value) in settings ?? []) all[key] = value;

        var log = new ConcurrentQueue<LogLine>();
        var app = CxrServer.Build(all, builder =>
        {
            if (!kestrel) builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(new QueueLoggerProvider(log, logLevel));
            customize?.Invoke(builder);
        });
        var server = new TestServer(root, app, keys, log);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Everything logged so far.</summary>
    public IReadOnlyList<(LogLevel Level, string Category, string Message)> Logged() => _log.Select(l => (l.Level, l.Category, l.Message)).ToArray();

    /// <summary>Everything logged so far, with the values of the scopes each line was written in.</summary>
    public IReadOnlyList<LogLine> LoggedWithScopes() => _log.ToArray();

    public HttpClient Client(ApiScope? scope = null)
    {
        var client = App.Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>() is Microsoft.AspNetCore.TestHost.TestServer test
            ? test.CreateClient()
            : new HttpClient { BaseAddress = new Uri(App.Urls.First()) };
        if (scope is { } s) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Keys[s]);
        return client;
    }

    /// <summary>Real evaluations so far (cache hits do not count).</summary>
    public long Evaluations => App.Services.GetRequiredService<EvaluationLimiter>().Admitted;

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    internal static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<LogLine> queue, LogLevel minimum) : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
        public ILogger CreateLogger(string categoryName) => new QueueLogger(queue, categoryName, minimum, () => _scopes);
        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
        public void Dispose() { }
    }

    private sealed class QueueLogger(ConcurrentQueue<LogLine> queue, string category, LogLevel minimum, Func<IExternalScopeProvider> scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => scopes().Push(state);
        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new Dictionary<string, string?>();
            scopes().ForEachScope((scope, into) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (key, value) in pairs) into[key] = value?.ToString();
            }, values);
            queue.Enqueue(new LogLine(logLevel, category, formatter(state, exception), exception, values));
        }
    }
}

/// <summary>A log line as a test server kept it: level, category, message, exception and its scopes' values.</summary>
public sealed record LogLine(LogLevel Level, string Category, string Message, Exception? Exception, IReadOnlyDictionary<string, string?> Scopes);

/// <summary>One server shared by the endpoint tests (they only read, or reload without changing anything).</summary>
public sealed class SharedServer : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestServer.Start();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SharedServerCollection : ICollectionFixture<SharedServer>
{
    public const string Name = "shared server";
}

/// <summary>One server on a real Kestrel socket on 127.0.0.1, shared by the tests of a class that only read.</summary>
public sealed class SharedKestrelServer : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestServer.Start(kestrel: true);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
