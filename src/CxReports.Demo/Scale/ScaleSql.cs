using System.Globalization;
using System.Text;
using CxReports.Engine.Dialects;

namespace CxReports.Demo.Scale;

/// <summary>
/// The building blocks of the SQL demo generator: counter-based random numbers, the month table and the helpers
/// that turn weighted choices into SQL. There is no random state: every draw is the hash of (seed, row, stream),
/// so the numbers do not depend on how DuckDB splits the work over threads, and the same seed gives the same
/// files (with the same DuckDB version, whose <c>hash</c> they rely on).
/// </summary>
internal static class ScaleSql
{
    /// <summary>
    /// <c>mix(h, k)</c>: a new 64-bit hash from a parent hash and a small key (DuckDB's multi-argument hash combines
    /// its inputs too weakly: hash(s, 1, i) and hash(s, 2, i) are almost perfectly correlated, so keys are folded
    /// in with xor and re-hashed). <c>unif</c> is uniform in [0, 1) with 53 bits; <c>gauss</c> a standard normal
    /// (Box-Muller on streams k and k + 1); <c>draws</c> is a count with mean <c>lam</c>: the floor of lam plus
    /// a uniform (stochastic rounding), cheaper than a Poisson draw and just as good for synthetic activity.
    /// </summary>
    public static string[] Macros(int seed) =>
    [
        $"CREATE OR REPLACE TEMP MACRO seedhash() AS hash(CAST({seed.ToString(CultureInfo.InvariantCulture)} AS BIGINT))",
        "CREATE OR REPLACE TEMP MACRO mix(h, k) AS hash(xor(h, CAST(k AS UBIGINT)))",
        "CREATE OR REPLACE TEMP MACRO unif(h, k) AS (CAST(mix(h, k) >> 11 AS DOUBLE) / 9007199254740992.0)",
        "CREATE OR REPLACE TEMP MACRO gauss(h, k) AS (sqrt(-2.0 * ln(1.0 - unif(h, k))) * cos(2.0 * pi() * unif(h, k + 1)))",
        "CREATE OR REPLACE TEMP MACRO lerp(a, b, e) AS (a + (b - a) * e)",
        "CREATE OR REPLACE TEMP MACRO draws(lam, u) AS CAST(floor(lam + u) AS INTEGER)",
    ];

    /// <summary>
    /// One row per month of the period (m = 0 is the first), plus m = -1 (the billing month before it): first day,
    /// the day after its last day of data, days of data, the programme effect, and the cumulative churn intensity
    /// before and through the month (g_before, g_incl) that turns a customer's exponential draw into a churn month.
    /// </summary>
    public static string Months(DemoCalendar calendar)
    {
        var rows = new List<string>();
        double cumulative = 0;
        for (int key = calendar.BillingFirstMonth; key <= calendar.LastMonth; key++)
        {
            int m = key - calendar.FirstMonth;
            DateOnly start = DemoCalendar.MonthStart(key);
            DateOnly next = calendar.LastDataDay(key).AddDays(1);
            double effect = calendar.ProgrammeEffect(key);
            // Continuous-time form of the monthly hazard: exp(-lambda) is the chance to stay through the month.
            double lambda = m < 0 ? 0 : -Math.Log(1 - DemoStory.Churn.Hazard.At(effect));
            double before = cumulative;
            cumulative += lambda;
            rows.Add($"({m}, {Date(start)}, {Date(next)}, {next.DayNumber - start.DayNumber}, {DemoCalendar.DaysInMonth(key)}, " +
                     $"{Number(effect)}, {Number(before)}, {Number(cumulative)})");
        }
        // Webinars are occasional events: some months have no webinar answers at all.
        return $"CREATE OR REPLACE TABLE months AS SELECT *, unif(mix(seedhash(), 5000 + m), 1) < {Number(DemoStory.Surveys.WebinarMonthShare)} AS webinar FROM (VALUES\n  " + string.Join(",\n  ", rows) +
               "\n) v(m, start, next, days, month_days, effect, g_before, g_incl)";
    }

    public static string Date(DateOnly date) => $"DATE '{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}'";

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The value of a <see cref="ProgrammeShift"/> at the programme effect <paramref name="effect"/>: <c>lerp(0.22, 0.3, effect)</c>.</summary>
    public static string Lerp(ProgrammeShift shift, string effect) => $"lerp({Number(shift.Before)}, {Number(shift.After)}, {effect})";

    /// <summary>A uniform whole number of days in <paramref name="days"/> from the uniform draw <paramref name="u"/>.</summary>
    public static string Days(DayRange days, string u) => $"{days.First} + CAST(floor({u} * {days.Count}) AS INTEGER)";

    /// <summary>
    /// The months left before the churn month <paramref name="monthsLeft"/> as <see cref="DemoStory.Churn.Doom"/>, 0
    /// beyond; written as DECIMAL literals (<c>1.0</c>, <c>0.0</c>) so the column keeps one exact decimal type.
    /// </summary>
    public static string Doom(string monthsLeft)
    {
        var sql = new StringBuilder($"CASE {monthsLeft}");
        for (int i = 0; i < DemoStory.Churn.Doom.Length; i++) sql.Append($" WHEN {i} THEN {Decimal(DemoStory.Churn.Doom[i])}");
        return sql.Append($" ELSE {Decimal(0)} END").ToString();
    }

