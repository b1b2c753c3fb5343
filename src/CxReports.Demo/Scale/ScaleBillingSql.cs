using B = CxReports.Demo.DemoStory.Billing;

namespace CxReports.Demo.Scale;

/// <summary>
/// Money in the SQL generator: the subscription invoices with setup fees, add-ons and refunds (as
/// <c>Simulation/InvoiceFileWriter</c>), and the monthly CX costs that step up with the programme (as
/// <c>Simulation/CostFileWriter</c>).
/// </summary>
internal static class ScaleBillingSql
{
    /// <summary>
    /// Table <c>inv</c> in document order: a subscription invoice every month from the month before the period
    /// (or signup), on the signup day of the month, until churn, skipping a paused month; add-ons (more often for
    /// enterprise), a rare refund, and a setup fee for most customers signing up inside the billed months.
    /// </summary>
    public static string Invoices(DemoCalendar calendar)
    {
        string end = ScaleSql.Date(calendar.End);
        string firstBilled = ScaleSql.Date(DemoCalendar.MonthStart(calendar.BillingFirstMonth));
        string setup = ScaleSql.ByPlan("plan", p => (double)B.SetupFee(p));
        string addOnPrice = $"CAST({ScaleSql.Pick(B.AddOnPrices.Select(ScaleSql.Number).ToList(), "unif(hi, 3)")} AS DECIMAL(18,2))";
        string refund = $"CASE WHEN unif(hi, 7) < {ScaleSql.Number(B.FullRefundShare)} THEN fee ELSE {ScaleSql.Money("fee / 2")} END";
        return $"""
            CREATE OR REPLACE TABLE inv AS
            WITH billed AS (
              SELECT c.num, c.h, mix(c.h, 200000 + mo.m) AS hi,
                mo.start + CAST(least(day(c.signup), mo.month_days) - 1 AS INTEGER) AS day,
                CASE WHEN mo.m >= c.change_m THEN c.new_fee ELSE c.fee END AS fee,
                CASE WHEN mo.m >= c.change_m THEN c.new_plan ELSE c.plan END AS plan_now,
                mo.m = c.pause_m AS paused, c.churn
              FROM cust c JOIN months mo ON mo.m >= c.sm
            ), subscriptions AS (
              SELECT * FROM billed
              WHERE day <= {end} AND (churn IS NULL OR day < churn) AND NOT coalesce(paused, FALSE)
            )
            SELECT num, day, kind, CAST(amount AS DECIMAL(18,2)) AS amount FROM (
              SELECT num, day, 1 AS kind, fee AS amount FROM subscriptions
              UNION ALL
              SELECT num, least({end}, day + {ScaleSql.Days(B.AddOnDelay, "unif(hi, 2)")}), 2,
                {addOnPrice} * CASE WHEN unif(hi, 4) < {ScaleSql.Number(B.DoubleAddOnShare)} THEN 2 ELSE 1 END
              FROM subscriptions WHERE unif(hi, 1) < {ScaleSql.ByPlan("plan_now", B.AddOnShare)}
              UNION ALL
              SELECT num, least({end}, day + {ScaleSql.Days(B.RefundDelay, "unif(hi, 6)")}), 3, -{refund}
              FROM subscriptions WHERE unif(hi, 5) < {ScaleSql.Number(B.RefundShare)}
              UNION ALL
              SELECT num, signup, 0, {ScaleSql.Money($"{setup} / CASE WHEN unif(h, 32) < {ScaleSql.Number(B.HalfSetupShare)} THEN 2 ELSE 1 END")}
              FROM cust WHERE signup >= {firstBilled} AND unif(h, 31) < {ScaleSql.Number(B.SetupShare)}
            )
            ORDER BY day, num, kind, amount
            """;
    }

    /// <summary>One year's invoices, numbered from 1 in document order: <c>FT2025-000001</c>.</summary>
    public static string InvoiceRows(int year) => $"""
        SELECT printf('FT{year}-%06d', rowid - (SELECT min(rowid) FROM inv WHERE year(day) = {year}) + 1) AS belge_no,
          printf('M%05d', num) AS musteri_no, strftime(day, '%d.%m.%Y') AS belge_tarihi,
          CASE kind WHEN 0 THEN 'kurulum' WHEN 1 THEN 'abonelik' WHEN 2 THEN 'ek_hizmet' ELSE 'iade' END AS tur,
          {ScaleSql.DecimalComma("amount")} AS tutar
        FROM inv WHERE year(day) = {year}
        """;

    /// <summary>
    /// <c>cx_giderleri.csv</c>: team and tooling step up with the programme, campaigns in some months (blank
    /// otherwise), support scaling with the customers at the start of each month.
    /// </summary>
    public static string CostRows() => $"""
        SELECT strftime(start, '%Y-%m') AS donem,
          {ScaleSql.DecimalComma(ScaleSql.Money($"(78000 + 650 * m) * (1 + {ScaleSql.Number(DemoStory.Costs.ProgrammeTeamGrowth)} * effect) + 1200 * gauss(hc, 1)"))} AS ekip_gideri,
          {ScaleSql.DecimalComma(ScaleSql.Money("4200 + 12600 * effect + 250 * gauss(hc, 3)"))} AS yazilim_gideri,
          CASE WHEN unif(hc, 5) < {ScaleSql.Lerp(DemoStory.Costs.CampaignShare, "effect")}
            THEN {ScaleSql.DecimalComma(ScaleSql.Money("12000 + floor(unif(hc, 6) * 43000) + floor(unif(hc, 7) * 100) / 100"))} END AS kampanya_gideri,
          {ScaleSql.DecimalComma(ScaleSql.Money("greatest(active, 1) * lerp(41, 36, effect) * (1 + 0.04 * gauss(hc, 8))"))} AS destek_gideri
        FROM (
          SELECT mo.m, mo.start, mo.effect, mix(seedhash(), 9000 + mo.m) AS hc,
            (SELECT count(*) FROM cust c WHERE c.signup < mo.start AND (c.churn IS NULL OR c.churn >= mo.start)) AS active
          FROM months mo WHERE mo.m >= 0
        )
        ORDER BY m
        """;
}
