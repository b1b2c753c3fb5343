using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using CxReports.Server.Security;

namespace CxReports.Server.Tests.Http;

/// <summary>
/// The browser pages as HTML over HTTP: what they list and show (the same values as the JSON API, from the same cached
/// evaluation), their structure for assistive technology, their headers, and how they answer bad input.
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class PageTests(SharedServer shared)
{
    private TestServer Server => shared.Server;

    [Fact]
    public async Task The_index_lists_every_report_with_its_title_parameters_and_schedule()
    {
        var client = Server.Client(ApiScope.Read);
        var api = await (await client.GetAsync("/api/reports")).Json();
        var page = await (await client.GetAsync("/")).Html();

        Assert.Equal("Reports", page.QuerySelector("h1")?.TextContent);
        var cards = page.QuerySelectorAll(".report-card");
        Assert.Equal(api.EnumerateArray().Select(r => r.GetProperty("title").GetString()), cards.Select(c => c.QuerySelector("h2 a")!.TextContent));
        Assert.Equal(api.EnumerateArray().Select(r => "/reports/" + r.GetProperty("name").GetString()), cards.Select(c => c.QuerySelector("h2 a")!.GetAttribute("href")));
        var success = cards.Single(c => c.QuerySelector("h2 a")!.GetAttribute("href") == "/reports/customer_success");
        Assert.Contains("plan (text, default all: all, basic, pro, enterprise)", success.TextContent);
        Assert.Contains("0 8 * * MON", success.TextContent);
        Assert.Contains("next run", success.TextContent);
    }

    [Fact]
    public async Task A_report_page_shows_the_kpi_values_of_the_json_for_the_same_view()
    {
        var client = Server.Client(ApiScope.Read);
        const string view = "from=2025-11-01&to=2026-10-31&plan=pro";
        var json = await client.ReportJson("/api/reports/customer_success?" + view);
        var page = await (await client.GetAsync("/reports/customer_success?" + view)).Html();

        var expected = PageHtml.ExpectedKpis(json, "kpi_1");
        var tiles = page.QuerySelectorAll("#block-kpi_1 .kpi");
        Assert.Equal(expected.Count, tiles.Length);
        for (var i = 0; i < tiles.Length; i++)
        {
            Assert.StartsWith(expected[i].Label, tiles[i].QuerySelector(".kpi-label")!.TextContent);
            Assert.Equal(expected[i].Value, tiles[i].QuerySelector(".kpi-value")!.TextContent);
        }
        Assert.Equal("Müşteri Başarısı", page.QuerySelector("h1")?.TextContent);
        Assert.Equal("tr-TR", page.QuerySelector("article.report")?.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_page_and_the_json_of_one_view_are_served_by_one_evaluation()
    {
        var client = Server.Client(ApiScope.Read);
        const string view = "from=2025-02-01&to=2025-07-31";
        var before = Server.Evaluations;
        var page = await client.GetAsync("/reports/retention_value?" + view);
        await page.Html();
        var json = await client.GetAsync("/api/reports/retention_value?" + view);
        await json.Json();
        var pdf = await client.GetAsync("/api/reports/retention_value.pdf?" + view);

        Assert.Equal("miss", page.Header("X-Cache"));
        Assert.Equal("miss", json.Header("X-Cache")); // the JSON document is rendered for the first time, from the cached evaluation
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal(before + 1, Server.Evaluations);
        var again = await client.GetAsync("/reports/retention_value?" + view);
        Assert.Equal("hit", again.Header("X-Cache"));
        Assert.Equal(before + 1, Server.Evaluations);
    }

    [Fact]
    public async Task Every_block_of_the_report_is_on_the_page_under_its_section_heading()
    {
        var client = Server.Client(ApiScope.Read);
        var json = await client.ReportJson("/api/reports/cx_roi?from=2025-11-01&to=2026-10-31");
        var page = await (await client.GetAsync("/reports/cx_roi?from=2025-11-01&to=2026-10-31")).Html();

        var sections = json.GetProperty("sections").EnumerateArray().ToList();
        Assert.Equal(sections.Select(s => s.GetProperty("title").GetString()), page.QuerySelectorAll("article section > h2").Select(h => h.TextContent));
        foreach (var block in sections.SelectMany(s => s.GetProperty("blocks").EnumerateArray()))
        {
            var id = block.GetProperty("id").GetString();
            var element = page.GetElementById("block-" + id);
            Assert.True(element is not null, $"block {id} is missing");
            if (block.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
                Assert.Equal(title.GetString(), element!.QuerySelector("h3")?.TextContent);
        }
        Assert.NotNull(page.QuerySelector(".block-scenario table.matrix"));
    }

    [Fact]
    public async Task Table_headers_have_scopes_and_every_form_field_has_a_label()
    {
        var page = await (await Server.Client(ApiScope.Read).GetAsync("/reports/customer_success")).Html();

        var headers = page.QuerySelectorAll("table th");
        Assert.NotEmpty(headers);
        Assert.All(headers, th => Assert.Contains(th.GetAttribute("scope"), new[] { "col", "row", "colgroup" }));
        Assert.All(page.QuerySelectorAll("table"), t => Assert.NotNull(t.QuerySelector("thead th")));
        var fields = page.QuerySelectorAll("form.view-form input, form.view-form select");
        Assert.Equal(["from", "to", "plan"], fields.Select(f => f.GetAttribute("name")));
        Assert.All(fields, f => Assert.NotNull(page.QuerySelector($"label[for='{f.Id}']")));
        Assert.Equal("all", page.QuerySelector("select[name=plan] option[selected]")?.TextContent);
        Assert.Equal(1, page.QuerySelectorAll("h1").Length);
        Assert.NotNull(page.QuerySelector("main#main"));
    }

    [Fact]
    public async Task Downloads_link_the_same_view_as_pdf_csv_and_json()
    {
        var client = Server.Client(ApiScope.Read);
        var page = await (await client.GetAsync("/reports/customer_success?from=2025-11-01&to=2026-10-31&plan=basic")).Html();

        var links = page.QuerySelectorAll(".downloads a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("/api/reports/customer_success.pdf?from=2025-11-01&to=2026-10-31&plan=basic", links);
        Assert.Contains("/api/reports/customer_success?from=2025-11-01&to=2026-10-31&plan=basic&format=json", links);
        var csv = page.QuerySelector("#block-at_risk .block-links a")!.GetAttribute("href")!;
        Assert.Equal("/api/reports/customer_success.csv?from=2025-11-01&to=2026-10-31&plan=basic&block=at_risk", csv);
        foreach (var link in links.Append(csv))
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task Chart_data_is_embedded_as_json_with_the_printed_values()
    {
        var page = await (await Server.Client(ApiScope.Read).GetAsync("/reports/customer_success?from=2025-11-01&to=2026-10-31")).Html();

        var figure = page.QuerySelector("#block-chart_1 figure.chart")!;
        var script = page.GetElementById(figure.GetAttribute("data-chart")!)!;
        Assert.Equal("application/json", script.GetAttribute("type"));
        var chart = JsonDocument.Parse(script.TextContent).RootElement;
        Assert.Equal(12, chart.GetProperty("categories").GetArrayLength());
        var series = chart.GetProperty("series")[0];
        var value = series.GetProperty("values")[0].GetDouble();
        Assert.Equal("%" + value.ToString("N1", System.Globalization.CultureInfo.GetCultureInfo("tr-TR")), series.GetProperty("texts")[0].GetString());
        Assert.NotNull(page.QuerySelector("#block-chart_1 details.chart-numbers table"));
    }

    [Fact]
    public void Embedded_json_cannot_close_its_script_element()
    {
        var json = JsonSerializer.Serialize(new { name = "</script><script>alert(1)</script>", other = "a & 'b' \"c\"" }, Pages.PageJson.Options);

        Assert.DoesNotContain("<", json);
        Assert.DoesNotContain(">", json);
        Assert.DoesNotContain("&", json);
        Assert.Equal("</script><script>alert(1)</script>", JsonDocument.Parse(json).RootElement.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/reports/advocacy")]
    [InlineData("/runs")]
    [InlineData("/alerts")]
    [InlineData("/status")]
    public async Task Pages_carry_the_security_headers_and_a_policy_without_inline_script(string path)
    {
        var response = await Server.Client(ApiScope.Read).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = response.Header("Content-Security-Policy");
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.Equal("nosniff", response.Header("X-Content-Type-Options"));
        Assert.Equal("same-origin", response.Header("Referrer-Policy"));
        var page = await response.Html();
        Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") || s.GetAttribute("type") == "application/json"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.All(page.QuerySelectorAll("script[src], link[rel=stylesheet]"), e => Assert.StartsWith("/assets/", e.GetAttribute("src") ?? e.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/reports/advocacy")]
    [InlineData("/runs")]
    [InlineData("/alerts")]
    [InlineData("/status")]
    public async Task Pages_need_the_read_scope_like_the_api(string path)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Server.Client().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Pages_are_compressed_and_the_files_they_use_are_served_without_a_key()
    {
        var client = Server.Client(ApiScope.Read);
        var request = new HttpRequestMessage(HttpMethod.Get, "/reports/experience");
        request.Headers.AcceptEncoding.ParseAdd("br");
        var response = await client.SendAsync(request);
        Assert.Equal("br", string.Join(",", response.Content.Headers.ContentEncoding));

        var page = await (await client.GetAsync("/reports/experience")).Html();
        foreach (var asset in page.QuerySelectorAll("script[src], link[rel=stylesheet]").Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")))
        {
            var file = await Server.Client().GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Contains("immutable", file.Header("Cache-Control"));
        }
    }

    [Theory]
    [InlineData("/assets/nothing.js")]
    [InlineData("/assets/..%2fappsettings.json")]
    [InlineData("/assets/cxr.css%01")]
    public async Task An_unknown_file_is_a_404(string path)
    {
        await (await Server.Client().GetAsync(path)).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_report_is_a_404_page_with_the_nearest_name()
    {
        var page = await (await Server.Client(ApiScope.Read).GetAsync("/reports/advocacyy")).Html(HttpStatusCode.NotFound);

        Assert.Contains("Did you mean 'advocacy'?", page.QuerySelector("[role=alert]")!.TextContent);
    }

    [Theory]
    [InlineData("/reports/customer_success?plan=gold", "plan")]
    [InlineData("/reports/customer_success?from=2025-13-01", "from")]
    [InlineData("/reports/customer_success?colour=red", "colour")]
    [InlineData("/reports/customer_success?plan=pro&plan=basic", "plan")]
    [InlineData("/reports/customer_success?plan=%00", "plan")]
    [InlineData("/reports/a..b", "name")]
    public async Task A_bad_view_is_a_400_page_naming_the_parameter(string path, string parameter)
    {
        var page = await (await Server.Client(ApiScope.Read).GetAsync(path)).Html(HttpStatusCode.BadRequest);

        Assert.Contains($"Parameter: {parameter}", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task A_very_long_report_name_is_a_400_page_quoting_it_shortened()
    {
        var page = await (await Server.Client(ApiScope.Read).GetAsync("/reports/" + new string('a', 5000))).Html(HttpStatusCode.BadRequest);

        Assert.True(page.QuerySelector("[role=alert]")!.TextContent.Length < 300);
    }

    [Fact]
    public async Task Empty_form_fields_mean_the_reports_defaults()
    {
        var client = Server.Client(ApiScope.Read);
        var defaults = await (await client.GetAsync("/reports/customer_success")).Html();
        var empty = await (await client.GetAsync("/reports/customer_success?from=&to=&plan=")).Html();

        Assert.Equal(defaults.QuerySelector("#block-kpi_1")!.TextContent, empty.QuerySelector("#block-kpi_1")!.TextContent);
        Assert.Equal("all", empty.QuerySelector("select[name=plan] option[selected]")?.TextContent);
    }

    [Fact]
    public async Task The_status_page_shows_what_the_status_api_says()
    {
        var client = Server.Client(ApiScope.Read);
        var status = await (await client.GetAsync("/api/status")).Json();
        var page = await (await client.GetAsync("/status")).Html();

        Assert.StartsWith(status.GetProperty("generation").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            Facts(page)["Model generation"]);
        Assert.Equal(status.GetProperty("dataVersion").GetString(), Facts(page)["Data version"]);
        var rows = page.QuerySelectorAll("table tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelectorAll("td")[2].TextContent);
        foreach (var source in status.GetProperty("sources").EnumerateArray())
            Assert.Equal(source.TryGetProperty("dataThrough", out var through) && through.ValueKind == JsonValueKind.String ? through.GetString() : "–",
                rows[source.GetProperty("source").GetString()!]);
    }

    private static Dictionary<string, string> Facts(IDocument page) =>
        page.QuerySelectorAll("dl.facts dt").ToDictionary(dt => dt.TextContent, dt => dt.NextElementSibling!.TextContent.Trim());
}
