using System.Net;
using System.Text.Json;
using CxReports.Server.Security;

namespace CxReports.Server.Tests.Http;

/// <summary>
/// <c>GET /api/alerts</c> and <c>GET /api/alerts/{name}</c> over a real socket: each alert of reports/alerts.cxr (and the
/// extra one of <see cref="AlertsServer"/>) with its condition in words, next check in its zone, redacted targets and
/// the states written to the warehouse; hostile names are 4xx problems, never a 500.
/// </summary>
public sealed class AlertsEndpointTests(AlertsServer shared) : IClassFixture<AlertsServer>
{
    private HttpClient Reader() => shared.Server.Client(ApiScope.Read);

    private static JsonElement Named(JsonElement list, string name) => list.EnumerateArray().Single(a => a.GetProperty("name").GetString() == name);

    [Fact]
    public async Task The_list_gives_every_alert_with_its_condition_guards_next_check_and_channels()
    {
        var list = await (await Reader().GetAsync("/api/alerts")).Json();

        Assert.Equal(["answers_move", "churn_high", "nps_drop", "nps_rise"], list.EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        var drop = Named(list, "nps_drop");
        Assert.Equal(("NPS düştü", "nps", "month"), (drop.GetProperty("label").GetString(), drop.GetProperty("metric").GetString(), drop.GetProperty("grain").GetString()));
        Assert.Equal(["channel"], drop.GetProperty("dimensions").Strings());
        Assert.Equal("nps by channel drops by 5 points or more vs the previous month", drop.GetProperty("condition").GetString());
        Assert.Equal(("responses_n", 30), (drop.GetProperty("minimum").GetProperty("metric").GetString(), drop.GetProperty("minimum").GetProperty("count").GetInt32()));
        Assert.Equal((0.95, "nps"), (drop.GetProperty("significance").GetProperty("level").GetDouble(), drop.GetProperty("significance").GetProperty("test").GetString()));
        // "0 9 * * *" in Istanbul: it is 11:30 there on 2026-12-07, so the next check is 09:00 tomorrow, said in the zone's offset.
        var check = drop.GetProperty("check");
        Assert.Equal(("0 9 * * *", "Europe/Istanbul", "2026-12-08T09:00:00+03:00"),
            (check.GetProperty("cron").GetString(), check.GetProperty("timeZone").GetString(), check.GetProperty("nextCheck").GetString()));
        Assert.Equal("email cx@firma.com.tr", string.Join(" | ", drop.GetProperty("channels").EnumerateArray().Select(Channel)));

        // "0 9 2 * *": December 2nd has passed; January 2nd.
        Assert.Equal("2027-01-02T09:00:00+03:00", Named(list, "nps_rise").GetProperty("check").GetProperty("nextCheck").GetString());
        var churn = Named(list, "churn_high");
        Assert.Equal("churn above 2.5% in the last month", churn.GetProperty("condition").GetString());
        Assert.Equal(JsonValueKind.Null, churn.GetProperty("minimum").ValueKind);
        Assert.Equal(JsonValueKind.Null, churn.GetProperty("significance").ValueKind);
        Assert.Equal("email cx@firma.com.tr | webhook https://intranet.example/hooks/***", string.Join(" | ", churn.GetProperty("channels").EnumerateArray().Select(Channel)));

        var moves = Named(list, "answers_move");
        Assert.Equal("responses_n by channel, customer.plan changes by 10% or more either way vs the same quarter a year earlier", moves.GetProperty("condition").GetString());
        Assert.Equal(JsonValueKind.Null, moves.GetProperty("check").ValueKind);
        Assert.Equal((true, false), (moves.GetProperty("relativeChange").GetBoolean(), drop.GetProperty("relativeChange").GetBoolean()));
        Assert.Equal("slack https://hooks.slack.com/services/*** | teams https://prod-00.westeurope.logic.azure.com/workflows/***?api-version=***&sig=***",
            string.Join(" | ", moves.GetProperty("channels").EnumerateArray().Select(Channel)));
    }

    [Fact]
    public async Task No_webhook_token_or_signature_appears_anywhere_in_the_answer()
    {
        var text = await (await Reader().GetAsync("/api/alerts")).Content.ReadAsStringAsync();

        Assert.DoesNotContain("SECRET", text);
        Assert.DoesNotContain("/hooks/cx", text);
        Assert.DoesNotContain("abc123", text);
    }

    [Fact]
    public async Task Each_segment_s_stored_state_is_shown_with_its_values_and_last_numbers()
    {
        var list = await (await Reader().GetAsync("/api/alerts")).Json();

        var segments = Named(list, "nps_drop").GetProperty("segments").EnumerateArray().ToArray();
        Assert.Equal(["channel=phone", "channel=web"], segments.Select(s => s.GetProperty("segment").GetString()));
        var phone = segments[0];
        Assert.Equal("phone", phone.GetProperty("values").GetProperty("channel").GetString());
        Assert.Equal(("firing", "2025-09-01T06:00:00+00:00", "2025-10-01T06:00:00+00:00"),
            (phone.GetProperty("state").GetString(), phone.GetProperty("since").GetString(), phone.GetProperty("evaluated").GetString()));
        Assert.Equal((31.25, 42.5, -11.25, 0.0123), (phone.GetProperty("value").GetDouble(), phone.GetProperty("previous").GetDouble(),
            phone.GetProperty("change").GetDouble(), phone.GetProperty("pValue").GetDouble()));
        Assert.Equal(("normal", JsonValueKind.Null), (segments[1].GetProperty("state").GetString(), segments[1].GetProperty("pValue").ValueKind));

        // The whole (no dimensions) is one segment named "" with no values.
        var churn = Assert.Single(Named(list, "churn_high").GetProperty("segments").EnumerateArray());
        Assert.Equal(("", 0, "firing"), (churn.GetProperty("segment").GetString(), churn.GetProperty("values").EnumerateObject().Count(), churn.GetProperty("state").GetString()));
        Assert.Equal(JsonValueKind.Null, churn.GetProperty("previous").ValueKind);

        // Two dimensions, one of them without a value: "(none)" is null.
        var both = Assert.Single(Named(list, "answers_move").GetProperty("segments").EnumerateArray()).GetProperty("values");
        Assert.Equal(("phone", JsonValueKind.Null), (both.GetProperty("channel").GetString(), both.GetProperty("customer.plan").ValueKind));
        Assert.Equal(JsonValueKind.Null, Assert.Single(Named(list, "answers_move").GetProperty("segments").EnumerateArray()).GetProperty("value").ValueKind);

        // Never checked: no segments yet. A removed alert's states are nowhere.
        Assert.Empty(Named(list, "nps_rise").GetProperty("segments").EnumerateArray());
        Assert.DoesNotContain("old_alert", list.GetRawText());
    }

    [Fact]
    public async Task One_alert_is_the_same_as_its_entry_in_the_list()
    {
        var list = await (await Reader().GetAsync("/api/alerts")).Json();
        var one = await (await Reader().GetAsync("/api/alerts/nps_drop")).Json();

        Assert.Equal(Named(list, "nps_drop").GetRawText(), one.GetRawText());
    }

    [Fact]
    public async Task An_unknown_alert_is_a_404_naming_the_closest_alert()
    {
        var problem = await (await Reader().GetAsync("/api/alerts/nps_dorp")).Problem(HttpStatusCode.NotFound);

        Assert.Equal(("Unknown alert", "There is no alert 'nps_dorp'. Did you mean 'nps_drop'?"), (problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()));
        Assert.Equal(("name", "nps_drop"), (problem.GetProperty("parameter").GetString(), problem.GetProperty("suggestion").GetString()));
        Assert.Equal(["answers_move", "churn_high", "nps_drop", "nps_rise"], problem.GetProperty("alerts").Strings());
    }

    public static TheoryData<string, string> BadNames => new()
    {
        { "/api/alerts/" + new string('a', 129), "name" },
        { "/api/alerts/" + new string('a', 5000), "name" },
        { "/api/alerts/a..b", "name" },
        { "/api/alerts/..%2f..%2fetc%2fpasswd", "name" },
        { "/api/alerts/nps%20drop", "name" },
        { "/api/alerts/%C3%A7%C4%B1k%C4%B1%C5%9F", "name" },
        { "/api/alerts/nps_drop%01", "name" },
        { "/api/alerts?name=nps_drop", "name" },
        { "/api/alerts/nps_drop?from=2025-01-01", "from" },
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task A_malformed_name_or_an_unknown_parameter_is_a_400_naming_it(string url, string parameter)
    {
        var problem = await (await Reader().GetAsync(url)).Problem(HttpStatusCode.BadRequest);

        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
        Assert.True(problem.GetRawText().Length < 2000, problem.GetRawText());
    }

    [Fact]
    public async Task A_long_name_is_quoted_cut_and_a_control_character_escaped()
    {
        var longer = await (await Reader().GetAsync("/api/alerts/" + new string('a', 5000))).Problem(HttpStatusCode.BadRequest);
        Assert.Equal($"'{new string('a', 77)}...' is not an alert name (letters, digits and _; starting with a letter or _)", longer.GetProperty("detail").GetString());
        var control = await (await Reader().GetAsync("/api/alerts/nps_drop%01")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal("'nps_drop\\u0001' is not an alert name (letters, digits and _; starting with a letter or _)", control.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/alerts/%2e%2e")]
    [InlineData("/api/alerts/.%2e")]
    [InlineData("/api/alerts/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/api/alerts/a%00b")]
    public async Task Dot_segments_and_NUL_in_the_name_are_a_4xx(string path)
    {
        var response = await Reader().GetAsync(path);

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.DoesNotContain(" at ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_key_the_alerts_are_a_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await shared.Server.Client().GetAsync("/api/alerts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await shared.Server.Client().GetAsync("/api/alerts/nps_drop")).StatusCode);
    }

    private static string Channel(JsonElement channel) => $"{channel.GetProperty("kind").GetString()} {channel.GetProperty("target").GetString()}";
}
