using CxReports.Rendering.Pdf;
using static CxReports.Rendering.Tests.Pdf.Reports;

namespace CxReports.Rendering.Tests.Pdf;

public class KpiUnitTests
{
    [Fact]
    public void A_KPI_takes_its_unit_from_a_same_named_column_elsewhere_in_the_report()
    {
        var text = Pdfs.AllText(PdfRenderer.Render(Report("Units", [Section("Value", Kpi(("churn", 1.8718, 2.7254)), Table("By city", 3))])));

        // churn is a percent column in the table, so the tile reads 1.9% and changes by percentage points.
        Assert.Contains("1.9%", text);
        Assert.Contains("−0.9 pp", text);
        Assert.Contains("previous period: 2.7%", text);
    }
}
