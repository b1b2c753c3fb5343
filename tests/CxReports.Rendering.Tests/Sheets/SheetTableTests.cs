using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Sheets;

namespace CxReports.Rendering.Tests.Sheets;

/// <summary>
/// Spreadsheet cells hold plain numbers, so a money column's header says its currency, as the page's axis titles do:
/// the symbol in the currency's own locale, else its ISO code, "/ay" or "/mo" for money per month.
/// </summary>
public sealed class SheetTableTests
{
    private static readonly Meaning Net = Meaning.Of(Unit.Currency, Direction.HigherIsBetter, "Net") with { Currency = "TRY" };
    private static readonly Meaning Arpa = Meaning.Of(Unit.Currency, Direction.HigherIsBetter, "ARPA") with { Currency = "TRY", PerMonth = true };

    private static SheetTable Table(string locale) => SheetTable.Of("t", null, new ResultTable(
        [new ResultColumn("net", ColumnType.Number, Net), new ResultColumn("arpa", ColumnType.Number, Arpa),
         new ResultColumn("ltv", ColumnType.Number, SheetFixtures.Ltv)],
        [[83_400.0, 137.37, 5871.0]]), new ValueFormatter(locale));

    private static SheetTable Kpi(string locale) => SheetTable.Of(new EvaluatedBlock("kpi_1", "kpi", null, new ResultTable(KpiTable.Columns,
        [KpiTable.Row("arpa", 137.37, 129.41, 7.96, Arpa)])), new ValueFormatter(locale));

    [Fact]
    public void Money_headers_name_their_currency_by_symbol_at_home_and_by_code_abroad()
    {
        Assert.Equal(["Net (₺)", "ARPA (₺/ay)", "LTV"], Table("tr-TR").Columns.Select(c => c.Header));
        Assert.Equal(["Net (TRY)", "ARPA (TRY/mo)", "LTV"], Table("en-US").Columns.Select(c => c.Header));
        Assert.Equal("ARPA (₺/ay)", Kpi("tr-TR").Rows[0][0].Value);
        Assert.Equal("ARPA (TRY/mo)", Kpi("en-US").Rows[0][0].Value);
    }

    [Fact]
    public void A_scenario_sheet_names_the_engines_columns_in_the_reports_language()
    {
        var scenario = Tests.Pdf.Reports.Scenario();

        Assert.Equal(["Ayda ek tutulan müşteri", "Süre (ay)", "Ek gelir", "Kazanç", "Program maliyeti", "Net getiri", "YG (%)", "Tutulan müşteri"],
            SheetTable.Of(scenario, new ValueFormatter("tr-TR")).Columns.Select(c => c.Header));
        Assert.Equal(["Retained more a month", "Horizon (months)", "Extra revenue", "Gain", "Programme cost", "Net", "ROI (%)", "Customers kept"],
            SheetTable.Of(scenario, new ValueFormatter("en-US")).Columns.Select(c => c.Header));
    }
}
