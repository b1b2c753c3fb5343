using CxReports.Engine.Dialects;

namespace CxReports.Engine.Demo;

/// <summary>
/// What customers do, month by month, in the SQL generator: survey answers, support tickets, product usage and
/// one-off orders, each drawn per active customer-month (the view <c>cm</c>) with the rules of the C# writers
/// (<see cref="DemoStory"/>): answers and usage fall in a leaving customer's last months, tickets rise, the
/// programme lifts scores and shortens the first reply. Each file is sorted by time and numbered as exported.
/// </summary>
internal static class ScaleActivitySql
{
    private static readonly string[] SurveyChannels = ["product", "email", "chat", "phone", "sales", "webinar"];
    private static readonly double[] ChannelShift = [0.02, 0.0, 0.04, -0.05, 0.03, 0.06];
    private static readonly double[] DetractorScores = [0.06, 0.03, 0.05, 0.08, 0.12, 0.28, 0.38];

    /// <summary>
    /// Every month each customer is a customer on at least one day: the days [first, endx), how close the churn is
    /// (doom: 1 in the churn month, 0.75 and 0.45 in the two before), the plan billed that month, a hash per month.
    /// </summary>
    public static string CustomerMonths(DemoCalendar calendar) => $"""
        CREATE OR REPLACE VIEW cm AS
        SELECT c.num, c.plan, c.mood, mo.m, mo.effect, mo.start AS mstart, mo.next, mo.month_days,
          greatest(c.signup, mo.start) AS first,
          CASE WHEN c.churn < mo.next THEN c.churn ELSE mo.next END AS endx,
          CASE c.churn_m - mo.m WHEN 0 THEN 1.0 WHEN 1 THEN 0.75 WHEN 2 THEN 0.45 ELSE 0.0 END AS doom,
          CASE WHEN mo.m >= c.change_m THEN c.new_plan ELSE c.plan END AS plan_now,
          mo.webinar, mix(c.h, 100000 + mo.m) AS hm
        FROM cust c,
          -- The months from signup to the last with a day as a customer (none in the churn month when it is the 1st).
          LATERAL (SELECT * FROM range(greatest(c.sm, 0),
            CASE WHEN c.churn IS NULL THEN {calendar.PeriodMonths} WHEN day(c.churn) = 1 THEN c.churn_m ELSE c.churn_m + 1 END) r(m)) r,
          months mo
        WHERE mo.m = r.m
        """;

    /// <summary>
    /// <c>anket.csv</c> into table <c>resp</c>, in time order: answers per active customer-month with mean
    /// <paramref name="surveyRate"/> times the C# generator's 0.22 (0.30 once the programme runs), and a few
    /// anonymous ones per month; about 4% of the month's first answers fall before 03:00 local (still the previous
    /// month in UTC).
    /// </summary>
    public static string Responses(double surveyRate)
    {
        string rate = $"{ScaleSql.Number(surveyRate)} * lerp(0.22, 0.30, effect)";
        string channel = $"CASE WHEN webinar THEN {ScaleSql.PickIndex([0.34, 0.26, 0.16, 0.12, 0.12, 0.03], "u6")} " +
                         $"ELSE {ScaleSql.PickIndex([0.34, 0.26, 0.16, 0.12, 0.12], "u6")} END";
        string moment = $"CASE WHEN first = mstart AND unif(hr, 1) < 0.04 THEN CAST(mstart AS TIMESTAMP) + to_seconds(CAST(floor(unif(hr, 2) * 10800) AS BIGINT)) " +
                        $"ELSE {ScaleSql.Moment("first", "endx", "hr", 3)} END";
        // Only what the order and the score need goes through the sort; the rest is drawn from hr while writing.
        return $"""
            CREATE OR REPLACE TABLE resp AS
            WITH answers AS (
              SELECT cm.num, cm.m, s.k, cm.effect, cm.mood, cm.doom, cm.first, cm.endx, cm.mstart, cm.webinar, mix(cm.hm, 1000 + s.k) AS hr
              FROM {ScaleSql.Expand("cm", $"draws({rate}, unif(hm, 1))")}
            ), anonymous AS (
              SELECT NULL AS num, a.m, s.k, mo.effect, 0.0 AS mood, 0.0 AS doom, mo.start AS first, mo.next AS endx, mo.start AS mstart, mo.webinar,
                mix(mix(seedhash(), 6000 + a.m), s.k) AS hr
              FROM {ScaleSql.Expand("(SELECT m, count(*) AS active FROM cm GROUP BY m)", "CAST(floor(unif(mix(seedhash(), 6000 + m), 999999999) * (2 + active // 150)) AS BIGINT)", "a")},
                months mo
              WHERE mo.m = a.m
            ), drawn AS (
              SELECT *, {moment} AS local, {channel} AS channel
              FROM (SELECT *, unif(hr, 6) AS u6, unif(hr, 7) AS u7, unif(hr, 8) AS u8 FROM (SELECT * FROM answers UNION ALL SELECT * FROM anonymous))
            ), banded AS (
              SELECT *,
                (lerp(0.42, 0.52, effect) + 0.10 * mood + shift) * (1 - 0.75 * doom) AS p0,
                (lerp(0.27, 0.13, effect) - 0.08 * mood - shift) AS d0
              FROM (SELECT *, {ScaleSql.NumberList(ChannelShift)}[channel + 1] AS shift FROM drawn)
            )
            SELECT num, local, channel, effect, hr,
              CASE WHEN u7 < p THEN CASE WHEN u8 < 0.55 THEN 10 ELSE 9 END
                   WHEN u7 < p + d THEN {ScaleSql.PickIndex(DetractorScores, "u8")}
                   ELSE CASE WHEN u8 < 0.5 THEN 8 ELSE 7 END END AS score
            FROM (
              SELECT *, least(greatest(d0 + (1 - d0) * 0.6 * doom, 0.02), 0.98 - p) AS d
              FROM (SELECT *, least(greatest(p0, 0.02), 0.95) AS p FROM banded)
            )
            ORDER BY local, num NULLS FIRST, m, k
            """;
    }

