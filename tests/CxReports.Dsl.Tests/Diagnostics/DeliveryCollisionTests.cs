using CxReports.Dsl.Diagnostics;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>CXR038: a copied report keeps its schedule, and its folder delivery would overwrite the original's files.</summary>
public class DeliveryCollisionTests
{
    private const string Original = """
        report weekly {
          schedule "0 8 * * MON" {
            folder "cx" as pdf, json file "weekly_{period}.pdf"
          }
        }
        """;

    [Fact]
    public void A_copy_writing_the_same_files_into_the_same_folder_is_refused_at_the_copy()
    {
        Cxr.Single(Original + """

            report weekly_copy {
              schedule "0 9 * * MON" {
                folder "cx" as json file "weekly_{period}.json"
              }
            }
            """).Is(DiagnosticCode.DeliveryCollision, "x.cxr:8:5",
            "report 'weekly_copy' writes json files named \"weekly_{period}.json\" into folder \"cx\", as report 'weekly' does at x.cxr:3:5: each run would overwrite the other's",
            "put {report} in the file pattern, or deliver into another folder");
    }

    [Theory]
    [InlineData("folder \"cx\" as pdf file \"{report}_{period}.pdf\"")] // the pattern names the report
    [InlineData("folder \"cx\" as pdf")]                                // the default REPORT_DATE.ext does too
    [InlineData("folder \"other\" as pdf file \"weekly_{period}.pdf\"")] // another folder
    [InlineData("folder \"cx\" as csv file \"weekly_{period}.pdf\"")]    // another format, so another extension
    public void Deliveries_that_cannot_meet_are_fine(string delivery) =>
        Assert.Empty(Cxr.Compile(Original + $$"""

            report weekly_copy {
              schedule "0 9 * * MON" {
                {{delivery}}
              }
            }
            """));
}
