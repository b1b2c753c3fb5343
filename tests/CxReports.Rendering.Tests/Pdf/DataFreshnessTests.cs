using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Rendering.Json;
using CxReports.Rendering.Pdf;
using CxReports.Rendering.Tests.Json;
using static CxReports.Rendering.Tests.Pdf.Reports;

namespace CxReports.Rendering.Tests.Pdf;

/// <summary>
/// Where the data ends, on the page and in JSON: "data through" under the period and in the footer, the day the
/// figures were clipped to, partial buckets marked in tables (with the note saying what the mark means) and charts,
/// and unknown buckets as no data.
/// </summary>
public class DataFreshnessTests
{
    private static readonly ReportFreshness Freshness = new(
        new Dictionary<string, DateOnly> { ["churns"] = new(2025, 10, 14), ["tickets"] = new(2025, 10, 20) }, new DateOnly(2025, 10, 14));

    /// <summary>The year 2025 by quarter, the data ending in October: Q4 partial (holding the data end), as the engine marks it.</summary>
    private static EvaluatedBlock Quarters() => new("q", "table", "Tickets by quarter", new ResultTable(
        [new ResultColumn("quarter", ColumnType.Date) { Grain = Dsl.Model.TimeUnit.Quarter }, Col("tickets", ColumnType.Integer, Dsl.Model.Unit.Count)],
        [[new DateOnly(2025, 1, 1), 31L], [new DateOnly(2025, 4, 1), 28L], [new DateOnly(2025, 7, 1), 30L], [new DateOnly(2025, 10, 1), 9L]])
    {
        Partial = [false, false, false, true],
    });

    /// <summary>Months with October partial and November, December unknown.</summary>
    private static EvaluatedBlock Months() => new("m", "chart", "Tickets by month", new ResultTable(
        [MonthColumn(), Col("tickets", ColumnType.Integer, Dsl.Model.Unit.Count)],
        Reports.Months(12).Select(m => new object?[] { m, m.Month < 10 ? 10L : m.Month == 10 ? 4L : null }).ToList())
    {
        Partial = Enumerable.Range(1, 12).Select(m => m == 10).ToList(),
    }, Chart: ChartKind.Line);

    private static EvaluatedReport Report(string locale) =>
        Reports.Report("Support", [Section("Load", Quarters(), Months())], locale) with { Freshness = Freshness };

    [Fact]
    public void The_first_page_says_where_the_data_ends_and_the_day_the_figures_were_clipped_to_in_english()
    {
        var text = Pdfs.PageTexts(PdfRenderer.Render(Report("en-US")))[0];

        // Under the period, each source's day as they differ; then the clipping; the footer repeats the data end.
        Assert.Contains("Data through Oct 14, 2025 (churns Oct 14, 2025, tickets Oct 20, 2025)", text);
        Assert.Contains("totals and KPIs computed up to Oct 14, 2025, where the data ends", text);
        Assert.Contains("data version 16bf1e40c7c6 · Data through Oct 14, 2025", text);
    }

    /// <summary>
    /// Sources with a label in the report's locale are called by it (the engine puts them in
    /// <see cref="ReportFreshness.Labels"/>); JSON keeps each source's name and adds its label, and reads back to the same page.
    /// </summary>
    [Fact]
    public void Sources_are_called_by_their_labels_where_they_have_one()
    {
        var report = Report("tr-TR") with { Freshness = Freshness with { Labels = new Dictionary<string, string> { ["churns"] = "Ayrılışlar" } } };

        var text = Pdfs.PageTexts(PdfRenderer.Render(report))[0];
        var json = ReportJson.ToJson(report);

        Assert.Contains("Veriler 14 Eki 2025 tarihine kadar (Ayrılışlar 14 Eki 2025, tickets 20 Eki 2025)", text);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(["churns Ayrılışlar", "tickets -"], document.RootElement.GetProperty("sources").EnumerateArray()
            .Select(s => $"{s.GetProperty("name").GetString()} {(s.TryGetProperty("label", out var l) ? l.GetString() : "-")}"));
        Assert.Contains("(Ayrılışlar 14 Eki 2025, tickets 20 Eki 2025)", Pdfs.PageTexts(PdfRenderer.Render(ReportJsonReader.Read(json)))[0]);
    }

    [Fact]
    public void The_first_page_says_where_the_data_ends_in_turkish()
    {
        var text = Pdfs.PageTexts(PdfRenderer.Render(Report("tr-TR")))[0];

        Assert.Contains("Veriler 14 Eki 2025 tarihine kadar (churns 14 Eki 2025, tickets 20 Eki 2025)", text);
        Assert.Contains("toplamlar ve göstergeler verinin bittiği 14 Eki 2025 tarihine kadar hesaplandı", text);
    }

    [Fact]
    public void A_partial_bucket_is_marked_in_the_table_and_the_note_says_what_the_mark_means()
    {
        var english = Pdfs.PageTexts(PdfRenderer.Render(Report("en-US")))[0];
        Assert.Contains("Q4 2025 * 9", english);
        Assert.DoesNotContain("Q3 2025 *", english);
        Assert.Contains("* partial: the period or the data covers only part of this bucket", english);
        // The chart's note says how partial points are drawn.
        Assert.Contains("Hollow points, dashed lines, pale bars: partial bucket", english);

        var turkish = Pdfs.PageTexts(PdfRenderer.Render(Report("tr-TR")))[0];
        Assert.Contains("Ç4 2025 * 9", turkish);
        Assert.Contains("* kısmi: dönem ya da veri bu aralığın yalnızca bir kısmını kapsıyor", turkish);
    }

    [Fact]
    public void Without_partial_buckets_or_a_data_end_the_page_says_nothing_of_them()
    {
        var report = Reports.Report("Support", [Section("Load", Quarters() with { Table = Quarters().Table! with { Partial = null } })]);
        var text = Pdfs.AllText(PdfRenderer.Render(report));

        Assert.DoesNotContain("Data through", text);
        Assert.DoesNotContain("partial", text);
        Assert.DoesNotContain("*", text);
    }

    [Fact]
    public void Json_states_each_sources_data_end_the_reports_the_clipping_and_partial_rows_and_reads_them_back()
    {
        var json = ReportJson.ToJson(Report("en-US"));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;

        Assert.Equal("2025-10-14", root.GetProperty("dataThrough").GetString());
        Assert.Equal("2025-10-14", root.GetProperty("period").GetProperty("clippedTo").GetString());
        Assert.Equal(["churns 2025-10-14", "tickets 2025-10-20"],
            root.GetProperty("sources").EnumerateArray().Select(s => $"{s.GetProperty("name").GetString()} {s.GetProperty("dataThrough").GetString()}"));
        var blocks = root.GetProperty("sections")[0].GetProperty("blocks");
        Assert.Equal([false, false, false, true], blocks[0].GetProperty("partial").EnumerateArray().Select(p => p.GetBoolean()));
        // November and December: unknown, written as null, not 0.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, blocks[1].GetProperty("rows")[10][1].ValueKind);

        var read = ReportJsonReader.Read(json);
        Assert.Equal(Freshness.Sources, read.Freshness.Sources);
        Assert.Equal(Freshness.ClippedTo, read.Freshness.ClippedTo);
        Assert.Equal([false, false, false, true], read.Sections[0].Blocks[0].Table!.Partial);
        Assert.Equal(json, ReportJson.ToJson(read));
    }
}