    /// <summary>The rows of <c>anket.csv</c> in the order of <c>resp</c>: CSAT and CES follow the score, 42% leave a comment, 25% of timestamps are in UTC.</summary>
    public static string ResponseRows()
    {
        string comments = string.Join("\n      ",
            $"CASE WHEN u15 >= 0.42 THEN NULL",
            $"WHEN score >= 7 AND unif(hr, 16) < 0.3 * effect THEN {ScaleSql.Pick(SurveyComments.Programme, "u17")}",
            $"WHEN score >= 9 THEN {ScaleSql.Pick(SurveyComments.Promoter, "u17")}",
            $"WHEN score >= 7 THEN {ScaleSql.Pick(SurveyComments.Passive, "u17")}",
            $"ELSE {ScaleSql.Pick(SurveyComments.Detractor, "u17")} END");
        return $"""
            SELECT CAST(100001 + rid AS VARCHAR) AS yanit_no, printf('M%05d', num) AS musteri_no,
              CASE WHEN unif(hr, 18) < 0.25 THEN {ScaleSql.UtcText("local")} ELSE {ScaleSql.IstanbulText("local")} END AS yanit_zamani,
              ({Sql.List(SurveyChannels)})[channel + 1] AS kanal, score AS puan,
              CASE WHEN unif(hr, 9) < 0.30 THEN NULL ELSE CAST(least(5, greatest(1, round(1 + 0.36 * score + 0.4 * effect + 0.6 * gauss(hr, 10)))) AS INTEGER) END AS csat,
              CASE WHEN unif(hr, 12) < 0.40 THEN NULL ELSE CAST(least(7, greatest(1, round(2 + 0.38 * score + 0.6 * effect + 0.8 * gauss(hr, 13)))) AS INTEGER) END AS ces,
              {comments} AS yorum
            FROM (SELECT *, rowid AS rid, unif(hr, 15) AS u15, unif(hr, 17) AS u17 FROM resp)
            """;
    }

    /// <summary>
    /// <c>destek_talepleri.csv</c> into table <c>tick</c>: tickets per customer-month as the C# writer's rate (more
    /// in the last months before leaving, fewer with the programme), first reply log-normal around 9 h before and
    /// 2.5 h after the programme; unanswered when the reply would fall after the data ends (or, rarely, never).
    /// </summary>
    public static string Tickets(DemoCalendar calendar)
    {
        string rate = $"0.28 * (1 + 2.5 * doom) * lerp(1, 0.85, effect) * sqrt({ScaleSql.ByPlan("plan", DemoStory.UsageFactor)})";
        string end = $"CAST({ScaleSql.Date(calendar.End.AddDays(1))} AS TIMESTAMP)";
        // Category weights move from bugs to feature requests with the programme; leavers raise billing and bugs.
        string w0 = "(lerp(0.14, 0.13, effect) + 0.25 * doom)", w1 = "(lerp(0.36, 0.22, effect) + 0.20 * doom)";
        string w2 = "lerp(0.26, 0.24, effect)", w3 = "lerp(0.08, 0.27, effect)";
        string x = "x4";
        string category = $"CASE WHEN {x} < {w0} THEN 'fatura' WHEN {x} < {w0} + {w1} THEN 'hata' WHEN {x} < {w0} + {w1} + {w2} THEN 'nasil_yapilir' " +
                          $"WHEN {x} < {w0} + {w1} + {w2} + {w3} THEN 'ozellik_talebi' ELSE 'hesap' END";
        return $"""
            CREATE OR REPLACE TABLE tick AS
            SELECT num, opened, category, channel,
              CASE WHEN reply >= {end} OR unif(ht, 7) < 0.004 THEN NULL ELSE reply END AS reply
            FROM (
              SELECT num, m, k, ht, opened, category, channel,
                opened + to_minutes(CAST(greatest(1, round(lerp(9.0, 2.5, effect) * exp(0.9 * gauss(ht, 5)) * 60)) AS BIGINT)) AS reply
              FROM (
                SELECT num, m, k, effect, doom, ht,
                  {ScaleSql.Moment("first", "endx", "ht", 1)} AS opened,
                  {category} AS category,
                  ({Sql.List(["email", "chat", "phone", "web"])})[1 + {ScaleSql.PickIndex([0.45, 0.25, 0.20, 0.10], "u8")}] AS channel
                FROM (
                  SELECT *, unif(ht, 4) * (1 + 0.45 * doom) AS x4, unif(ht, 8) AS u8
                  FROM (
                    SELECT cm.num, cm.m, s.k, cm.effect, cm.doom, cm.first, cm.endx, mix(cm.hm, 2000 + s.k) AS ht
                    FROM {ScaleSql.Expand("cm", $"draws({rate}, unif(hm, 2))")}
                  )
                )
              )
            )
            ORDER BY opened, num, m, k
            """;
    }

