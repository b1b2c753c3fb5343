using CxReports.Dsl.Model;

namespace CxReports.Rendering.Formatting;

/// <summary>
/// The words spreadsheets write beside the data (the report sheet's row names, the KPI columns, units in headers),
/// read through <see cref="UiText.Sheet"/> in the report's language.
/// </summary>
public sealed record SheetText(
    string ReportSheet,
    string Report,
    string Title,
    string Description,
    string From,
    string To,
    string Grain,
    string TimeZone,
    string Locale,
    string Parameter,
    string DataVersion,
    string Generated,
    string Metric,
    string Value,
    string Previous,
    string Change,
    string Hours,
    string Days,
    string PercentPoints)
{
    public static readonly SheetText English = new(
        ReportSheet: "Report", Report: "Report", Title: "Title", Description: "Description", From: "From", To: "To",
        Grain: "Grain", TimeZone: "Time zone", Locale: "Locale", Parameter: "Parameter", DataVersion: "Data version",
        Generated: "Generated", Metric: "Metric", Value: "Value", Previous: "Previous period", Change: "Change",
        Hours: "hours", Days: "days", PercentPoints: "pp");

    public static readonly SheetText Turkish = new(
        ReportSheet: "Rapor", Report: "Rapor", Title: "Başlık", Description: "Açıklama", From: "Başlangıç", To: "Bitiş",
        Grain: "Zaman birimi", TimeZone: "Saat dilimi", Locale: "Dil ve bölge", Parameter: "Parametre", DataVersion: "Veri sürümü",
        Generated: "Oluşturulma", Metric: "Gösterge", Value: "Değer", Previous: "Önceki dönem", Change: "Değişim",
        Hours: "saat", Days: "gün", PercentPoints: "puan");

    /// <summary>
    /// The unit a header names after its label, as in "Aylık kayıp oranı (%)": the cells hold plain numbers, so the
    /// header says what they count. Null for units a reader needs no word for (counts, scores, ratios); money is
    /// named by its currency (<see cref="WithUnit(string, Meaning, ValueFormatter)"/>).
    /// </summary>
    public string? UnitWord(Unit unit) => unit switch
    {
        Unit.Percent => "%",
        Unit.Hours => Hours,
        Unit.Days => Days,
        _ => null,
    };

    /// <summary>
    /// A label with its unit: "Churn (%)", "First response (hours)", "Customers"; a label that names its unit already
    /// ("Monthly churn %") is left as written.
    /// </summary>
    public string WithUnit(string label, Unit unit) => WithWord(label, UnitWord(unit));

    /// <summary>
    /// A label with its unit, money with its currency as the page's axis titles name it: "Net (₺)", "ARPA (₺/ay)",
    /// "Net (TRY)" in en-US; money without a declared currency as written.
    /// </summary>
    public string WithUnit(string label, Meaning meaning, ValueFormatter format) =>
        meaning.Unit == Unit.Currency ? WithWord(label, format.MoneyUnit(meaning)) : WithUnit(label, meaning.Unit);

    private static string WithWord(string label, string? word) =>
        word is not null && !label.Contains(word, StringComparison.OrdinalIgnoreCase) ? $"{label} ({word})" : label;
}
