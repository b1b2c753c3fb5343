using System.Globalization;
using CxReports.Engine.Dialects;

namespace CxReports.Demo.Scale;

/// <summary>
/// The customers of the SQL generator, as one table <c>cust</c> with the hidden life the other files are drawn
/// from: the same distributions as <c>Simulation/CustomerSimulation</c> (signups growing over the period, plan mix,
/// negotiated prices, mood), churn from the same monthly hazard (falling when the programme starts, higher for
/// unhappy customers and cheaper plans), one plan change for about one in nine, a pause for a few.
/// </summary>
internal static class ScaleCustomerSql
{
    public static string Create(DemoCalendar calendar, int customers)
    {
        string from = ScaleSql.Date(calendar.From);
        int months = calendar.PeriodMonths;
        int existing = (int)Math.Round(customers * DemoStory.Customers.ExistingShare);
        // Period signups are drawn with weights 1 + a*m (growing by SignupGrowth over the period): the month is the
        // inverse of the cumulative weight n + a n (n - 1) / 2, a quadratic.
        double a = DemoStory.Customers.SignupGrowth / Math.Max(1, months - 1);
        double total = months + a * months * (months - 1) / 2;
        string b = ScaleSql.Number(1 - a / 2), aa = ScaleSql.Number(a);
        string periodMonth = $"CAST(least({months - 1}, floor((-{b} + sqrt({b} * {b} + 2 * {aa} * unif(h, 2) * {ScaleSql.Number(total)})) / {aa})) AS INTEGER)";

        string listPrice = ScaleSql.ByPlan("plan", p => (double)DemoStory.Billing.ListPrice(p));
        string churnFactor = ScaleSql.ByPlan("plan", DemoStory.Churn.PlanFactor);
        string reasonBefore = Reason(DemoStory.Churn.ReasonWeightsBefore, "unif(h, 24)");
        string reasonAfter = Reason(DemoStory.Churn.ReasonWeightsAfter, "unif(h, 24)");
        int existingDays = DemoStory.Customers.ExistingSignupDays;
        string basic = ScaleSql.Number(DemoStory.Customers.BasicShare), basicOrPro = ScaleSql.Number(DemoStory.Customers.BasicOrProShare);
        string frailty = $"exp(-{ScaleSql.Number(DemoStory.Churn.MoodFrailty)} * mood) / {ScaleSql.Number(DemoStory.Churn.MoodFrailtyMean)}";
        string proUpgrade = ScaleSql.Number(DemoStory.Customers.ProUpgradeShare);
        string enterpriseUpgrade = ScaleSql.Number(DemoStory.Customers.EnterpriseUpgradeShare);

        return $"""
            CREATE OR REPLACE TABLE cust AS
            WITH b AS (
              SELECT i, mix(seedhash(), i) AS h FROM range({customers.ToString(CultureInfo.InvariantCulture)}) t(i)
            ), s AS (
              SELECT i, h,
                CASE WHEN i < {existing} THEN {from} - 1 - CAST(floor(unif(h, 1) * {existingDays}) AS INTEGER) END AS old_signup,
                {periodMonth} AS pm,
                CASE WHEN unif(h, 4) < {basic} THEN 0 WHEN unif(h, 4) < {basicOrPro} THEN 1 ELSE 2 END AS plan,
                {ScaleSql.Number(DemoStory.Customers.MoodSd)} * gauss(h, 5) AS mood
              FROM b
            ), signed AS (
              SELECT s.i, s.h, s.plan, s.mood,
                coalesce(s.old_signup, mo.start + CAST(floor(unif(s.h, 3) * mo.days) AS INTEGER)) AS signup
              FROM s JOIN months mo ON mo.m = s.pm
            ), priced AS (
              SELECT *,
                CAST(datediff('month', {from}, signup) AS INTEGER) AS sm,
                {Price("plan", $"signup < {from} AND unif(h, 7) < {ScaleSql.Number(DemoStory.Customers.LegacyShare)}", "unif(h, 8)")} AS fee,
                {frailty} * {churnFactor} AS frailty
              FROM signed
            ), targeted AS (
              -- Nobody leaves in the month they joined: the hazard runs from the month after signup.
              SELECT p.*, greatest(p.sm + 1, 0) AS first_m, mo.g_before - ln(1.0 - unif(p.h, 22)) / p.frailty AS target
              FROM priced p LEFT JOIN months mo ON mo.m = greatest(p.sm + 1, 0)
            ), churned AS (
              SELECT t.*, c.m AS churn_m,
                c.start + CAST(floor(unif(t.h, 23) * c.days) AS INTEGER) AS churn,
                CASE WHEN c.m IS NULL THEN NULL WHEN c.effect < {ScaleSql.Number(DemoStory.Churn.ReasonSwitchEffect)} THEN {reasonBefore} ELSE {reasonAfter} END AS reason
              FROM targeted t ASOF LEFT JOIN (SELECT * FROM months WHERE m >= 0) c ON t.target <= c.g_incl
            ), changed AS (
              SELECT *,
                CASE WHEN unif(h, 25) < {ScaleSql.Number(DemoStory.Customers.PlanChangeShare)} AND first_m <= coalesce(churn_m, {months}) - 1
                  THEN first_m + CAST(floor(unif(h, 26) * (coalesce(churn_m, {months}) - first_m)) AS INTEGER) END AS change_m,
                plan = 0 OR (plan = 1 AND unif(h, 27) < {proUpgrade}) OR (plan = 2 AND unif(h, 27) < {enterpriseUpgrade}) AS upgrade,
                CASE WHEN unif(h, 29) < {ScaleSql.Number(DemoStory.Customers.PauseShare)} AND first_m <= coalesce(churn_m, {months - 1}) - 2
                  THEN first_m + CAST(floor(unif(h, 30) * (coalesce(churn_m, {months - 1}) - 1 - first_m)) AS INTEGER) END AS pause_draw
              FROM churned
            )
            SELECT i, h, plan, mood, signup, sm, fee, churn_m, churn, reason, change_m,
              CASE WHEN upgrade THEN least(plan + 1, 2) ELSE plan - 1 END AS new_plan,
              CASE WHEN upgrade AND plan = 2 THEN {ScaleSql.Money($"fee * {ScaleSql.Number(DemoStory.Customers.EnterpriseSeatGrowth)}")}
                   ELSE {Price("CASE WHEN upgrade THEN least(plan + 1, 2) ELSE plan - 1 END", "FALSE", "unif(h, 28)")} END AS new_fee,
              CASE WHEN pause_draw IS DISTINCT FROM change_m THEN pause_draw END AS pause_m,
              row_number() OVER (ORDER BY signup, i) AS num
            FROM changed
            """;
    }