    public static string TicketRows() => $"""
        SELECT printf('T%06d', rowid + 1) AS talep_no, printf('M%05d', num) AS musteri_no, {ScaleSql.IstanbulText("opened")} AS acilis,
          {ScaleSql.IstanbulText("reply")} AS ilk_yanit, category AS kategori, channel AS kanal
        FROM tick
        """;

    /// <summary>
    /// <c>kullanim.ndjson</c> into table <c>usage_events</c>: events per customer-month with mean
    /// <paramref name="usageRate"/> (for an average plan and mood, a whole month), fading by 75% in the churn month.
    /// </summary>
    public static string Usage(double usageRate)
    {
        string rate = $"{ScaleSql.Number(usageRate)} * (endx - first) / month_days * {ScaleSql.ByPlan("plan", DemoStory.UsageFactor)} " +
                      "* exp(0.3 * mood) * (1 - 0.75 * doom) * lerp(1, 1.12, effect) * exp(0.5 * gauss(hm, 3) - 0.125)";
        return $"""
            CREATE OR REPLACE TABLE usage_events AS
            SELECT num, {ScaleSql.Moment("first", "endx", "hu", 1)} AS local,
              ({Sql.List(["login", "report_view", "export", "invite"])})[1 + {ScaleSql.PickIndex([0.48, 0.32, 0.12, 0.08], "u4")}] AS event
            FROM (
              SELECT *, unif(hu, 4) AS u4 FROM (SELECT cm.num, cm.m, s.k, cm.first, cm.endx, mix(cm.hm, 3000 + s.k) AS hu
              FROM {ScaleSql.Expand("cm", $"draws({rate}, unif(hm, 5))")})
            )
            ORDER BY local, num, m, k
            """;
    }

    public static string UsageRows() => $"""
        SELECT printf('M%05d', num) AS musteri_no, {ScaleSql.UtcText("local")} AS zaman, event AS olay FROM usage_events
        """;

    /// <summary><c>siparisler.csv</c>: about one order in twenty customer-months, a few refunded (a separate negative row).</summary>
    public static string Orders(DemoCalendar calendar)
    {
        string median = "(CASE plan_now WHEN 0 THEN 450 WHEN 1 THEN 900 ELSE 2200 END)";
        return $"""
            CREATE OR REPLACE TABLE ord AS
            WITH sales AS (
              SELECT num, hm, first + CAST(floor(unif(hm, 11) * (endx - first)) AS INTEGER) AS day,
                {ScaleSql.Money($"{median} * exp(0.6 * gauss(hm, 12))")} AS amount
              FROM cm
              WHERE unif(hm, 10) < 0.05 * sqrt({ScaleSql.ByPlan("plan", DemoStory.UsageFactor)})
            )
            SELECT * FROM (
              SELECT num, day, FALSE AS refund, amount FROM sales
              UNION ALL
              SELECT num, least({ScaleSql.Date(calendar.End)}, day + 3 + CAST(floor(unif(hm, 15) * 18) AS INTEGER)), TRUE,
                -CASE WHEN unif(hm, 16) < 0.7 THEN amount ELSE {ScaleSql.Money("amount * 0.3")} END
              FROM sales WHERE unif(hm, 14) < 0.07
            )
            ORDER BY day, num, refund, amount
            """;
    }

    public static string OrderRows() => """
        SELECT printf('S%06d', rowid + 1) AS siparis_no, printf('M%05d', num) AS musteri_no, strftime(day, '%Y-%m-%d') AS siparis_tarihi,
          CASE WHEN refund THEN 'iade' ELSE 'satis' END AS tur, CAST(amount AS VARCHAR) AS tutar
        FROM ord
        """;
}
