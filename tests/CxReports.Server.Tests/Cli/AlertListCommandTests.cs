using System.Text.Json;
using CxReports.Engine.Alerts;
using CxReports.Engine.Warehouse;
using CxReports.Server.Tests.Http;

namespace CxReports.Server.Tests.Cli;

/// <summary>
/// <c>cxr alert list</c> over the sample alerts (reports/alerts.cxr) and alert states written to the warehouse as a
/// check leaves them: each alert with its condition, guards, next check and channels, and per segment its state, as a
/// table and as the JSON of <c>GET /api/alerts</c>.
/// </summary>
public sealed class AlertListCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cxr-cli-alert-list-").FullName;
    private readonly string _repository = CliRunner.RepositoryRoot();
    private static readonly DateTimeOffset FiredAt = new(2025, 9, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset JudgedAt = new(2025, 10, 1, 6, 0, 0, TimeSpan.Zero);

    private string Data => Path.Combine(_root, "data");

    public AlertListCommandTests()
    {
        TestServer.CopyDirectory(TestServer.DemoData, Data);
        using var warehouse = Warehouses.Open(new WarehouseOptions(Data));
        new AlertStateStore(new DirectWarehouseAccess(warehouse)).EnsureCreated().Save(
        [
            new AlertState("nps_drop", "channel=phone", true, FiredAt, JudgedAt, 31.25) { Previous = 42.5, Change = -11.25, PValue = 0.0123 },
            new AlertState("nps_drop", "channel=web", false, FiredAt, JudgedAt, 40) { Previous = 38, Change = 2 },
            new AlertState("churn_high", "", true, FiredAt, JudgedAt, 3.1),
        ]);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private (int Exit, string Out, string Err) Cxr(params string[] args) =>
        CliRunner.Run(_repository, [.. args, "--reports", Path.Combine(_repository, "reports"), "--data", Data]);

    private static string[] Block(string output, string alert) =>
        output.Split('\n').SkipWhile(l => !l.StartsWith(alert + " ", StringComparison.Ordinal)).TakeWhile((l, i) => i == 0 || l.StartsWith("  ", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void The_table_gives_each_alert_its_condition_guards_check_channels_and_segments()
    {
        var (exit, output, errors) = Cxr("alert", "list");

        Assert.True(exit == 0, errors);
        var drop = Block(output, "nps_drop");
        Assert.Equal("nps_drop \"NPS düştü\": nps by channel drops by 5 points or more vs the previous month", drop[0]);
        Assert.Equal("  guards: min responses_n 30, significance 95% (nps)", drop[1]);
        Assert.Matches(@"^  next check: \d{4}-\d\d-\d\d 09:00 UTC\+03:00 \(0 9 \* \* \* Europe/Istanbul\)$", drop[2]);
        Assert.Equal("  notify: email cx@firma.com.tr", drop[3]);
        Assert.Equal(
        [
            "  segment        state   since                 value  previous  change       p",
            "  channel=phone  firing  2025-09-01 06:00 UTC  31.25      42.5  -11.25  0.0123",
            "  channel=web    normal  2025-09-01 06:00 UTC     40        38      +2       -",
        ], drop[4..]);

        var churn = Block(output, "churn_high");
        Assert.Equal("churn_high \"Aylık kayıp oranı yüksek\": churn above 2.5% in the last month", churn[0]);
        Assert.Equal("  notify: email cx@firma.com.tr, webhook https://intranet.example/hooks/***", churn[2]);
        Assert.Equal("  (all)    firing  2025-09-01 06:00 UTC    3.1         -       -  -", churn[4]);
        Assert.Equal("  not checked yet", Block(output, "nps_rise")[^1]);
        Assert.DoesNotContain("/hooks/cx", output);
    }

    [Fact]
    public void The_json_is_what_the_api_answers()
    {
        var (exit, output, errors) = Cxr("alert", "list", "--format", "json");

        Assert.True(exit == 0, errors);
        var alerts = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["churn_high", "nps_drop", "nps_rise"], alerts.EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        var phone = alerts[1].GetProperty("segments")[0];
        Assert.Equal(("channel=phone", "phone", "firing", "2025-09-01T06:00:00+00:00"),
            (phone.GetProperty("segment").GetString(), phone.GetProperty("values").GetProperty("channel").GetString(),
             phone.GetProperty("state").GetString(), phone.GetProperty("since").GetString()));
        Assert.Equal((-11.25, 0.0123), (phone.GetProperty("change").GetDouble(), phone.GetProperty("pValue").GetDouble()));
        Assert.Equal("https://intranet.example/hooks/***", alerts[0].GetProperty("channels")[1].GetProperty("target").GetString());
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error_naming_the_formats_and_quoting_the_value_escaped_and_cut()
    {
        // Shorten reads the first 80 characters, escapes the control character (6 characters shown) and cuts to 77 and "...".
        var (exit, _, errors) = Cxr("alert", "list", "--format", "xml\u0001" + new string('x', 5000));

        Assert.Equal(2, exit);
        Assert.Contains($"--format must be table or json (got 'xml\\u0001{new string('x', 68)}...')", errors);
        Assert.DoesNotContain('\u0001', errors);
        Assert.True(errors.Length < 400, errors);
    }
}
