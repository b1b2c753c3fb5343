namespace CxReports.Benchmarks;

/// <summary>
/// The same numbers as the engine's blocks in engine_bench.cxr, written by hand the way an analyst who knows
/// DuckDB would: literal dates, range filters on the raw timestamps, entities pre-aggregated before they meet the
/// months. Period 2024-11-01 .. 2026-10-31 in Europe/Istanbul (UTC+3 all year), as of 2026-10-31.
/// </summary>
public static class HandWrittenSql
{
    private const string Months = "SELECT CAST(m AS DATE) AS month FROM generate_series(DATE '2024-11-01', DATE '2026-10-01', INTERVAL 1 MONTH) t(m)";

    private const string Ends = "SELECT customer, min(left_at) AS left_at FROM churns GROUP BY 1";

    /// <summary>
    /// Local time through ICU, per row: how an analyst writes it, and what the engine wrote before it knew the
    /// zone's offsets.
    /// </summary>
    private const string ZoneConversion = "timezone('Europe/Istanbul', {0})";

    /// <summary>
    /// Local time as epoch arithmetic: Europe/Istanbul keeps UTC+3 all through the period (its last change was in
    /// 2016), so the CASE over its transitions in the period has one branch, the offset in microseconds.
    /// </summary>
    private const string EpochOffset = "make_timestamp(epoch_us({0}) + 10800000000)";

    /// <summary>NPS per month and channel; every month × every channel seen, null where nobody answered (local time through ICU).</summary>
    public static string NpsByMonthAndChannel => Nps(ZoneConversion);

    /// <summary>The same numbers with local time as epoch arithmetic: the baseline of the engine benchmark.</summary>
    public static string NpsByMonthAndChannelEpoch => Nps(EpochOffset);

    /// <summary>The median hours from a ticket's opening to its first response, by the month it was opened (through ICU).</summary>
    public static string FirstResponseByMonth => FirstResponse(ZoneConversion);

    /// <summary>The same medians with local time as epoch arithmetic.</summary>
    public static string FirstResponseByMonthEpoch => FirstResponse(EpochOffset);

    private static string Nps(string localTime) => $"""
        WITH answers AS (
          SELECT CAST(date_trunc('month', {string.Format(localTime, "responded_at")}) AS DATE) AS month, channel,
            100.0 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / count(*) AS nps
          FROM responses
          WHERE responded_at >= TIMESTAMPTZ '2024-11-01 00:00:00+03' AND responded_at < TIMESTAMPTZ '2026-11-01 00:00:00+03'
          GROUP BY ALL
        )
        SELECT m.month, c.channel, a.nps
        FROM ({Months}) m CROSS JOIN (SELECT DISTINCT channel FROM answers) c
          LEFT JOIN answers a ON a.month = m.month AND a.channel = c.channel
        ORDER BY 1, 2
        """;

    private static string FirstResponse(string localTime) => $"""
        WITH answered AS (
          SELECT CAST(date_trunc('month', {string.Format(localTime, "opened_at")}) AS DATE) AS month,
            -- integer microseconds: subtracting two TIMESTAMPTZ goes through ICU for every row (about 12x slower)
            quantile_cont((epoch_us(first_response_at) - epoch_us(opened_at)) / 3600000000, 0.5) AS hours
          FROM tickets
          WHERE opened_at >= TIMESTAMPTZ '2024-11-01 00:00:00+03' AND opened_at < TIMESTAMPTZ '2026-11-01 00:00:00+03'
          GROUP BY ALL
        )
        SELECT m.month, a.hours
        FROM ({Months}) m LEFT JOIN answered a ON a.month = m.month
        ORDER BY 1
        """;

    /// <summary>Monthly churn %: customers at the month's start who left during it, from customers counted by (start month, end month).</summary>
    public const string ChurnByMonth = $"""
        WITH ends AS ({Ends}),
        entities AS (
          SELECT date_trunc('month', c.signup) AS s, date_trunc('month', e.left_at) AS e, count(*) AS n
          FROM customers c LEFT JOIN ends e ON e.customer = c.musteri_no
          GROUP BY ALL
        )
        SELECT m.month,
          100.0 * coalesce(sum(n) FILTER (WHERE s < m.month AND e = m.month), 0) / sum(n) FILTER (WHERE s < m.month AND (e IS NULL OR e >= m.month)) AS churn
        FROM ({Months}) m, entities
        GROUP BY m.month
        ORDER BY 1
        """;

