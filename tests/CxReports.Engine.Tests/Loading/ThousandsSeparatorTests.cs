using CxReports.Dsl.Binding;
using CxReports.Dsl.Text;

namespace CxReports.Engine.Tests.Loading;

/// <summary>
/// A number field may declare the character between its thousands (<c>thousands "."</c>): Turkish Excel exports
/// write <c>1.499,90</c>. Groups must be three digits, so a mistyped <c>1.49,90</c> is refused, not read as 149.9.
/// </summary>
public sealed class ThousandsSeparatorTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private const string Invoices = """
        source invoices from "faturalar.csv" {
          options { delimiter ";" }
          key belge_no
          column amount = "tutar": decimal format "," thousands "."
          column units = "adet": integer thousands "."
        }
        """;

    [Fact]
    public void Decimal_comma_with_dot_thousands_loads_every_grouping_and_none()
    {
        _data.Write("faturalar.csv", "belge_no;tutar;adet\r\nF1;1.499,90;1.200\r\nF2;1499,90;12\r\nF3;1.234.567,00;-2.000\r\nF4; 3.000,5 ;\r\nF5;-0,25;7\r\n");

        _data.LoadOk(Invoices);

        Assert.Equal(["F1|1499.9|1200", "F2|1499.9|12", "F3|1234567|-2000", "F4|3000.5|null", "F5|-0.25|7"],
            _data.Rows("SELECT * FROM invoices ORDER BY belge_no"));
    }

    [Fact]
    public void Misgrouped_or_foreign_numbers_are_refused_naming_line_column_value_and_the_expected_form()
    {
        _data.Write("faturalar.csv", "belge_no;tutar;adet\nF1;1.49,90;1\n\nF2;2.000;1\nF3;1,499.90;1\nF4;5;12.00\n");

        Assert.Equal([
            "faturalar.csv:2:2: error CXR105: column 'tutar' value '1.49,90': not a valid decimal number with a decimal comma and '.' between thousands (1.234,50)",
            "faturalar.csv:5:2: error CXR105: column 'tutar' value '1,499.90': not a valid decimal number with a decimal comma and '.' between thousands (1.234,50)",
            "faturalar.csv:6:3: error CXR105: column 'adet' value '12.00': not a valid whole number with '.' between thousands (1.234)",
        ], TempDataDirectory.Headlines(_data.Load(Invoices)));
    }

    [Fact]
    public void Comma_thousands_with_a_decimal_point_reads_1499_90()
    {
        _data.Write("faturalar.csv", "belge_no,tutar\nF1,\"1,499.90\"\nF2,\"12,345,678.5\"\n");

        _data.LoadOk("""
            source invoices from "faturalar.csv" {
              key belge_no
              column amount = "tutar": decimal thousands ","
            }
            """);

        Assert.Equal(["F1|1499.9", "F2|12345678.5"], _data.Rows("SELECT * FROM invoices ORDER BY belge_no"));
    }

    [Theory]
    [InlineData("column amount = \"tutar\": decimal format \",\" thousands \",\"", "m.cxr:3:57: error CXR027: thousands separator \",\" is also the decimal separator")]
    [InlineData("column amount = \"tutar\": decimal thousands \".\"", "m.cxr:3:46: error CXR027: thousands separator \".\" is also the decimal separator")]
    [InlineData("column amount = \"tutar\": date thousands \".\"", "m.cxr:3:43: error CXR027: thousands applies to numbers, but 'amount' is date")]
    [InlineData("column amount = \"tutar\": decimal thousands \"_\"", "m.cxr:3:46: error CXR027: thousands separator \"_\" is not one of \".\", \",\", \" \" or \"'\"")]
    public void A_thousands_separator_that_cannot_be_read_is_a_diagnostic_at_it(string field, string expected)
    {
        var result = ModelBinder.Compile([new SourceFile("m.cxr", $"source invoices from \"faturalar.csv\" {{\n  key belge_no\n  {field}\n}}\n")]);

        Assert.Equal(expected, Assert.Single(result.Diagnostics).Headline);
    }
}
