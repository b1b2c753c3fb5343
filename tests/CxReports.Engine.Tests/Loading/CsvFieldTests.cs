using CxReports.Engine.Loading;

namespace CxReports.Engine.Tests.Loading;

/// <summary>RFC 4180 quoting of the CSV files cxr writes: only a field that needs quotes gets them.</summary>
public sealed class CsvFieldTests
{
    [Theory]
    [InlineData("Müşteri", ';', "Müşteri")]
    [InlineData("", ',', "")]
    [InlineData("1,5", ';', "1,5")]
    [InlineData("1,5", ',', "\"1,5\"")]
    [InlineData("a;b", ';', "\"a;b\"")]
    [InlineData("say \"hi\"", ',', "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", ',', "\"two\nlines\"")]
    [InlineData("cr\r", ',', "\"cr\r\"")]
    public void A_field_holding_the_delimiter_a_quote_or_a_line_break_is_quoted_with_its_quotes_doubled(string text, char delimiter, string written) =>
        Assert.Equal(written, CsvField.Escape(text, delimiter));
}
