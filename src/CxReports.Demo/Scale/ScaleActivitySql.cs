using System.Text;
using CxReports.Engine.Dialects;
using O = CxReports.Demo.DemoStory.Orders;
using S = CxReports.Demo.DemoStory.Surveys;
using T = CxReports.Demo.DemoStory.Tickets;

namespace CxReports.Demo.Scale;

/// <summary>
/// What customers do, month by month, in the SQL generator: survey answers, support tickets, product usage and
/// one-off orders, each drawn per active customer-month (the view <c>cm</c>) with the rules of the C# writers
/// (<see cref="DemoStory"/>): answers and usage fall in a leaving customer's last months, tickets rise, the
/// programme lifts scores and shortens the first reply. Each file is sorted by time and numbered as exported.
/// </summary>
internal static class ScaleActivitySql
{
    /// <summary>
    /// Every month each customer is a customer on at least one day: the days [first, endx), how close the churn is
    /// (doom, <see cref="DemoStory.Churn.Doom"/>), the plan billed that month, a hash per month.
    /// </summary>
    public static string CustomerMonths(DemoCalendar calendar) => $"""
        CREATE OR REPLACE VIEW cm AS
        SELECT c.num, c.plan, c.mood, mo.m, mo.effect, mo.start AS mstart, mo.next, mo.month_days,
          greatest(c.signup, mo.start) AS first,
          CASE WHEN c.churn < mo.next THEN c.churn ELSE mo.next END AS endx,
          {ScaleSql.Doom("c.churn_m - mo.m")} AS doom,
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
    /// <paramref name="surveyRate"/> times the C# generator's share, and a few anonymous ones per month; some of
    /// the month's first answers fall in its first hours local time (still the previous month in UTC).
    /// </summary>
    public static string Responses(double surveyRate)
    {
        string rate = $"{ScaleSql.Number(surveyRate)} * {ScaleSql.Lerp(S.AnswerShare, "effect")}";
        string channel = $"CASE WHEN webinar THEN {ScaleSql.PickIndex([.. S.ChannelWeights, S.WebinarWeight], "u6")} " +
                         $"ELSE {ScaleSql.PickIndex(S.ChannelWeights, "u6")} END";
        string early = $"CAST(mstart AS TIMESTAMP) + to_seconds(CAST(floor(unif(hr, 2) * {S.EarlyHours * 3600}) AS BIGINT))";
        string moment = $"CASE WHEN first = mstart AND unif(hr, 1) < {ScaleSql.Number(S.EarlyHoursShare)} THEN {early} " +
                        $"ELSE {ScaleSql.Moment("first", "endx", "hr", 3)} END";
        string promoters = $"({ScaleSql.Lerp(S.Promoters, "effect")} + {ScaleSql.Number(S.PromoterMood)} * mood + shift) * (1 - {ScaleSql.Number(S.DoomPromoterCut)} * doom)";
        string detractors = $"({ScaleSql.Lerp(S.Detractors, "effect")} - {ScaleSql.Number(S.DetractorMood)} * mood - shift)";
        string min = ScaleSql.Number(S.MinShare);
        // Only what the order and the score need goes through the sort; the rest is drawn from hr while writing.
        return $"""
            CREATE OR REPLACE TABLE resp AS
            WITH answers AS (
              SELECT cm.num, cm.m, s.k, cm.effect, cm.mood, cm.doom, cm.first, cm.endx, cm.mstart, cm.webinar, mix(cm.hm, 1000 + s.k) AS hr
              FROM {ScaleSql.Expand("cm", $"draws({rate}, unif(hm, 1))")}
            ), anonymous AS (
              SELECT NULL AS num, a.m, s.k, mo.effect, 0.0 AS mood, 0.0 AS doom, mo.start AS first, mo.next AS endx, mo.start AS mstart, mo.webinar,
                mix(mix(seedhash(), 6000 + a.m), s.k) AS hr
              FROM {ScaleSql.Expand("(SELECT m, count(*) AS active FROM cm GROUP BY m)", $"CAST(floor(unif(mix(seedhash(), 6000 + m), 999999999) * (2 + active // {S.ActivePerAnonymous})) AS BIGINT)", "a")},
                months mo
              WHERE mo.m = a.m
            ), drawn AS (
              SELECT *, {moment} AS local, {channel} AS channel
              FROM (SELECT *, unif(hr, 6) AS u6, unif(hr, 7) AS u7, unif(hr, 8) AS u8 FROM (SELECT * FROM answers UNION ALL SELECT * FROM anonymous))
            ), banded AS (
              SELECT *,
                {promoters} AS p0,
                {detractors} AS d0
              FROM (SELECT *, {ScaleSql.NumberList(S.ChannelShift)}[channel + 1] AS shift FROM drawn)
            )
            SELECT num, local, channel, effect, hr,
              CASE WHEN u7 < p THEN CASE WHEN u8 < {ScaleSql.Number(S.TenShare)} THEN 10 ELSE 9 END
                   WHEN u7 < p + d THEN {ScaleSql.PickIndex(S.DetractorScoreWeights, "u8")}
                   ELSE CASE WHEN u8 < {ScaleSql.Number(S.EightShare)} THEN 8 ELSE 7 END END AS score
            FROM (
              SELECT *, least(greatest(d0 + (1 - d0) * {ScaleSql.Number(S.DoomDetractorPull)} * doom, {min}), {ScaleSql.Number(S.MaxPromotersAndDetractors)} - p) AS d
              FROM (SELECT *, least(greatest(p0, {min}), {ScaleSql.Number(S.MaxPromoters)}) AS p FROM banded)
            )
            ORDER BY local, num NULLS FIRST, m, k
            """;
    }

    /// <summary>The rows of <c>anket.csv</c> in the order of <c>resp</c>: CSAT and CES follow the score, some leave a comment, some timestamps are in UTC.</summary>
    public static string ResponseRows()
    {
        string comments = string.Join("\n      ",
            $"CASE WHEN u15 >= {ScaleSql.Number(S.CommentShare)} THEN NULL",
            $"WHEN score >= 7 AND unif(hr, 16) < {ScaleSql.Number(S.ProgrammeCommentShare)} * effect THEN {ScaleSql.Pick(SurveyComments.Programme, "u17")}",
            $"WHEN score >= 9 THEN {ScaleSql.Pick(SurveyComments.Promoter, "u17")}",
            $"WHEN score >= 7 THEN {ScaleSql.Pick(SurveyComments.Passive, "u17")}",
            $"ELSE {ScaleSql.Pick(SurveyComments.Detractor, "u17")} END");
        return $"""
            SELECT CAST(100001 + rid AS VARCHAR) AS yanit_no, printf('M%05d', num) AS musteri_no,
              CASE WHEN unif(hr, 18) < {ScaleSql.Number(S.UtcShare)} THEN {ScaleSql.UtcText("local")} ELSE {ScaleSql.IstanbulText("local")} END AS yanit_zamani,
              ({Sql.List(S.Channels)})[channel + 1] AS kanal, score AS puan,
              {Follow(S.Csat, "unif(hr, 9)", "gauss(hr, 10)")} AS csat,
              {Follow(S.Ces, "unif(hr, 12)", "gauss(hr, 13)")} AS ces,
              {comments} AS yorum
            FROM (SELECT *, rowid AS rid, unif(hr, 15) AS u15, unif(hr, 17) AS u17 FROM resp)
            """;
    }

    /// <summary>A CSAT or CES answer following <c>score</c>, blank when <paramref name="blank"/> falls under the blank share.</summary>
    private static string Follow(AnswerScale scale, string blank, string noise) =>
        $"CASE WHEN {blank} < {ScaleSql.Number(scale.BlankShare)} THEN NULL ELSE CAST(least({scale.Max}, greatest({scale.Min}, round(" +
        $"{ScaleSql.Number(scale.Intercept)} + {ScaleSql.Number(scale.PerPoint)} * score + {ScaleSql.Number(scale.Programme)} * effect + " +
        $"{ScaleSql.Number(scale.NoiseSd)} * {noise}))) AS INTEGER) END";

    /// <summary>
    /// <c>destek_talepleri.csv</c> into table <c>tick</c>: tickets per customer-month as the C# writer's rate (more
    /// in the last months before leaving, fewer with the programme), first reply log-normal around a median that
    /// falls with the programme; unanswered when the reply would fall after the data ends (or, rarely, never).
    /// </summary>
    public static string Tickets(DemoCalendar calendar)
    {
        string rate = $"{ScaleSql.Number(T.Rate)} * (1 + {ScaleSql.Number(T.DoomRate)} * doom) * {ScaleSql.Lerp(T.Volume, "effect")} " +
                      $"* sqrt({ScaleSql.ByPlan("plan", DemoStory.Usage.PlanFactor)})";
        string end = $"CAST({ScaleSql.Date(calendar.End.AddDays(1))} AS TIMESTAMP)";
        string replyHours = $"{ScaleSql.Lerp(T.FirstReplyMedianHours, "effect")} * exp({ScaleSql.Number(T.FirstReplySigma)} * gauss(ht, 5))";
        string category = TicketCategory("x4");
        return $"""
            CREATE OR REPLACE TABLE tick AS
            SELECT num, opened, category, channel,
              CASE WHEN reply >= {end} OR unif(ht, 7) < {ScaleSql.Number(T.LostShare)} THEN NULL ELSE reply END AS reply
            FROM (
              SELECT num, m, k, ht, opened, category, channel,
                opened + to_minutes(CAST(greatest(1, round({replyHours} * 60)) AS BIGINT)) AS reply
              FROM (
                SELECT num, m, k, effect, doom, ht,
                  {ScaleSql.Moment("first", "endx", "ht", 1)} AS opened,
                  {category} AS category,
                  ({Sql.List(T.Channels)})[1 + {ScaleSql.PickIndex(T.ChannelWeights, "u8")}] AS channel
                FROM (
                  SELECT *, unif(ht, 4) * (1 + {ScaleSql.Number(T.CategoryDoom.Sum())} * doom) AS x4, unif(ht, 8) AS u8
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

    /// <summary>
    /// The category for a uniform <paramref name="x"/> scaled by the weights' total (1 + the doom weights * doom):
    /// the weights move from bugs to feature requests with the programme, leavers add billing and bugs.
    /// </summary>
    private static string TicketCategory(string x)
    {
        var sql = new StringBuilder("CASE");
        string cumulative = "";
        for (int i = 0; i < T.Categories.Length - 1; i++)
        {
            string weight = ScaleSql.Lerp(new ProgrammeShift(T.CategoryWeightsBefore[i], T.CategoryWeightsAfter[i]), "effect");
            if (T.CategoryDoom[i] != 0) weight = $"({weight} + {ScaleSql.Number(T.CategoryDoom[i])} * doom)";
            cumulative = i == 0 ? weight : $"{cumulative} + {weight}";
            sql.Append($" WHEN {x} < {cumulative} THEN {Sql.Literal(T.Categories[i])}");
        }
        return sql.Append($" ELSE {Sql.Literal(T.Categories[^1])} END").ToString();
    }

    public static string TicketRows() => $"""
        SELECT printf('T%06d', rowid + 1) AS talep_no, printf('M%05d', num) AS musteri_no, {ScaleSql.IstanbulText("opened")} AS acilis,
          {ScaleSql.IstanbulText("reply")} AS ilk_yanit, category AS kategori, channel AS kanal
        FROM tick
        """;

    /// <summary>
    /// <c>kullanim.ndjson</c> into table <c>usage_events</c>: events per customer-month with mean
    /// <paramref name="usageRate"/> (for an average plan and mood, a whole month), fading towards the churn month.
    /// </summary>
    public static string Usage(double usageRate)
    {
        string rate = $"{ScaleSql.Number(usageRate)} * (endx - first) / month_days * {ScaleSql.ByPlan("plan", DemoStory.Usage.PlanFactor)} " +
                      $"* exp({ScaleSql.Number(DemoStory.Customers.MoodUsage)} * mood) * (1 - {ScaleSql.Number(DemoStory.Usage.DoomFade)} * doom) " +
                      $"* {ScaleSql.Lerp(DemoStory.Usage.Programme, "effect")} * exp(0.5 * gauss(hm, 3) - 0.125)";
        return $"""
            CREATE OR REPLACE TABLE usage_events AS
            SELECT num, {ScaleSql.Moment("first", "endx", "hu", 1)} AS local,
              ({Sql.List(DemoStory.Usage.Events)})[1 + {ScaleSql.PickIndex(DemoStory.Usage.EventWeights, "u4")}] AS event
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
        string median = ScaleSql.ByPlan("plan_now", DemoStory.Orders.MedianAmount);
        string refund = $"CASE WHEN unif(hm, 16) < {ScaleSql.Number(O.FullRefundShare)} THEN amount ELSE {ScaleSql.Money($"amount * {ScaleSql.Number(O.PartialRefund)}")} END";
        return $"""
            CREATE OR REPLACE TABLE ord AS
            WITH sales AS (
              SELECT num, hm, first + CAST(floor(unif(hm, 11) * (endx - first)) AS INTEGER) AS day,
                {ScaleSql.Money($"{median} * exp({ScaleSql.Number(O.AmountSigma)} * gauss(hm, 12))")} AS amount
              FROM cm
              WHERE unif(hm, 10) < {ScaleSql.Number(O.Rate)} * sqrt({ScaleSql.ByPlan("plan", DemoStory.Usage.PlanFactor)})
            )
            SELECT * FROM (
              SELECT num, day, FALSE AS refund, amount FROM sales
              UNION ALL
              SELECT num, least({ScaleSql.Date(calendar.End)}, day + {ScaleSql.Days(O.RefundDelay, "unif(hm, 15)")}), TRUE, -{refund}
              FROM sales WHERE unif(hm, 14) < {ScaleSql.Number(O.RefundShare)}
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
