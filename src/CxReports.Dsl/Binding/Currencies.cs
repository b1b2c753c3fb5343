using System.Globalization;

namespace CxReports.Dsl.Binding;

/// <summary>
/// The ISO 4217 currencies this system's cultures use, with the symbol each is written with where it is the
/// national currency (<c>TRY</c> is <c>₺</c>, <c>EUR</c> is <c>€</c>).
/// </summary>
public static class Currencies
{
    private static readonly Lazy<CultureInfo[]> SpecificCultures = new(() => CultureInfo.GetCultures(CultureTypes.SpecificCultures));

    private static readonly Lazy<IReadOnlyDictionary<string, string>> SymbolsByCode = new(() =>
        SpecificCultures.Value
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

    /// <summary>Whether a culture of this system uses the code (capitals only).</summary>
    /// <remarks>
    /// A country's own currency (TRY for TR, USD for US) is recognised from the cultures of that one country: building
    /// the whole table asks ICU about every culture of the system, about 30 ms of each model compile, which a one-shot
    /// <c>cxr run</c> pays in full. Other codes (EUR, which no country names) still consult the table.
    /// </remarks>
    public static bool IsKnown(string code) => IsNationalCurrency(code) || SymbolsByCode.Value.ContainsKey(code);

    /// <summary>Whether a culture of the region its first two letters name uses the code (a culture's name ends with its region).</summary>
    internal static bool IsNationalCurrency(string code)
    {
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper)) return false;
        var suffix = "-" + code[..2];
        return SpecificCultures.Value.Any(c => c.Name.EndsWith(suffix, StringComparison.Ordinal) && Region(c)?.ISOCurrencySymbol == code);
    }

    /// <summary>Every code the cultures of this system use: what <see cref="IsKnown"/> answers for any other code.</summary>
    internal static bool InTable(string code) => SymbolsByCode.Value.ContainsKey(code);

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