    private static string Decimal(double value) => value.ToString("0.0###############", CultureInfo.InvariantCulture);

    /// <summary>A list literal of numbers: <c>[0.02, 0, -0.05]</c>.</summary>
    public static string NumberList(IEnumerable<double> values) => "[" + string.Join(", ", values.Select(Number)) + "]";

    /// <summary>
    /// <paramref name="count"/> rows (numbered <c>s.k</c> from 0) for each row of <paramref name="rows"/> (aliased
    /// <paramref name="alias"/>): a lateral <c>range</c>, which costs what it produces, where a join on
    /// <c>k &lt; count</c> would compare every row with every slot.
    /// </summary>
    public static string Expand(string rows, string count, string alias = "cm") =>
        $"(SELECT *, {count} AS n FROM {rows}) {alias}, LATERAL (SELECT * FROM range({alias}.n) r(k)) s";

    /// <summary>One item of <paramref name="items"/>, each equally likely, for a uniform draw <paramref name="u"/>.</summary>
    public static string Pick(IReadOnlyList<string> items, string u) =>
        $"({Sql.List(items)})[1 + CAST(floor({u} * {items.Count}) AS INTEGER)]";

    /// <summary>The index (0-based) drawn with probability proportional to its weight, as a CASE over cumulative shares.</summary>
    public static string PickIndex(IReadOnlyList<double> weights, string u) =>
        PickCase(weights, u, i => i.ToString(CultureInfo.InvariantCulture));

    /// <summary>The item drawn with probability proportional to its weight.</summary>
    public static string PickWeighted(IReadOnlyList<(string Item, double Weight)> items, string u) =>
        PickCase(items.Select(i => i.Weight).ToList(), u, i => Sql.Literal(items[i].Item));

    /// <summary>
    /// One of <paramref name="values"/> drawn with the probabilities <paramref name="weights"/> for the uniform
    /// <paramref name="u"/>, the values written as their decimals are (<c>0.10</c> keeps its scale).
    /// </summary>
    public static string PickDecimal(IReadOnlyList<double> weights, IReadOnlyList<decimal> values, string u) =>
        PickCase(weights, u, i => Number(values[i]));

    /// <summary>A CASE over the cumulative shares of <paramref name="weights"/> giving <paramref name="value"/> of the index drawn.</summary>
    private static string PickCase(IReadOnlyList<double> weights, string u, Func<int, string> value)
    {
        double total = weights.Sum(), cumulative = 0;
        var sql = new StringBuilder("(CASE");
        for (int i = 0; i < weights.Count - 1; i++)
        {
            cumulative += weights[i];
            sql.Append($" WHEN {u} < {Number(cumulative / total)} THEN {value(i)}");
        }
        return sql.Append($" ELSE {value(weights.Count - 1)} END)").ToString();
    }

    /// <summary>A per-plan constant (basic, pro, enterprise) for a plan code 0, 1, 2.</summary>
    public static string ByPlan(string plan, Func<DemoPlan, double> value) =>
        $"(CASE {plan} WHEN 0 THEN {Number(value(DemoPlan.Basic))} WHEN 1 THEN {Number(value(DemoPlan.Pro))} ELSE {Number(value(DemoPlan.Enterprise))} END)";

    /// <summary>Plan code to the name the export uses.</summary>
    public static string PlanName(string plan) =>
        $"(CASE {plan} WHEN 0 THEN 'basic' WHEN 1 THEN 'pro' ELSE 'enterprise' END)";

    /// <summary>A local moment as the exports write it: <c>2025-03-31T23:30:00+03:00</c> (Istanbul) or, in UTC, <c>...Z</c>.</summary>
    public static string IstanbulText(string local) => $"strftime({local}, '%Y-%m-%dT%H:%M:%S') || '+03:00'";

    public static string UtcText(string local) => $"strftime({local} - INTERVAL 3 HOUR, '%Y-%m-%dT%H:%M:%SZ')";

    /// <summary><c>1234,50</c> from a DECIMAL(18,2).</summary>
    public static string DecimalComma(string money) => $"replace(CAST({money} AS VARCHAR), '.', ',')";

    /// <summary>Money rounded to cents, as DECIMAL(18,2).</summary>
    public static string Money(string value) => $"CAST(round({value}, 2) AS DECIMAL(18,2))";

    /// <summary>
    /// A local moment on a day in [first, endx), 80% in office hours (08:00-19:00), whole seconds, from uniforms
    /// <paramref name="h"/> streams k .. k+2.
    /// </summary>
    public static string Moment(string first, string endx, string h, int k) =>
        $"(CAST({first} + CAST(floor(unif({h}, {k}) * ({endx} - {first})) AS INTEGER) AS TIMESTAMP) + to_seconds(CAST(CASE WHEN unif({h}, {k + 1}) < 0.8 " +
        $"THEN 28800 + floor(unif({h}, {k + 2}) * 39600) ELSE floor(unif({h}, {k + 2}) * 86400) END AS BIGINT)))";
}
