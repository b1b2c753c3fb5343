using CxReports.Engine.Alerts;
using CxReports.Server.Serving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CxReports.Server.Tests.Http;

/// <summary>
/// A server on 127.0.0.1 over the sample reports (reports/alerts.cxr) plus alerts that notify Slack and Teams, with
/// alert states written to its warehouse as a check would leave them, and a clock stopped at <see cref="Now"/>, so the
/// next checks are known and no check runs meanwhile.
/// </summary>
public sealed class AlertsServer : IAsyncLifetime
{
    /// <summary>Monday 2026-12-07, 08:30 UTC: 11:30 in Istanbul (UTC+3).</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 30, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset FiredAt = new(2025, 9, 1, 6, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset JudgedAt = new(2025, 10, 1, 6, 0, 0, TimeSpan.Zero);

    public const string SlackHook = "https://hooks.slack.com/services/T0SECRET/B0SECRET/XSECRETTOKEN";
    public const string TeamsHook = "https://prod-00.westeurope.logic.azure.com/workflows/abc123/triggers/manual?api-version=2016-06-01&sig=SECRETSIG";

    private const string Extra = $$"""
        alert answers_move "Answers moved" {
          when responses_n by channel, customer.plan changes by 10% vs previous year
          grain quarter
          notify slack "{{SlackHook}}", teams "{{TeamsHook}}"
        }
        """;

    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await Start();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A server as described above; the caller disposes it.</summary>
    public static async Task<TestServer> Start()
    {
        var server = await TestServer.Start(kestrel: true,
            editReports: reports => File.WriteAllText(Path.Combine(reports, "more_alerts.cxr"), Extra),
            customize: builder => builder.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
        new AlertStateStore(server.App.Services.GetRequiredService<WarehouseGate>()).EnsureCreated().Save(
        [
            new AlertState("nps_drop", "channel=phone", true, FiredAt, JudgedAt, 31.25) { Previous = 42.5, Change = -11.25, PValue = 0.0123 },
            new AlertState("nps_drop", "channel=web", false, FiredAt, JudgedAt, 40) { Previous = 38, Change = 2, PValue = null },
            new AlertState("churn_high", "", true, FiredAt, JudgedAt, 3.1),
            new AlertState("answers_move", "channel=phone, customer.plan=(none)", false, FiredAt, JudgedAt, null),
            // An alert since removed from the files: its states stay in the table and are shown nowhere.
            new AlertState("old_alert", "", true, FiredAt, JudgedAt, 1),
        ]);
        return server;
    }
}
