using System.Collections.Concurrent;
using CxReports.Server.Host;
using CxReports.Server.Security;
using CxReports.Server.Tests.Cli;
using CxReports.Server.Tests.Delivery;
using CxReports.Server.Tests.Http;
using Microsoft.Extensions.Logging;

namespace CxReports.Server.Tests.Monitoring;

/// <summary>
/// No secret in any log line, at the most verbose level: API keys (used, wrong, in every scope), the SMTP password,
/// the webhook signing secret and a webhook URL's password and tokens (in the query, and in the path as Slack keeps
/// them), a PostgreSQL password. The whole captured log
/// (messages, exceptions, scope values) is searched.
/// </summary>
public sealed class SecretsInLogsTests
{
    private const string SmtpPassword = "smtp-Pa55word-9d1e";
    private const string SigningSecret = "whsec-signing-7b2c";
    private const string HookPassword = "hook-pw-41aa";
    private const string HookToken = "hook-token-c0ffee";
    private const string HookPathToken = "T0-B1-path-token-5e5e";

    private static readonly Dictionary<string, string?> Verbose = new()
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
    };

    private static void AssertNoSecret(IEnumerable<string> lines, IEnumerable<string> secrets)
    {
        foreach (var line in lines)
        foreach (var secret in secrets)
            Assert.False(line.Contains(secret, StringComparison.Ordinal), $"a log line shows \"{secret}\": {line}");
    }

    [Fact]
    public async Task Keys_delivery_passwords_and_webhook_credentials_never_reach_the_log()
    {
        using var smtp = new SmtpServer(Directory.CreateTempSubdirectory("cxr-smtp-").FullName).Start();
        using var hook = new WebhookReceiver(404);
        var url = hook.Url.Replace("http://", $"http://hook-user:{HookPassword}@") + $"{HookPathToken}?token={HookToken}";
        var settings = new Dictionary<string, string?>(Verbose)
        {
            ["Delivery:SmtpHost"] = "127.0.0.1",
            ["Delivery:SmtpPort"] = smtp.Port.ToString(),
            ["Delivery:SmtpSecurity"] = "None",
            ["Delivery:SmtpUser"] = "cx",
            ["Delivery:SmtpPassword"] = SmtpPassword,
            ["Delivery:WebhookSecret"] = SigningSecret,
        };
        await using var server = await TestServer.Start(settings, kestrel: true, logLevel: LogLevel.Trace, editReports: reports =>
            File.WriteAllText(Path.Combine(reports, "told.cxr"), $$"""
                report told "Told" {
                  period previous 12 months
                  schedule "0 0 1 1 *" {
                    email "ops@example.com" as json
                    webhook "{{url}}" as json
                  }
                  section "S" {
                    kpi nps
                  }
                }
                """));

        foreach (var scope in Enum.GetValues<ApiScope>())
            await server.Client(scope).GetAsync("/api/reports");
        var wrong = server.Client();
        wrong.DefaultRequestHeaders.Authorization = new("Bearer", server.Keys[ApiScope.Admin][..^4] + "0000");
        await wrong.GetAsync("/api/status");
        var run = await (await server.Client(ApiScope.Run).PostAsync("/api/reports/told/run", null)).Json();

        // the run went as far as both channels: the SMTP server takes no login, the webhook answers 404
        Assert.Equal("failed", run.GetProperty("outcome").GetString());
        var lines = server.LoggedWithScopes();
        Assert.Contains(lines, l => l.Level == LogLevel.Warning && l.Message.Contains("email ops@example.com failed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Level == LogLevel.Warning && l.Message.Contains("webhook http://***@127.0.0.1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Level == LogLevel.Trace || l.Level == LogLevel.Debug);
        AssertNoSecret(lines.Select(l => $"{l.Category} {l.Message} {l.Exception} {string.Join(" ", l.Scopes)}"),
            [.. server.Keys.Values, server.Keys[ApiScope.Admin][..^4], SmtpPassword, SigningSecret, HookPassword, HookToken, HookPathToken]);
    }

    [Fact]
    public async Task A_warehouse_password_is_not_in_the_log_or_the_failure_when_the_warehouse_cannot_be_reached()
    {
        const string password = "pg-Secret-77e1";
        var data = Directory.CreateTempSubdirectory("cxr-pg-refused-").FullName;
        var log = new ConcurrentQueue<string>();
        var settings = new Dictionary<string, string?>(Verbose)
        {
            ["Cxr:ReportsDirectory"] = Path.Combine(CliRunner.RepositoryRoot(), "reports"),
            ["Cxr:DataDirectory"] = data,
            ["Cxr:GenerateDemoData"] = "false",
            ["Warehouse:Provider"] = "postgres",
            ["Warehouse:ConnectionString"] = $"Host=127.0.0.1;Port=1;Username=cx;Password={password};Database=cx;Timeout=2",
            ["urls"] = "http://127.0.0.1:0",
        };
        await using var app = CxrServer.Build(settings, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(new LinesProvider(log));
        });
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        // what cxr serve prints names the server, not the password
        Assert.Contains("127.0.0.1", refused.Message);
        AssertNoSecret([.. log, refused.ToString()], [password]);
    }

    /// <summary>Every line, with its exception, as text.</summary>
    private sealed class LinesProvider(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{formatter(state, exception)} {exception}");
        public void Dispose() { }
    }
}