    /// <summary>The cohort matrix over 12 months: customers counted by (cohort, end date) first, then one share per month.</summary>
    public static string Cohorts()
    {
        var cells = Enumerable.Range(0, 12).Select(k =>
            $"CASE WHEN last_day(cohort + INTERVAL {k} MONTH) <= DATE '2026-10-31' " +
            $"THEN 100.0 * sum(n) FILTER (WHERE left_at IS NULL OR left_at > last_day(cohort + INTERVAL {k} MONTH)) / sum(n) END AS m{k}");
        return $"""
            WITH ends AS ({Ends}),
            counted AS (
              SELECT CAST(date_trunc('month', c.signup) AS DATE) AS cohort, e.left_at, count(*) AS n
              FROM customers c LEFT JOIN ends e ON e.customer = c.musteri_no
              WHERE c.signup BETWEEN DATE '2024-11-01' AND DATE '2026-10-31'
              GROUP BY ALL
            )
            SELECT cohort, CAST(sum(n) AS BIGINT) AS size,
              {string.Join(",\n  ", cells)}
            FROM counted
            GROUP BY cohort
            ORDER BY cohort
            """;
    }

    /// <summary>
    /// Health of every current customer on 2026-10-31: events in the last 30 days (0..8 scaled), the last answer
    /// (0..10), tickets in the last 90 days (6..0), weights 40/30/30 renormalised when there is no answer.
    /// </summary>
    public static string Health(bool atRiskTop25)
    {
        var tail = atRiskTop25
            ? "WHERE score < 40\nORDER BY monthly_fee DESC NULLS LAST, musteri_no\nLIMIT 25"
            : "ORDER BY score NULLS LAST, musteri_no";
        return $"""
            WITH ends AS ({Ends}),
            customers_now AS (
              SELECT c.musteri_no, c.monthly_fee
              FROM customers c LEFT JOIN ends e ON e.customer = c.musteri_no
              WHERE c.signup <= DATE '2026-10-31' AND (e.left_at IS NULL OR e.left_at > DATE '2026-10-31')
            ),
            used AS (
              SELECT customer, count(*) AS n FROM usage
              WHERE "at" >= TIMESTAMPTZ '2026-10-02 00:00:00+03' AND "at" < TIMESTAMPTZ '2026-11-01 00:00:00+03'
              GROUP BY 1
            ),
            answered AS (
              SELECT customer, arg_max(score, responded_at) AS score FROM responses
              WHERE customer IS NOT NULL AND responded_at < TIMESTAMPTZ '2026-11-01 00:00:00+03'
              GROUP BY 1
            ),
            raised AS (
              SELECT customer, count(*) AS n FROM tickets
              WHERE opened_at >= TIMESTAMPTZ '2026-08-03 00:00:00+03' AND opened_at < TIMESTAMPTZ '2026-11-01 00:00:00+03'
              GROUP BY 1
            ),
            scaled AS (
              SELECT c.musteri_no, c.monthly_fee,
                least(100.0, 100.0 * coalesce(u.n, 0) / 8) AS usage,
                10.0 * a.score AS loyalty,
                greatest(0.0, 100.0 - 100.0 * coalesce(t.n, 0) / 6) AS friction
              FROM customers_now c
                LEFT JOIN used u ON u.customer = c.musteri_no
                LEFT JOIN answered a ON a.customer = c.musteri_no
                LEFT JOIN raised t ON t.customer = c.musteri_no
            ),
            scored AS (
              SELECT *, (40 * usage + coalesce(30 * loyalty, 0) + 30 * friction) / (70 + CASE WHEN loyalty IS NULL THEN 0 ELSE 30 END) AS score
              FROM scaled
            )
            SELECT musteri_no, score, CASE WHEN score >= 70 THEN 'healthy' WHEN score >= 40 THEN 'neutral' ELSE 'at_risk' END AS band,
              usage, loyalty, friction{(atRiskTop25 ? ", monthly_fee" : "")}
            FROM scored
            {tail}
            """;
    }
}
