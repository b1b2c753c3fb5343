using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CxReports.Server.Tests.Http;

/// <summary>Reading pages in tests: parsing HTML, and the KPI texts a page should show, worked out from the report's JSON.</summary>
internal static class PageHtml
{
    public static async Task<IDocument> Html(this HttpResponseMessage response, System.Net.HttpStatusCode expected = System.Net.HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text[..Math.Min(600, text.Length)]}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return new HtmlParser().ParseDocument(text);
    }

    /// <summary>
    /// The label and value text of each KPI row of the JSON block <paramref name="block"/>, by the documented rules
    /// (README, "Reading the documents"): the value rounded to the row's decimals, grouped and with the decimal sign of
    /// the locale; a percentage has the sign in front in Turkish (%12,5) and behind in English (12.5%).
    /// </summary>
    public static IReadOnlyList<(string Label, string Value)> ExpectedKpis(JsonElement report, string block)
    {
        var culture = CultureInfo.GetCultureInfo(report.GetProperty("locale").GetString()!);
        var kpi = report.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("blocks").EnumerateArray())
            .Single(b => b.GetProperty("id").GetString() == block);
        var columns = kpi.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
        return kpi.GetProperty("rows").EnumerateArray().Select(row =>
        {
            var value = row[columns.IndexOf("value")].GetDouble();
            var decimals = row[columns.IndexOf("decimals")].GetInt32();
            var number = value.ToString("N" + decimals, culture);
            var shown = row[columns.IndexOf("unit")].GetString() switch
            {
                "percent" when culture.Name == "tr-TR" => "%" + number,
                "percent" => number + "%",
                _ => number,
            };
            return (row[columns.IndexOf("label")].GetString()!, shown);
        }).ToList();
    }

    public static async Task<JsonElement> ReportJson(this HttpClient client, string pathAndQuery) =>
        await (await client.GetAsync(pathAndQuery)).Json();
}
