using System.Globalization;

namespace CxReports.Dsl.Binding;

/// <summary>
/// The ISO 4217 currencies this system's cultures use, with the symbol each is written with where it is the
/// national currency (<c>TRY</c> is <c>₺</c>, <c>EUR</c> is <c>€</c>).
/// </summary>
public static class Currencies
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> SymbolsByCode = new(() =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(Region)
            .OfType<RegionInfo>()
            .Where(r => r.ISOCurrencySymbol.Length == 3 && r.ISOCurrencySymbol.All(char.IsAsciiLetterUpper))
            .GroupBy(r => r.ISOCurrencySymbol, StringComparer.Ordinal)
            // The country whose name matches the code's first two letters writes its own symbol (TR for TRY, not
            // Cyprus's Turkish culture); otherwise the first culture's.
            .ToDictionary(g => g.Key, g => (g.FirstOrDefault(r => g.Key.StartsWith(r.TwoLetterISORegionName, StringComparison.Ordinal)) ?? g.First()).CurrencySymbol,
                StringComparer.Ordinal));

    /// <summary>Every known code, for did-you-mean hints.</summary>
    public static IEnumerable<string> Codes => SymbolsByCode.Value.Keys;

    public static bool IsKnown(string code) => SymbolsByCode.Value.ContainsKey(code);

    /// <summary>
    /// The code a writer probably meant: the one whose symbol was written (<c>₺</c>, <c>€</c>; not <c>$</c>, which
    /// many share), the Turkish lira's everyday abbreviation <c>TL</c>, the code in capitals, or the closest code.
    /// </summary>
    public static string? Suggest(string written) =>
        SymbolsByCode.Value.Where(c => c.Value == written).Select(c => c.Key).ToArray() is [var bySymbol] ? bySymbol
        : written.Equals("TL", StringComparison.OrdinalIgnoreCase) ? "TRY"
        : IsKnown(written.ToUpperInvariant()) ? written.ToUpperInvariant()
        : DidYouMean.Suggest(written.ToUpperInvariant(), Codes);

    /// <summary>The symbol of a known code (<c>₺</c>); the code itself when it has none of its own.</summary>
    public static string Symbol(string code) => SymbolsByCode.Value.GetValueOrDefault(code) ?? code;

    /// <summary>The ISO code of the currency of the locale's country (<c>TRY</c> for <c>tr-TR</c>); null for a neutral culture.</summary>
    public static string? OfLocale(CultureInfo culture) =>
        culture.IsNeutralCulture || culture.Equals(CultureInfo.InvariantCulture) ? null : Region(culture)?.ISOCurrencySymbol;

    private static RegionInfo? Region(CultureInfo culture)
    {
        try
        {
            return new RegionInfo(culture.Name);
        }
        catch (ArgumentException)
        {
            return null; // a culture without a region of its own
        }
    }
}
