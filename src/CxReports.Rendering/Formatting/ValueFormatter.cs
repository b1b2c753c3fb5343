using System.Globalization;
using CxReports.Dsl.Binding;
using CxReports.Engine.Results;
using CxReports.Dsl.Model;

namespace CxReports.Rendering.Formatting;

/// <summary>
/// Turns values into the text a reader sees, in the report's locale (en-US by default, "Dec 1, 2025"; tr-TR gives
/// decimal commas, "%12,5", "1 Ara 2025"). The only place numbers are rounded.
/// </summary>
public sealed class ValueFormatter
{
    public ValueFormatter(string? locale)
    {
        Culture = Resolve(locale);
        Text = UiText.For(Culture);
        _ownCurrency = Currencies.OfLocale(Culture);
    }

    /// <summary>The currency of the locale's country, written by its symbol rather than its code.</summary>
    private readonly string? _ownCurrency;

    public CultureInfo Culture { get; }

    public UiText Text { get; }

    /// <summary>
    /// Decimals for a set of numbers of one meaning (a column, or a KPI's value and previous value): the meaning's
    /// decimals, none when all are whole; without stated decimals, fewer for large values (money: 2 below 1,000).
    /// </summary>
    public static int Decimals(Meaning meaning, ColumnType type, IEnumerable<double> values)
    {
        if (type == ColumnType.Integer || meaning.Decimals == 0) return 0;
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count > 0 && finite.All(v => Math.Abs(v - Math.Round(v)) < 1e-9)) return 0;
        if (meaning.Decimals is { } stated) return stated;
        var max = finite.Count == 0 ? 0 : finite.Max(Math.Abs);
        return meaning.Unit switch
        {
            Unit.Currency => max >= 1000 ? 0 : 2,
            _ => max >= 1000 ? 0 : max >= 10 ? 1 : 2,
        };
    }

    /// <summary>Each column's decimals over its values, so a column is printed with one number of decimals throughout.</summary>
    public static int[] Decimals(ResultTable table) =>
        table.Columns.Select((c, i) => Decimals(c.Meaning, c.Type, table.Rows.Select(r => r[i]).OfType<double>())).ToArray();

    /// <summary>A number with its unit: "12.5%" / "%12,5", "2.4 h", "1,204".</summary>
    public string Number(double value, Unit unit, int decimals) => Number(value, Meaning.Of(unit), decimals);

    /// <summary>
    /// A number as its meaning says: with its unit, money with its currency ("5.871 ₺" in tr-TR, "TRY 5,871" in en-US)
    /// and a quantity per month of money with "/ay" or "/mo".
    /// </summary>
    public string Number(double value, Meaning meaning, int decimals)
    {
        if (!double.IsFinite(value)) return Text.NoData;
        var unit = meaning.Unit;
        if (unit == Unit.Currency) return Money(value, meaning.Currency, decimals) + PerMonth(meaning);
        var text = unit switch
        {
            Unit.Percent => (value / 100).ToString("P" + decimals, Culture),
            Unit.Hours => value.ToString("N" + decimals, Culture) + Text.HoursSuffix,
            Unit.Days => value.ToString("N" + decimals, Culture) + Text.DaysSuffix,
            _ => value.ToString("N" + decimals, Culture),
        };
        // A true minus sign, as in changes and compact figures, rather than the culture's hyphen.
        var hyphen = Culture.NumberFormat.NegativeSign;
        var at = text.IndexOf(hyphen, StringComparison.Ordinal);
        return hyphen == "-" && at >= 0 && at <= 1 ? text.Remove(at, 1).Insert(at, "−") : text;
    }

    /// <summary>"/ay", "/mo" after money per month; nothing otherwise.</summary>
    public string PerMonth(Meaning meaning) => meaning is { Unit: Unit.Currency, PerMonth: true } ? Text.Words["per_month"] : "";

    /// <summary>
    /// How money is written: the currency's symbol where it is the locale's own currency (₺ in tr-TR, $ in en-US),
    /// else its ISO code (TRY in en-US), as CLDR and spreadsheets do, so a reader abroad never guesses what "₺" or
    /// "kr" is. Turkish puts the currency after the number, "5.871 ₺", as Turkish invoices and banks write it (ICU's
    /// CLDR data would give "₺5.871"); other cultures follow their own currency pattern. No currency: the number.
    /// </summary>
    public string Money(double value, string? currency, int decimals) =>
        WithCurrency(Number(Math.Abs(value), Unit.None, decimals), Math.Round(value, decimals) < 0, currency);

    /// <summary>A magnitude already written ("5.871", "83 B") with its sign and currency placed as <see cref="Money"/> says.</summary>
    private string WithCurrency(string number, bool negative, string? currency)
    {
        var sign = negative ? "−" : "";
        if (currency is null) return sign + number;
        var own = _ownCurrency == currency;
        var symbol = own ? Currencies.Symbol(currency) : currency;
        var after = Culture.TwoLetterISOLanguageName == "tr" || Culture.NumberFormat.CurrencyPositivePattern is 1 or 3;
        var space = !own || Culture.NumberFormat.CurrencyPositivePattern is 2 or 3 || after ? " " : "";
        return after ? $"{sign}{number}{space}{symbol}" : $"{sign}{symbol}{space}{number}";
    }

    /// <summary>The unit of money for an axis title or heading: "₺/ay", "TRY/mo"; null for other units.</summary>
    public string? MoneyUnit(Meaning meaning) =>
        meaning.Unit != Unit.Currency ? null
        : (meaning.Currency is { } c ? (_ownCurrency == c ? Currencies.Symbol(c) : c) : "") + PerMonth(meaning) is { Length: > 0 } text ? text : null;

    /// <summary>A difference with its sign: "+3.5", "−0.9 pp" (percent metrics change in percentage points).</summary>
    public string Change(double delta, Unit unit, int decimals) => Change(delta, Meaning.Of(unit), decimals);

    /// <summary>A difference with its sign, money with its currency: "+120 ₺/ay".</summary>
    public string Change(double delta, Meaning meaning, int decimals)
    {
        var magnitude = meaning.Unit switch
        {
            Unit.Percent => Math.Abs(delta).ToString("N" + decimals, Culture) + Text.PercentPoints,
            _ => Number(Math.Abs(delta), meaning, decimals),
        };
        var rounded = Math.Round(delta, decimals);
        return rounded > 0 ? "+" + magnitude : rounded < 0 ? "−" + magnitude : magnitude;
    }

    /// <summary>A relative change against a base, "+54.6%", or null when the base is zero.</summary>
    public string? Relative(double delta, double previous)
    {
        if (previous == 0 || !double.IsFinite(previous)) return null;
        var ratio = delta / Math.Abs(previous);
        var text = Math.Abs(ratio).ToString("P1", Culture);
        return ratio > 0.0005 ? "+" + text : ratio < -0.0005 ? "−" + text : text;
    }

    /// <summary>A money-sized figure for dense grids: "−12.9M", "−504k", "7,504" ("−12,9 Mn", "−504 B" in Turkish).</summary>
    public string Compact(double value)
    {
        var text = CompactMagnitude(Math.Abs(value));
        return Math.Round(value) < 0 ? "−" + text : text;
    }

    /// <summary>
    /// A compact figure as its meaning says: money with its currency placed as <see cref="Money"/> places it ("83 B ₺",
    /// "−1,3 Mn ₺" in tr-TR; "TRY 83k", "−$1.3M" in en-US) and "/ay", "/mo" per month; other units as <see cref="Compact(double)"/>.
    /// </summary>
    public string Compact(double value, Meaning meaning) =>
        meaning.Unit == Unit.Currency
            ? WithCurrency(CompactMagnitude(Math.Abs(value)), Math.Round(value) < 0, meaning.Currency) + PerMonth(meaning)
            : Compact(value);

    private string CompactMagnitude(double abs) =>
        abs >= 1e6 ? (abs / 1e6).ToString("N1", Culture) + Text.Millions
        : abs >= 1e4 ? (abs / 1e3).ToString("N0", Culture) + Text.Thousands
        : abs.ToString("N0", Culture);

    /// <summary>An axis tick: short ("12k", "1.5M"; "12 B", "1,5 Mn" in Turkish), percent signs where the culture puts them.</summary>
    public string Axis(double value, Unit unit) => Axis(value, unit, AxisDecimals(value));

    /// <summary>
    /// The ticks of one axis with the same decimals, as many as the most precise needs: "%1,5 %2,0 %2,5" rather than
    /// "%1,5 %2 %2,5", which reads as if the middle value were rounded differently.
    /// </summary>
    public IReadOnlyList<string> AxisLabels(IReadOnlyList<double> values, Unit unit)
    {
        var decimals = values.Select(AxisDecimals).DefaultIfEmpty(0).Max();
        return values.Select(v => Axis(v, unit, decimals)).ToList();
    }

    /// <summary>A tick's scale (millions, thousands, as it is) and the most decimals shown at that scale.</summary>
    private static (double Divisor, int MaxDecimals) AxisScale(double value) => Math.Abs(value) switch
    {
        >= 1e6 => (1e6, 2),
        >= 1e4 => (1e3, 1),
        >= 1000 => (1, 0),
        _ => (1, 2),
    };

    /// <summary>The fewest decimals that show a tick as precisely as its scale allows: 2.5 → 1, 2.999999 → 0.</summary>
    private static int AxisDecimals(double value)
    {
        var (divisor, max) = AxisScale(value);
        var scaled = value / divisor;
        return Enumerable.Range(0, max + 1).First(d => Math.Round(scaled, d) == Math.Round(scaled, max));
    }

    private string Axis(double value, Unit unit, int decimals)
    {
        var (divisor, max) = AxisScale(value);
        var shown = Math.Min(decimals, max);
        var number = (value / divisor).ToString((divisor == 1 && Math.Abs(value) >= 1000 ? "N" : "F") + shown, Culture);
        var text = number + (divisor == 1e6 ? Text.Millions : divisor == 1e3 ? Text.Thousands : "");
        if (value < 0) text = "−" + text.TrimStart('-', '−');
        return unit switch
        {
            Unit.Percent => Culture.NumberFormat.PercentPositivePattern == 2 ? "%" + text : text + "%",
            _ => text,
        };
    }

    /// <summary>A time bucket as a reader names it: "Nov 2025", "Q4 2025", "3 Nov 2025", "2025".</summary>
    public string Bucket(DateOnly date, TimeUnit grain) => grain switch
    {
        TimeUnit.Month => Capitalize(date.ToString("MMM yyyy", Culture)),
        TimeUnit.Quarter => string.Format(Culture, Text.QuarterFormat, (date.Month - 1) / 3 + 1, date.Year),
        TimeUnit.Year => date.Year.ToString(Culture),
        _ => Date(date),
    };

    /// <summary>A short time-axis label: month name, with the year under January and the first tick.</summary>
    public string AxisBucket(DateOnly date, TimeUnit grain, bool first) => grain switch
    {
        TimeUnit.Month => Capitalize(date.ToString("MMM", Culture)) + (first || date.Month == 1 ? "\n" + date.Year : ""),
        TimeUnit.Quarter => string.Format(Culture, Text.QuarterFormat, (date.Month - 1) / 3 + 1, "").Trim()
            + (first || date.Month == 1 ? "\n" + date.Year : ""),
        TimeUnit.Year => date.Year.ToString(Culture),
        _ => date.ToString(Text.DayMonthFormat, Culture) + (first || date.DayOfYear <= 7 ? "\n" + date.Year : ""),
    };

    /// <summary>A day as the locale writes it: "Dec 1, 2025", "1 Ara 2025".</summary>
    public string Date(DateOnly date) => date.ToString(Text.DateFormat, Culture);

    /// <summary>The report's period, "Nov 1, 2025 – Oct 31, 2026" / "1 Kas 2025 – 31 Eki 2026".</summary>
    public string Period(DateOnly from, DateOnly to) => $"{Date(from)} – {Date(to)}";

    /// <summary>A moment in the report's time zone: "Jan 5, 2026 11:00 AM (Europe/Istanbul)", "5 Oca 2026 11:00 (…)".</summary>
    public string Moment(DateTimeOffset at, string timeZone)
    {
        var local = at;
        try { local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(timeZone)); }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException) { timeZone = "UTC"; local = at.ToUniversalTime(); }
        return $"{local.ToString(Text.DateFormat + " " + Text.TimeFormat, Culture)} ({timeZone})";
    }

    /// <summary>Any cell value, formatted for its column (numbers with the column's decimals; a labelled code as its label).</summary>
    public string Cell(object? value, ResultColumn column, int decimals, TimeUnit grain) => column.LabelOf(value) ?? value switch
    {
        null => "–",
        long l => Number(l, column.Meaning, 0),
        int i => Number(i, column.Meaning, 0),
        double d => Number(d, column.Meaning, decimals),
        decimal m => Number((double)m, column.Meaning, decimals),
        DateOnly date => Bucket(date, grain),
        DateTime dt => Date(DateOnly.FromDateTime(dt)),
        bool b => b ? "✓" : "–",
        _ => Convert.ToString(value, Culture) ?? "",
    };

    private string Capitalize(string text) =>
        text.Length == 0 ? text : Culture.TextInfo.ToUpper(text[0]) + text[1..];

    // ICU makes up a culture for any well-formed name; only the ones it really knows have month names and separators.
    private static readonly Lazy<HashSet<string>> Known = new(() =>
        CultureInfo.GetCultures(CultureTypes.AllCultures).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase));

    private static CultureInfo Resolve(string? locale) =>
        string.IsNullOrWhiteSpace(locale) || !Known.Value.Contains(locale)
            ? CultureInfo.GetCultureInfo("en-US")
            : CultureInfo.GetCultureInfo(locale);
}
