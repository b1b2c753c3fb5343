using CxReports.Rendering.Json;
using CxReports.Rendering.Tests.Pdf;

namespace CxReports.Rendering.Tests.Json;

public class ReportJsonReaderTests
{
    [Fact]
    public void Reading_the_written_document_gives_the_same_document_back()
    {
        var report = Reports.Everything();
        var json = ReportJson.ToJson(report);

        var read = ReportJsonReader.Read(json);

        Assert.Equal(json, ReportJson.ToJson(read));
        var cohort = read.Sections[2].Blocks[0].Table!;
        Assert.IsType<DateOnly>(cohort.Rows[0][0]);
        Assert.IsType<long>(cohort.Rows[0][1]);
        Assert.IsType<double>(cohort.Rows[0][2]);
        Assert.Null(cohort.Rows[^1][^1]);
    }
}