    /// <summary>List price (an earlier, lower one for legacy customers) less a negotiated discount, in cents.</summary>
    private static string Price(string plan, string legacy, string u)
    {
        string list = ScaleSql.ByPlan(plan, p => (double)DemoStory.Billing.ListPrice(p));
        string discount = ScaleSql.PickDecimal(DemoStory.Customers.DiscountWeights, DemoStory.Customers.Discounts, u);
        string legacyList = $"round({list} * {ScaleSql.Number(DemoStory.Customers.LegacyListFactor)}) - 1";
        string listed = $"CAST(CASE WHEN {legacy} THEN {legacyList} ELSE {list} END AS DECIMAL(18,2))";
        return $"CAST(round({listed} * (1 - {discount}), 2) AS DECIMAL(18,2))";
    }

    private static string Reason(double[] weights, string u) =>
        $"({Sql.List(DemoStory.Churn.Reasons)})[1 + {ScaleSql.PickIndex(weights, u)}]";

    /// <summary>
    /// <c>musteriler.csv</c> as raw lines (the writer neither quotes nor splits them): the BOM and header, the
    /// customers in number order with RFC 4180 quoting of the names that need it, and three blank lines in the
    /// middle, as the C# generator writes it.
    /// </summary>
    public static string CustomerLines(int customers)
    {
        string name = CompanyName();
        string age = $"{ScaleSql.Number(DemoStory.Customers.AgeMean)} + {ScaleSql.Number(DemoStory.Customers.AgeSd)} * gauss(h, 11)";
        string visits = $"{ScaleSql.Number(DemoStory.Customers.WebVisitsMedian)} * exp({ScaleSql.Number(DemoStory.Customers.WebVisitsSigma)} * gauss(h, 14)) " +
                        $"* {ScaleSql.ByPlan("plan", DemoStory.Usage.PlanFactor)} * exp({ScaleSql.Number(DemoStory.Customers.MoodUsage)} * mood)";
        string quoted = $"CASE WHEN contains(nm, ';') OR contains(nm, '\"') THEN '\"' || replace(nm, '\"', '\"\"') || '\"' ELSE nm END";
        string blanks = customers > 1
            ? $"SELECT DISTINCT 2 * (2 + CAST(floor(unif(mix(seedhash(), 777), k) * {customers - 1}) AS BIGINT)) - 1 AS k, NULL AS line FROM range(3) t(k)"
            : "SELECT 0 AS k, NULL AS line WHERE FALSE";
        return $"""
            SELECT line FROM (
              SELECT 0 AS k, '{'\uFEFF'}musteri_no;ad;paket;aylik_ucret;sozlesme_degeri;sehir;yas;unvan;web_ziyaret;kayit_tarihi' AS line
              UNION ALL
              SELECT 2 * num AS k, concat_ws(';', printf('M%05d', num), {quoted}, {ScaleSql.PlanName("plan")}, {ScaleSql.DecimalComma("fee")},
                {ScaleSql.DecimalComma("fee * 12 * years")}, city, CAST(age AS VARCHAR), title, CAST(visits AS VARCHAR), strftime(signup, '%d.%m.%Y')) AS line
              FROM (
                SELECT num, plan, fee, signup, {name} AS nm,
                  CASE WHEN unif(h, 9) < {ScaleSql.ByPlan("plan", DemoStory.Customers.TwoYearContractShare)} THEN 2 ELSE 1 END AS years,
                  {ScaleSql.PickWeighted(DemoVocabulary.Cities, "unif(h, 10)")} AS city,
                  CAST(least({DemoStory.Customers.AgeMax}, greatest({DemoStory.Customers.AgeMin}, round({age}))) AS INTEGER) AS age,
                  {ScaleSql.PickWeighted(DemoVocabulary.Titles, "unif(h, 13)")} AS title,
                  CAST(round({visits}) AS INTEGER) AS visits
                FROM cust
              )
              UNION ALL
              {blanks}
            )
            ORDER BY k
            """;
    }

