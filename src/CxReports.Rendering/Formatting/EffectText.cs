namespace CxReports.Rendering.Formatting;

/// <summary>
/// The words of a scenario's measured effect (tiles and the sentence before the what-if grid), read through
/// <see cref="UiText.Effect"/> in the report's language. The Turkish sentences put numbers where no case suffix follows them, since the
/// suffix would depend on how the number is read aloud.
/// </summary>
public sealed record EffectText(
    string ChurnTile,
    string KeptTile,
    string LostTile,
    string ValueTile,
    string NetTile,
    string Baseline,
    string AgainstPreviousPeriod,
    string AgainstPreviousYear,
    string ActiveOnAverage,
    string ProgrammeCost,
    string Fell,
    string Rose,
    string Unchanged,
    string Kept,
    string Lost,
    string NoValue,
    string NoBaseline,
    string NoBaselineChurn,
    string NoPeriodChurn,
    string NoCustomers,
    string MeasuredRow)
{
    public static readonly EffectText English = new(
        ChurnTile: "Churn a month",
        KeptTile: "Customers kept a month",
        LostTile: "Customers lost a month",
        ValueTile: "Value of the customers kept",
        NetTile: "Net of programme cost",
        Baseline: "before",
        AgainstPreviousPeriod: "against the previous period",
        AgainstPreviousYear: "against the same period a year earlier",
        ActiveOnAverage: "average active: {0}",
        ProgrammeCost: "programme cost {0}",
        Fell: "Churn fell from {0} to {1} a month {2} ({3}), {4} less.",
        Rose: "Churn rose from {0} to {1} a month {2} ({3}), {4} more.",
        Unchanged: "Churn stayed at {0} a month {1} ({2}).",
        Kept: " About {0} customers a month were kept; {1} of them were still customers at the period's end, worth {2} against a programme cost of {3} over {4} months (net {5}, ROI {6}).",
        Lost: " About {0} more customers a month were lost than at the baseline's rate; the programme cost {1} over {2} months.",
        NoValue: " The value of the customers kept is unknown: the scenario's value has no data for the period.",
        NoBaseline: "The programme's effect cannot be measured: there is no baseline before this period.",
        NoBaselineChurn: "The programme's effect cannot be measured: there is no churn data for the baseline ({0}).",
        NoPeriodChurn: "The programme's effect cannot be measured: there is no churn data for this period.",
        NoCustomers: "The programme's effect cannot be measured: there were no active customers in this period.",
        MeasuredRow: "← measured: {0} a month");

    public static readonly EffectText Turkish = new(
        ChurnTile: "Aylık kayıp oranı",
        KeptTile: "Ayda elde tutulan müşteri",
        LostTile: "Ayda fazladan kaybedilen müşteri",
        ValueTile: "Tutulan müşterilerin değeri",
        NetTile: "Program maliyeti düşülünce net",
        Baseline: "önce",
        AgainstPreviousPeriod: "önceki döneme göre",
        AgainstPreviousYear: "geçen yılın aynı dönemine göre",
        ActiveOnAverage: "ort. aktif müşteri: {0}",
        ProgrammeCost: "program maliyeti {0}",
        Fell: "Aylık kayıp oranı {2} ({3}) {4} düştü: {0} → {1}.",
        Rose: "Aylık kayıp oranı {2} ({3}) {4} arttı: {0} → {1}.",
        Unchanged: "Aylık kayıp oranı {1} ({2}) değişmedi: {0}.",
        Kept: " Ayda yaklaşık {0} müşteri elde tutuldu; dönem sonunda bunların {1} tanesi hâlâ müşteri. Değerleri {2}, {4} ayın program maliyeti {3} (net {5}, YG {6}).",
        Lost: " Önceki orana göre ayda yaklaşık {0} müşteri fazladan kaybedildi; {2} ayın program maliyeti {1}.",
        NoValue: " Tutulan müşterilerin değeri bilinmiyor: senaryonun değer girdisinin bu dönem için verisi yok.",
        NoBaseline: "Programın etkisi ölçülemiyor: bu dönemden önce karşılaştırılacak bir dönem yok.",
        NoBaselineChurn: "Programın etkisi ölçülemiyor: karşılaştırma döneminde ({0}) kayıp verisi yok.",
        NoPeriodChurn: "Programın etkisi ölçülemiyor: bu dönem için kayıp verisi yok.",
        NoCustomers: "Programın etkisi ölçülemiyor: bu dönemde aktif müşteri yoktu.",
        MeasuredRow: "← ölçülen: ayda {0}");
}
