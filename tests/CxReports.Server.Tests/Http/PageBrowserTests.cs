using System.Globalization;
using CxReports.Server.Security;
using Microsoft.Playwright;

namespace CxReports.Server.Tests.Http;

/// <summary>
/// The pages in a real browser: what a reader sees and does (the list, KPI values, changing the view, a chart's
/// tooltip, the keyboard), with the scripts and the Content-Security-Policy in force.
/// </summary>
public sealed class PageBrowserTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task The_index_lists_the_sample_reports()
    {
        var page = await browser.Page();
        await page.GotoAsync("/");

        var titles = await page.Locator(".report-card h2 a").AllTextContentsAsync();
        Assert.Equal(["Customer Advocacy", "Müşteri Başarısı", "Liderlik için CX Yatırım Getirisi", "Müşteri Deneyimini Ölçmek", "Elde Tutma ve Yaşam Boyu Değer"], titles);
        await page.Locator(".report-card h2 a", new() { HasText = "Customer Advocacy" }).ClickAsync();
        await page.WaitForURLAsync("**/reports/advocacy");
        Assert.Equal("Customer Advocacy", await page.Locator("h1").TextContentAsync());
    }

    [Fact]
    public async Task A_report_page_shows_the_kpi_values_of_the_json_and_draws_its_charts_without_policy_violations()
    {
        var page = await browser.Page();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/reports/customer_success?from=2025-11-01&to=2026-10-31");

        var json = await browser.Server.Client(ApiScope.Read).ReportJson("/api/reports/customer_success?from=2025-11-01&to=2026-10-31");
        var expected = PageHtml.ExpectedKpis(json, "kpi_1").Select(k => k.Value).ToArray();
        Assert.Equal(expected, await page.Locator("#block-kpi_1 .kpi-value").AllTextContentsAsync());
        await page.Locator("figure.chart[data-chart-ready]").First.WaitForAsync();
        Assert.Equal(await page.Locator("figure.chart").CountAsync(), await page.Locator("figure.chart[data-chart-ready]").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Changing_a_parameter_changes_the_address_and_the_numbers()
    {
        var page = await browser.Page();
        await page.GotoAsync("/reports/customer_success?from=2025-11-01&to=2026-10-31");
        var before = await page.Locator("#block-kpi_1 .kpi-value").AllTextContentsAsync();

        await page.Locator("select[name=plan]").SelectOptionAsync("enterprise");
        await page.Locator("#view-from").FillAsync("2026-01-01");
        await page.Locator("form.view-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/reports/customer_success?from=2026-01-01&to=2026-10-31&plan=enterprise");

        var after = await page.Locator("#block-kpi_1 .kpi-value").AllTextContentsAsync();
        var json = await browser.Server.Client(ApiScope.Read).ReportJson("/api/reports/customer_success?from=2026-01-01&to=2026-10-31&plan=enterprise");
        Assert.Equal(PageHtml.ExpectedKpis(json, "kpi_1").Select(k => k.Value), after);
        Assert.NotEqual(before, after);
        Assert.Equal("enterprise", await page.Locator("select[name=plan]").InputValueAsync());
    }

    [Fact]
    public async Task Hovering_a_point_shows_its_exact_value_in_the_tooltip()
    {
        var page = await browser.Page();
        await page.GotoAsync("/reports/customer_success?from=2025-11-01&to=2026-10-31");
        var figure = page.Locator("#block-chart_1 figure.chart[data-chart-ready]");
        await figure.WaitForAsync();
        await figure.ScrollIntoViewIfNeededAsync();

        // The fourth month's point, where the chart drew it.
        var point = await page.EvaluateAsync<double[]>(
            "() => { const c = Chart.getChart(document.querySelector('#block-chart_1 canvas')); const p = c.getDatasetMeta(0).data[3]; return [p.x, p.y]; }");
        var box = (await figure.Locator("canvas").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + (float)point[0], box.Y + (float)point[1]);
        var tooltip = figure.Locator(".chart-tooltip");
        await tooltip.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 5000 });

        var json = await browser.Server.Client(ApiScope.Read).ReportJson("/api/reports/customer_success?from=2025-11-01&to=2026-10-31");
        var chart = json.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("blocks").EnumerateArray()).Single(b => b.GetProperty("id").GetString() == "chart_1");
        var churn = chart.GetProperty("rows")[3][1].GetDouble();
        var text = await tooltip.TextContentAsync();
        Assert.Equal("2026-02-01", chart.GetProperty("rows")[3][0].GetString());
        Assert.StartsWith("Şub 2026", text); // February in Turkish
        Assert.Contains("%" + churn.ToString("N1", CultureInfo.GetCultureInfo("tr-TR")), text);
    }

    [Fact]
    public async Task The_keyboard_reaches_the_view_form_and_a_charts_points()
    {
        var page = await browser.Page();
        await page.GotoAsync("/reports/customer_success");

        string? focused = null;
        for (var i = 0; i < 10 && focused != "view-from"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.id");
        }
        Assert.Equal("view-from", focused);

        await page.Locator("#block-chart_1 figure.chart[data-chart-ready]").WaitForAsync();
        await page.Locator("#block-chart_1 canvas").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Locator("#block-chart_1 .chart-tooltip").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 5000 });
    }
}