    /// <summary>The company name patterns of the C# generator's <c>StoryDraws.CompanyName</c>, about one in twenty-five with a <c>;</c> or quotes.</summary>
    private static string CompanyName()
    {
        string surname = ScaleSql.Pick(DemoVocabulary.Surnames, "unif(h, 17)");
        string other = ScaleSql.Pick(DemoVocabulary.Surnames, "unif(h, 18)");
        string sector = ScaleSql.Pick(DemoVocabulary.Sectors, "unif(h, 19)");
        string suffix = ScaleSql.Pick(DemoVocabulary.Suffixes, "unif(h, 20)");
        string brand = ScaleSql.Pick(DemoVocabulary.Brands, "unif(h, 21)");
        string pattern = "CAST(floor(unif(h, 16) * 25) AS INTEGER)";
        return $"""
            rtrim(CASE
                WHEN {pattern} = 0 THEN {surname} || '; Ortakları'
                WHEN {pattern} = 1 THEN {brand} || ' "' || {other} || '" ' || {sector}
                WHEN {pattern} = 2 THEN {surname} || ' & ' || {other} || '; ' || {sector} || ' ' || {suffix}
                WHEN {pattern} < 12 THEN {surname} || ' ' || {sector} || ' ' || {suffix}
                WHEN {pattern} < 20 THEN {brand} || ' ' || {sector} || ' ' || {suffix}
                ELSE {surname} || ' Grup ' || {suffix} END)
            """;
    }

    /// <summary><c>ayrilislar.csv</c>: one row per churned customer in date order (BOM through the first header name).</summary>
    public static string ChurnRows() => $"""
        SELECT printf('M%05d', num) AS "{'\uFEFF'}musteri_no", strftime(churn, '%d.%m.%Y') AS ayrilis_tarihi, reason AS neden
        FROM cust WHERE churn IS NOT NULL ORDER BY churn, num
        """;
}
