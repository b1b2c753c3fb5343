using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Rendering.Json;
using CxReports.Rendering.Pdf;
using CxReports.Rendering.Tests.Json;
using static CxReports.Rendering.Tests.Pdf.Reports;

namespace CxReports.Rendering.Tests.Pdf;

public class TimeGrainTests
{
    private static EvaluatedReport Dates(ResultColumn column) => Report("Grains", [Section("s",
        new EvaluatedBlock("t", "table", null, new ResultTable([column, new("n", ColumnType.Integer)], [[new DateOnly(2025, 10, 1), 7L]])))]);

    [Fact]
    public void A_date_column_shows_buckets_by_the_grain_it_states_not_by_its_name()
    {
        // Named "month" but a plain date field: the whole date.
        var field = Pdfs.AllText(PdfRenderer.Render(Dates(new ResultColumn("month", ColumnType.Date))));
        Assert.Contains("Oct 1, 2025", field);

        // Named anything, stated quarterly: Q4 2025.
        var quarter = Dates(new ResultColumn("signup", ColumnType.Date) { Grain = TimeUnit.Quarter });
        Assert.Contains("Q4 2025", Pdfs.AllText(PdfRenderer.Render(quarter)));

        // The grain travels in JSON and back.
        var json = ReportJson.ToJson(quarter);
        Assert.Contains("\"grain\": \"quarter\"", json);
        Assert.Equal(TimeUnit.Quarter, ReportJsonReader.Read(json).Sections[0].Blocks[0].Table!.Columns[0].Grain);
    }
}
