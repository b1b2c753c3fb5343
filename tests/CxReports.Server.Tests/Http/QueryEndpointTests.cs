using System.Net;
using CxReports.Server.Security;

namespace CxReports.Server.Tests.Http;

[Collection(SharedServerCollection.Name)]
public sealed class QueryEndpointTests(SharedServer shared)
{
    private TestServer Server => shared.Server;

    [Fact]
    public async Task A_query_returns_one_table_with_dimensions_then_metrics_and_is_cached()
    {
        var client = Server.Client(ApiScope.Read);
        const string url = "/api/query?q=nps,%20csat%20by%20month&from=2026-01-01&to=2026-06-30";
        var first = await client.GetAsync(url);
        var table = await first.Json();
        Assert.Equal(["month", "nps", "csat"], table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray());
        Assert.Equal(["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01"],
            table.GetProperty("rows").EnumerateArray().Select(r => r[0].GetString()!).ToArray());
        var second = await client.GetAsync(url);
        Assert.Equal(("miss", "hit"), (first.Header("X-Cache"), second.Header("X-Cache")));
    }

    [Fact]
    public async Task A_month_after_the_data_ends_is_unknown_not_zero()
    {
        // The demo data ends in October 2026 (DemoOptions.DefaultEnd): November has no tickets because none are loaded.
        var table = await (await Server.Client(ApiScope.Read).GetAsync("/api/query?q=count(tickets)%20by%20month&from=2026-10-01&to=2026-11-30")).Json();
        var rows = table.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal(System.Text.Json.JsonValueKind.Number, rows[0][1].ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rows[1][1].ValueKind);
    }

    [Fact]
    public async Task A_query_with_a_mistake_is_422_with_the_column_of_the_mistake()
    {
        var problem = await (await Server.Client(ApiScope.Read).GetAsync("/api/query?q=nps%20by%20chanel")).Problem(HttpStatusCode.UnprocessableEntity);
        var diagnostic = problem.GetProperty("diagnostics").EnumerateArray().First();
        Assert.Equal("<query>", diagnostic.GetProperty("file").GetString());
        Assert.Equal(8, diagnostic.GetProperty("column").GetInt32());
        Assert.Equal("CXR010", diagnostic.GetProperty("code").GetString());
        Assert.Contains("channel", diagnostic.GetProperty("hint").GetString());
    }

    [Fact]
    public async Task Without_a_timezone_a_query_buckets_in_the_model_blocks_zone_and_timezone_still_overrides_it()
    {
        // The sample model's block says Europe/Istanbul: answers in the last hours of a month (UTC) count in the next one.
        var client = Server.Client(ApiScope.Read);
        async Task<string> Rows(string extra) =>
            (await (await client.GetAsync("/api/query?q=nps,%20responses_n%20by%20month&from=2025-11-01&to=2026-06-30" + extra)).Json()).GetProperty("rows").GetRawText();

        var byDefault = await Rows("");
        Assert.Equal(await Rows("&timezone=Europe/Istanbul"), byDefault);
        Assert.NotEqual(await Rows("&timezone=UTC"), byDefault);
    }

    [Theory]
    [InlineData("/api/query", "q")]
    [InlineData("/api/query?q=%20", "q")]
    [InlineData("/api/query?q=nps&q=csat", "q")]
    [InlineData("/api/query?q=nps&from=01.02.2025", "from")]
    [InlineData("/api/query?q=nps&timezone=Mars/Olympus", "timezone")]
    [InlineData("/api/query?q=nps&locale=xx-YY", "locale")]
    [InlineData("/api/query?q=nps&locale=", "locale")]
    [InlineData("/api/query?q=nps&locale=tr-TR%00", "locale")]
    [InlineData("/api/query?q=nps&locale=tr-TR&locale=en-US", "locale")]
    public async Task A_missing_or_malformed_parameter_is_400_naming_it(string url, string parameter)
    {
        var problem = await (await Server.Client(ApiScope.Read).GetAsync(url)).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task An_overlong_locale_is_400_naming_it()
    {
        var problem = await (await Server.Client(ApiScope.Read).GetAsync("/api/query?q=nps&locale=" + new string('x', 5000))).Problem(HttpStatusCode.BadRequest);
        Assert.Equal("locale", problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Cities_sort_in_the_turkish_alphabet_and_bands_in_their_declared_order()
    {
        var client = Server.Client(ApiScope.Read);
        static async Task<string[]> First(HttpResponseMessage response) =>
            (await response.Json()).GetProperty("rows").EnumerateArray().Select(r => r[0].GetString() ?? "(blank)").ToArray();

        // The demo's twelve cities in the Turkish alphabet: İ sorts after I (between H and J), so before Kayseri and Trabzon.
        Assert.Equal(["Ankara", "Antalya", "Bursa", "Eskişehir", "Gaziantep", "İstanbul", "İzmir", "Kayseri", "Kocaeli", "Konya", "Muğla", "Trabzon"],
            await First(await client.GetAsync("/api/query?q=new_customers%20by%20city&from=2024-01-01&to=2026-06-30&locale=tr-TR")));
        // Bands lowest first (as text "<30" would come last); customers without an age form the blank group, last.
        var bands = await First(await client.GetAsync("/api/query?q=new_customers%20by%20age_band%20order%20by%20age_band&from=2024-01-01&to=2026-06-30"));
        Assert.Equal(["<30", "30-44", "45-59", "60+"], bands.Where(b => b != "(blank)"));
        Assert.All(bands.SkipWhile(b => b != "(blank)"), b => Assert.Equal("(blank)", b));
    }

    [Fact]
    public async Task An_unknown_order_key_is_422_with_a_suggestion()
    {
        var problem = await (await Server.Client(ApiScope.Read).GetAsync("/api/query?q=churns_n%20by%20churns.reason%20order%20by%20churn_n%20desc"))
            .Problem(HttpStatusCode.UnprocessableEntity);
        var diagnostic = problem.GetProperty("diagnostics").EnumerateArray().Single();
        Assert.Equal("CXR045", diagnostic.GetProperty("code").GetString());
        Assert.Equal(36, diagnostic.GetProperty("column").GetInt32());
        Assert.Equal("did you mean 'churns_n'?", diagnostic.GetProperty("hint").GetString());
    }

    [Fact]
    public async Task An_overlong_query_is_refused_without_being_parsed()
    {
        var problem = await (await Server.Client(ApiScope.Read).GetAsync("/api/query?q=" + new string('n', 2001))).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("2001 characters", problem.GetProperty("detail").GetString());
    }
}
