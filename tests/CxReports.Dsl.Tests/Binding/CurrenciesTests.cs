using CxReports.Dsl.Binding;

namespace CxReports.Dsl.Tests.Binding;

/// <summary>Which ISO 4217 codes a model may name: a country's own currency is known without building the whole table, and means the same.</summary>
public class CurrenciesTests
{
    [Fact]
    public void Every_code_known_from_its_country_alone_is_a_code_of_the_full_table()
    {
        var national = new List<string>();
        for (var first = 'A'; first <= 'Z'; first++)
        for (var second = 'A'; second <= 'Z'; second++)
        for (var third = 'A'; third <= 'Z'; third++)
            if (Currencies.IsNationalCurrency($"{first}{second}{third}")) national.Add($"{first}{second}{third}");

        Assert.Contains("TRY", national);
        Assert.Contains("USD", national);
        Assert.DoesNotContain("EUR", national);
        Assert.True(national.Count > 100, $"only {national.Count} national currencies");
        Assert.All(national, code => Assert.True(Currencies.InTable(code), $"{code} is accepted from its country but not in the table"));
    }

    [Theory]
    [InlineData("TRY", true)]
    [InlineData("USD", true)]
    [InlineData("EUR", true)] // no country is named EU: the table knows it
    [InlineData("try", false)]
    [InlineData("TR", false)]
    [InlineData("TRYY", false)]
    [InlineData("XQZ", false)]
    [InlineData("", false)]
    [InlineData("T\0Y", false)]
    public void A_code_is_known_only_in_capitals_and_when_some_culture_uses_it(string code, bool known) =>
        Assert.Equal(known, Currencies.IsKnown(code));
}
