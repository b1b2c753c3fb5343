using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CxReports.Server.Security;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CxReports.Server.Tests.Http;

/// <summary>The report as CSV, XLSX and zip over a real socket on 127.0.0.1: routes, ?format=, Accept, ?block=.</summary>
public sealed class SpreadsheetEndpointTests(SharedKestrelServer shared) : IClassFixture<SharedKestrelServer>
{
    private const string Period = "from=2025-11-01&to=2026-10-31";
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task The_xlsx_route_serves_a_workbook_with_a_report_sheet_and_one_sheet_per_block_as_an_attachment()
    {
        using var client = shared.Server.Client(ApiScope.Read);
        var json = await (await client.GetAsync($"/api/reports/cx_roi?{Period}")).Json();
        var blocks = json.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("blocks").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() != "text").ToArray();

        var response = await client.GetAsync($"/api/reports/cx_roi.xlsx?{Period}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment; filename=\"cx_roi_2025-11-01_2026-10-31.xlsx\"", response.Content.Headers.ContentDisposition?.ToString());
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToArray();
        Assert.Equal("Rapor", sheets[0]); // cx_roi is a tr-TR report
        Assert.Equal(blocks.Length + 1, sheets.Length);
    }

    [Fact]
    public async Task One_block_as_csv_in_the_report_locale_holds_the_numbers_the_json_has_rounded_as_shown()
    {
        using var client = shared.Server.Client(ApiScope.Read);
        var json = await (await client.GetAsync($"/api/reports/cx_roi?{Period}")).Json();
        var kpi = json.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("blocks").EnumerateArray())
            .First(b => b.GetProperty("id").GetString() == "kpi_1");
        var churn = kpi.GetProperty("rows").EnumerateArray().Single(r => r[0].GetString() == "churn");

        var response = await client.GetAsync($"/api/reports/cx_roi.csv?block=kpi_1&{Period}");

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment; filename=\"cx_roi_2025-11-01_2026-10-31_kpi_1.csv\"", response.Content.Headers.ContentDisposition?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Gösterge;Değer;Önceki dönem;Değişim;Değişim (%)", lines[0]);
        // churn is a percent with one decimal: the JSON's full value, rounded to one decimal, with a decimal comma.
        var decimals = churn[6].GetInt32();
        var expected = Math.Round(churn[1].GetDouble(), decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals, CultureInfo.GetCultureInfo("tr-TR"));
        var row = lines.Single(l => l.StartsWith(churn[4].GetString()!, StringComparison.Ordinal)).Split(';');
        Assert.Equal(expected, row[1]);
    }

    [Fact]
    public async Task Format_may_be_asked_in_the_query_string_or_the_accept_header()
    {
        using var client = shared.Server.Client(ApiScope.Read);

        var zip = await client.GetAsync($"/api/reports/cx_roi?format=zip&{Period}");
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        using (var archive = new ZipArchive(new MemoryStream(await zip.Content.ReadAsByteArrayAsync())))
            Assert.Contains("kpi_1.csv", archive.Entries.Select(e => e.FullName));

        var accepted = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/cx_roi?{Period}");
        accepted.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        accepted.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(XlsxType, 0.9));
        Assert.Equal(XlsxType, (await client.SendAsync(accepted)).Content.Headers.ContentType?.MediaType);

        var anything = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/cx_roi?{Period}");
        anything.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
        Assert.Equal("application/json", (await client.SendAsync(anything)).Content.Headers.ContentType?.MediaType);

        var none = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/cx_roi?{Period}");
        none.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var problem = await (await client.SendAsync(none)).Problem(HttpStatusCode.NotAcceptable);
        Assert.Equal("Accept", problem.GetProperty("header").GetString());
    }

    [Fact]
    public async Task A_misspelt_block_or_format_is_answered_with_the_closest_name()
    {
        using var client = shared.Server.Client(ApiScope.Read);

        var block = await (await client.GetAsync("/api/reports/cx_roi.csv?block=kpi_l")).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("has no block 'kpi_l' with a table. Did you mean 'kpi_1'?", block.GetProperty("detail").GetString());
        Assert.Contains("kpi_1", block.GetProperty("allowed").Strings());

        var format = await (await client.GetAsync("/api/reports/cx_roi?format=xslx")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal("'xslx' is not a report format. Did you mean 'xlsx'?", format.GetProperty("detail").GetString());
        Assert.Equal(["json", "pdf", "csv", "xlsx", "zip"], format.GetProperty("allowed").Strings());
    }
}
