
namespace CxReports.Rendering.Formatting;

/// <summary>
/// The renderer's own words (footer, "no data", scenario headings, the email body) and date patterns in the
/// report's language: complete for en-US and tr-TR. Any other locale gets the English words with its culture's
/// own date and time patterns (numbers always follow the culture). The measured effect's words (<see cref="Effect"/>)
/// and the spreadsheets' (<see cref="Sheet"/>) are read from here too, so one table holds every word. A new word must
/// be given in both languages (UiTextTests fails on an empty one).
/// </summary>
public sealed record UiText(
    string PageOf,
    string Generated,
    string DataVersion,
    string Period,
    string Parameters,
    string NoData,
    string Previous,
    string Continued,
    string Cohort,
    string CohortSize,
    string MonthsSinceStart,
    string RetainPerMonth,
    string HorizonMonths,
    string Cost,
    string Roi,
    string CustomersKept,
    string ScenarioNote,
    string QuarterFormat,
    string HoursSuffix,
    string DaysSuffix,
    string PercentPoints,
    string NotObservable,
    string Thousands,
    string Millions,
    string EmptyList,
    string Other,
    string OtherNote,
    string TopSeriesNote,
    string LabelsNote,
    string MarginBand,
    string Attached,
    string DateFormat,
    string DayMonthFormat,
    string TimeFormat,
    EffectText Effect,
    SheetText Sheet,
    IReadOnlyDictionary<string, string> Words)
{
    public static readonly UiText English = new(
        PageOf: "Page {0} of {1}",
        Generated: "Generated",
        DataVersion: "data version",
        Period: "Period",
        Parameters: "Parameters",
        NoData: "no data",
        Previous: "previous period",
        Continued: "continued",
        Cohort: "Cohort",
        CohortSize: "Customers",
        MonthsSinceStart: "Months since the cohort started",
        RetainPerMonth: "Retain {0} more a month",
        HorizonMonths: "{0} months",
        Cost: "cost",
        Roi: "ROI",
        CustomersKept: "kept",
        ScenarioNote: "Each cell: net = gain from the customers kept − programme cost over the horizon; under it the gain, ROI = net / cost, and the customers kept.",
        QuarterFormat: "Q{0} {1}",
        HoursSuffix: " h",
        DaysSuffix: " d",
        PercentPoints: " pp",
        NotObservable: "blank: not yet observable",
        Thousands: "k",
        Millions: "M",
        EmptyList: "No one matches this list.",
        Other: "Other",
        OtherNote: "Other: the sum of the {0} smaller series.",
        TopSeriesNote: "The {0} largest of {1} series are shown.",
        LabelsNote: "Shortened labels in full:",
        MarginBand: "Shaded: ± {0}",
        Attached: "The full report is attached.",
        DateFormat: "MMM d, yyyy",
        DayMonthFormat: "MMM d",
        TimeFormat: "h:mm tt",
        Effect: EffectText.English,
        Sheet: SheetText.English,
        Words: new Dictionary<string, string>
        {
            ["day"] = "Day", ["week"] = "Week", ["month"] = "Month", ["quarter"] = "Quarter", ["year"] = "Year",
            ["count"] = "Count", ["score"] = "Score", ["band"] = "Band", ["amount"] = "Amount", ["ratio"] = "Ratio", ["hours"] = "Hours", ["days"] = "Days",
            ["per_month"] = "/mo", ["as_of"] = "at {0}",
            // Where the data ends (DataFreshness); {0} is a date.
            ["data_through"] = "Data through {0}", ["clipped_to"] = "totals and KPIs computed up to {0}, where the data ends",
            ["partial_table"] = "* partial: the period or the data covers only part of this bucket",
            ["partial_chart"] = "Hollow points, dashed lines, pale bars: partial bucket (the period or the data covers only part of it)",
            ["past_data"] = "The period runs past the data: it ends on {0}, so totals and KPIs are computed up to that day and later buckets show no data.",
            ["scenario.retain"] = "Retained more a month", ["scenario.horizon_months"] = "Horizon (months)",
            ["scenario.extra_revenue"] = "Extra revenue", ["scenario.gain"] = "Gain", ["scenario.cost"] = "Programme cost",
            // The report page's own words (Rendering/Html).
            ["page.view"] = "View", ["page.from"] = "From", ["page.to"] = "To", ["page.apply"] = "Show",
            ["page.download"] = "Download this view", ["page.data_table"] = "The chart's numbers",
            ["page.reset_zoom"] = "Reset zoom", ["page.zoom_hint"] = "Drag across the chart or Ctrl + scroll to zoom; click a legend entry to hide its series.",
            ["page.csv_of"] = "CSV of this table",
            ["scenario.net"] = "Net", ["scenario.roi_pct"] = "ROI", ["scenario.customers_kept"] = "Customers kept",
        });

    public static readonly UiText Turkish = new(
        PageOf: "Sayfa {0} / {1}",
        Generated: "Oluşturulma",
        DataVersion: "veri sürümü",
        Period: "Dönem",
        Parameters: "Parametreler",
        NoData: "veri yok",
        Previous: "önceki dönem",
        Continued: "devam",
        Cohort: "Kohort",
        CohortSize: "Müşteri",
        MonthsSinceStart: "Kohortun başlangıcından bu yana geçen ay",
        RetainPerMonth: "Ayda {0} müşteri daha tutmak",
        HorizonMonths: "{0} ay",
        Cost: "maliyet",
        Roi: "YG",
        CustomersKept: "tutulan",
        ScenarioNote: "Her hücre: net = tutulan müşterilerden kazanç − dönem boyunca program maliyeti; altında kazanç, YG (yatırım getirisi) = net / maliyet ve tutulan müşteri sayısı.",
        QuarterFormat: "Ç{0} {1}",
        HoursSuffix: " sa",
        DaysSuffix: " gün",
        PercentPoints: " puan",
        NotObservable: "boş: henüz gözlenemez",
        Thousands: " B",
        Millions: " Mn",
        EmptyList: "Bu listeye uyan kimse yok.",
        Other: "Diğer",
        OtherNote: "Diğer: daha küçük {0} serinin toplamı.",
        TopSeriesNote: "{1} seriden en büyük {0} tanesi gösteriliyor.",
        LabelsNote: "Kısaltılan etiketlerin tamamı:",
        MarginBand: "Gölgeli alan: ± {0}",
        Attached: "Raporun tamamı ektedir.",
        DateFormat: "d MMM yyyy",
        DayMonthFormat: "d MMM",
        TimeFormat: "HH:mm",
        Effect: EffectText.Turkish,
        Sheet: SheetText.Turkish,
        Words: new Dictionary<string, string>
        {
            ["day"] = "Gün", ["week"] = "Hafta", ["month"] = "Ay", ["quarter"] = "Çeyrek", ["year"] = "Yıl",
            ["count"] = "Sayı", ["score"] = "Puan", ["band"] = "Durum", ["amount"] = "Tutar", ["ratio"] = "Oran", ["hours"] = "Saat", ["days"] = "Gün",
            ["per_month"] = "/ay", ["as_of"] = "{0} itibarıyla",
            ["data_through"] = "Veriler {0} tarihine kadar", ["clipped_to"] = "toplamlar ve göstergeler verinin bittiği {0} tarihine kadar hesaplandı",
            ["partial_table"] = "* kısmi: dönem ya da veri bu aralığın yalnızca bir kısmını kapsıyor",
            ["partial_chart"] = "İçi boş noktalar, kesikli çizgiler, soluk sütunlar: kısmi aralık (dönem ya da veri aralığın yalnızca bir kısmını kapsıyor)",
            ["past_data"] = "Dönem verinin ötesine uzanıyor: veriler {0} tarihinde bitiyor; toplamlar ve göstergeler o güne kadar hesaplandı, sonraki aralıklarda veri yok.",
            ["scenario.retain"] = "Ayda ek tutulan müşteri", ["scenario.horizon_months"] = "Süre (ay)",
            ["scenario.extra_revenue"] = "Ek gelir", ["scenario.gain"] = "Kazanç", ["scenario.cost"] = "Program maliyeti",
            ["page.view"] = "Görünüm", ["page.from"] = "Başlangıç", ["page.to"] = "Bitiş", ["page.apply"] = "Göster",
            ["page.download"] = "Bu görünümü indir", ["page.data_table"] = "Grafiğin sayıları",
            ["page.reset_zoom"] = "Yakınlaştırmayı sıfırla", ["page.zoom_hint"] = "Yakınlaştırmak için grafiğin üzerinde sürükleyin ya da Ctrl + kaydırın; bir seriyi gizlemek için göstergedeki adına tıklayın.",
            ["page.csv_of"] = "Bu tablonun CSV dosyası",
            ["scenario.net"] = "Net getiri", ["scenario.roi_pct"] = "YG", ["scenario.customers_kept"] = "Tutulan müşteri",
        });

    /// <summary>The words for a culture: Turkish for tr-TR, English for en-US, else English with the culture's date patterns.</summary>
    public static UiText For(System.Globalization.CultureInfo culture) => culture.Name switch
    {
        "tr-TR" => Turkish,
        "en-US" => English,
        _ => English with
        {
            DateFormat = culture.DateTimeFormat.ShortDatePattern,
            DayMonthFormat = culture.DateTimeFormat.MonthDayPattern,
            TimeFormat = culture.DateTimeFormat.ShortTimePattern,
        },
    };

    /// <summary>The locales whose words are complete; others fall back to English words.</summary>
    public static IReadOnlyList<string> Complete { get; } = ["en-US", "tr-TR"];
}
