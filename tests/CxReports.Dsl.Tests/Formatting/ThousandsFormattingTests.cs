using CxReports.Dsl.Formatting;
using CxReports.Dsl.Syntax.Parsing;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests.Formatting;

public class ThousandsFormattingTests
{
    [Fact]
    public void A_fields_thousands_separator_is_kept_after_its_format_and_before_its_constraints()
    {
        const string text = "source invoices from \"f.csv\" {\n  options {\n    encoding \"windows-1254\"\n    max_shrink 100%\n  }\n" +
                            "  column amount = \"tutar\": decimal format \",\" thousands \".\" required\n}\n";

        Assert.Equal(text, CxrFormatter.Format(CxrParser.ParseFile(new SourceFile("f.cxr", text)).Value));
    }
}
