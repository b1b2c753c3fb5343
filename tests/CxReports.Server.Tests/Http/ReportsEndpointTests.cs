using System.Net;
using CxReports.Server.Security;

namespace CxReports.Server.Tests.Http;

[Collection(SharedServerCollection.Name)]
public sealed class ReportsEndpointTests(SharedServer shared)
{
    private TestServer Server => shared.Server;

    [Fact]
    public async Task The_list_gives_every_report_with_its_parameters_and_schedule()
    {
        var list = await (await Server.Client(ApiScope.Read).GetAsync("/api/reports")).Json();
        var names = list.EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(["advocacy", "customer_success", "cx_roi", "experience", "retention_value"], names);
        var success = list.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "customer_success");
        Assert.Equal("Müşteri Başarısı", success.GetProperty("title").GetString());
        var plan = success.GetProperty("params").EnumerateArray().Single();
        Assert.Equal("plan", plan.GetProperty("name").GetString());
        Assert.Equal("all", plan.GetProperty("default").GetString());
        Assert.Equal(["all", "basic", "pro", "enterprise"], plan.GetProperty("choices").Strings());
        Assert.Equal("0 8 * * MON", success.GetProperty("schedule").GetProperty("cron").GetString());
    }

    [Fact]
    public async Task A_report_evaluates_to_its_json_document_for_the_period_and_parameters_asked()
    {
        var response = await Server.Client(ApiScope.Read).GetAsync("/api/reports/customer_success?from=2025-11-01&to=2026-10-31&plan=pro");
        var report = await response.Json();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("customer_success", report.GetProperty("report").GetString());
        Assert.Equal("2025-11-01", report.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal("2026-10-31", report.GetProperty("period").GetProperty("to").GetString());
        Assert.Equal("pro", report.GetProperty("params").GetProperty("plan").GetString());
        var blocks = report.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("blocks").EnumerateArray()).ToArray();
        Assert.Contains(blocks, b => b.GetProperty("type").GetString() == "kpi");
        Assert.All(blocks.Where(b => b.GetProperty("type").GetString() != "text"), b =>
            Assert.All(b.GetProperty("rows").EnumerateArray(), row => Assert.Equal(b.GetProperty("columns").GetArrayLength(), row.GetArrayLength())));
    }

    [Fact]
    public async Task The_same_request_again_is_served_from_the_cache_without_evaluating()
    {
        var client = Server.Client(ApiScope.Read);
        const string url = "/api/reports/advocacy?from=2025-05-01&to=2025-10-31";
        var first = await client.GetAsync(url);
        await first.Json();
        var evaluations = Server.Evaluations;
        var second = await client.GetAsync(url);
        await second.Json();
        Assert.Equal("miss", first.Header("X-Cache"));
        Assert.Equal("hit", second.Header("X-Cache"));
        Assert.Equal(evaluations, Server.Evaluations);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());

        var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(second.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task Concurrent_identical_requests_evaluate_once()
    {
        var client = Server.Client(ApiScope.Read);
        var before = Server.Evaluations;
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAsync("/api/reports/experience?from=2025-02-01&to=2025-07-31")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, Server.Evaluations - before);
        Assert.Single(responses, r => r.Header("X-Cache") == "miss");
    }

    [Fact]
    public async Task An_unknown_report_is_404_naming_the_closest_report()
    {
        var problem = await (await Server.Client(ApiScope.Read).GetAsync("/api/reports/advocasy")).Problem(HttpStatusCode.NotFound);
        Assert.Equal("name", problem.GetProperty("parameter").GetString());
        Assert.Equal("advocacy", problem.GetProperty("suggestion").GetString());
        Assert.Contains("Did you mean 'advocacy'?", problem.GetProperty("detail").GetString());
        Assert.Contains("cx_roi", problem.GetProperty("reports").Strings());
    }

    [Fact]
    public async Task A_value_outside_a_parameters_choices_is_400_with_the_allowed_values()
    {
        var problem = await (await Server.Client(ApiScope.Read).GetAsync("/api/reports/customer_success?plan=gold")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal("plan", problem.GetProperty("parameter").GetString());
        Assert.Equal(["all", "basic", "pro", "enterprise"], problem.GetProperty("allowed").Strings());
        Assert.Contains("'gold'", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_parameter_the_report_does_not_have_is_400_listing_the_ones_it_has()
    {
        var problem = await (await Server.Client(ApiScope.Read).GetAsync("/api/reports/customer_success?plna=pro")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal("plna", problem.GetProperty("parameter").GetString());
        Assert.Equal(["plan"], problem.GetProperty("allowed").Strings());
    }

    [Theory]
    [InlineData("from=2025-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2025-06-01&to=2025-01-31", "from")]
    [InlineData("from=2025-01-01&from=2025-02-01", "from")]
    public async Task A_bad_period_is_400_naming_the_parameter(string query, string parameter)
    {
        var problem = await (await Server.Client(ApiScope.Read).GetAsync($"/api/reports/advocacy?{query}")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Theory]
    [InlineData("/api/reports/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/api/reports/advocacy;drop")]
    [InlineData("/api/reports/advocacy.json")]
    public async Task A_name_that_is_not_an_identifier_is_refused_before_any_lookup(string url)
    {
        var problem = await (await Server.Client(ApiScope.Read).GetAsync(url)).Problem(HttpStatusCode.BadRequest);
        Assert.Equal("name", problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task The_pdf_route_serves_the_rendered_report_and_an_unknown_name_is_still_404()
    {
        var response = await Server.Client(ApiScope.Read).GetAsync("/api/reports/advocacy.pdf?from=2025-11-01&to=2026-10-31");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        await (await Server.Client(ApiScope.Read).GetAsync("/api/reports/advocasy.pdf")).Problem(HttpStatusCode.NotFound);
    }
}
