using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Rendering.Tests.Pdf;

namespace CxReports.Rendering.Tests.Sheets;

/// <summary>A small report with a KPI block and a table block, in a given locale, as the engine shapes them.</summary>
public static class SheetFixtures
{
    public const string EveryTurkishLetter = "ÇĞİÖŞÜçğıöşü oranı";

    public static readonly Meaning Churn = Meaning.Of(Unit.Percent, Direction.LowerIsBetter, "Aylık kayıp oranı");
    public static readonly Meaning Customers = Meaning.Of(Unit.Count, Direction.HigherIsBetter, "Aktif müşteri");
    public static readonly Meaning Ltv = Meaning.Of(Unit.Currency, Direction.HigherIsBetter, "LTV");

    public static EvaluatedBlock KpiBlock() => new("kpi_1", "kpi", null, new ResultTable(KpiTable.Columns,
    [
        KpiTable.Row("churn", 1.87, 2.78, 1.87 - 2.78, Churn),
        KpiTable.Row("customers_active", 1468L, 1400L, 68L, Customers),
    ]));

    /// <summary>
    /// City (a text dimension named "şehir"), month, churn in percent with one decimal, a count, LTV in money whose
    /// decimals follow its size, and a metric labelled with every Turkish letter.
    /// </summary>
    public static EvaluatedBlock TableBlock() => new("by_city", "table", "Churn by city: İzmir / İstanbul", new ResultTable(
        [
            new ResultColumn("şehir", ColumnType.Text), Reports.MonthColumn(),
            new ResultColumn("churn", ColumnType.Number, Churn), new ResultColumn("customers_active", ColumnType.Integer, Customers),
            new ResultColumn("ltv", ColumnType.Number, Ltv),
            new ResultColumn("letters", ColumnType.Number, Meaning.Of(Unit.Score, Direction.Neutral, EveryTurkishLetter)),
        ],
        [
            ["İzmir", new DateOnly(2025, 1, 1), 1.87, 1468L, 5871.456, 12.34],
            ["=HYPERLINK(\"http://x\")", new DateOnly(2025, 2, 1), null, 985L, 612.4, -3.06],
        ]));

    public static EvaluatedReport Report(string locale) =>
        Reports.Report("Müşteri sağlığı", [Reports.Section("Özet", KpiBlock(), new EvaluatedBlock("text_1", "text", null, null, "Bir not.")),
            Reports.Section("Şehirler", TableBlock())], locale);
}
