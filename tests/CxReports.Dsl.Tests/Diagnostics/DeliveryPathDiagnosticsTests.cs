using CxReports.Dsl.Diagnostics;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>The file pattern and folder of a delivery name a place inside the output root, or they are a CXR019 diagnostic.</summary>
public sealed class DeliveryPathDiagnosticsTests
{
    [Fact]
    public void A_file_pattern_that_climbs_out_of_the_output_root_is_a_diagnostic_at_the_pattern()
    {
        Cxr.Single("""
            report r {
              schedule "0 8 * * MON" { folder "x" as json file "{report}/../../../../tmp/pwn.json" }
            }
            """).Is(DiagnosticCode.PathOutsideData, "x.cxr:2:52", "file \"{report}/../../../../tmp/pwn.json\": '..' would leave the output root",
            "name the file relative to the delivery's folder, e.g. \"{report}_{date}\"");
    }

    [Theory]
    [InlineData("/tmp/pwn", "absolute paths are not allowed: write the path relative to the output root")]
    [InlineData("C:/pwn", "absolute paths are not allowed: write the path relative to the output root")]
    [InlineData("C:pwn", "absolute paths are not allowed: write the path relative to the output root")]
    [InlineData(@"\\\\server\\share\\pwn", "absolute paths are not allowed: write the path relative to the output root")]
    [InlineData("~/pwn", "absolute paths are not allowed: write the path relative to the output root")]
    [InlineData(@"{report}\\..\\..\\pwn", "'..' would leave the output root")]
    [InlineData("{date}/..", "'..' would leave the output root")]
    [InlineData("{report}//x", "a folder or file name is empty ('//' or a trailing '/'); remove the extra '/'")]
    [InlineData("{report}/", "a folder or file name is empty ('//' or a trailing '/'); remove the extra '/'")]
    [InlineData("a\\nb", "the path contains the control character U+000A; write printable names only")]
    [InlineData("a\\tb", "the path contains the control character U+0009; write printable names only")]
    [InlineData("file://host/x", "URLs are not allowed: write the path relative to the output root")]
    public void A_file_pattern_that_could_leave_the_output_root_says_why(string pattern, string why)
    {
        var diagnostic = Cxr.Single($$"""
            report r {
              schedule "0 8 * * MON" { folder "x" as json file "{{pattern}}" }
            }
            """);

        Assert.Equal(DiagnosticCode.PathOutsideData, diagnostic.Code);
        Assert.EndsWith($": {why}", diagnostic.Message);
    }

    [Fact]
    public void A_file_name_longer_than_a_file_system_allows_is_a_diagnostic()
    {
        var name = new string('n', 256);

        var diagnostic = Cxr.Single($$"""
            report r {
              schedule "0 8 * * MON" { folder "x" as json file "{report}/{{name}}" }
            }
            """);

        Assert.Equal($"file \"{{report}}/{name}\": the name \"nnnnnnnnnnnnnnnnnnnn…\" is 256 characters long; at most 255 are allowed", diagnostic.Message);
    }

    [Fact]
    public void A_folder_with_an_empty_name_inside_is_a_diagnostic_at_the_folder()
    {
        Cxr.Single("""
            report r {
              schedule "0 8 * * MON" { folder "cx//weekly" }
            }
            """).Is(DiagnosticCode.PathOutsideData, "x.cxr:2:35", "\"cx//weekly\": a folder or file name is empty ('//' or a trailing '/'); remove the extra '/'");
    }

    [Theory]
    [InlineData("{report}_{period}")]
    [InlineData("{report}/{date}/summary.json")]
    [InlineData("./weekly {date}")]
    public void A_file_pattern_inside_the_folder_binds(string pattern)
    {
        Assert.Empty(Cxr.Compile($$"""
            report r {
              schedule "0 8 * * MON" { folder "x" as json file "{{pattern}}" }
            }
            """));
    }
}
