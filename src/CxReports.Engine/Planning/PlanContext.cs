using CxReports.Engine.Dialects;
using CxReports.Engine.Planning.SqlTree;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;

namespace CxReports.Engine.Planning;

/// <summary>
/// What one planned statement is evaluated for: the model, the period, the report's time zone, the parameter
/// values and the row filters (the query's <c>where</c> and the report's <c>filter</c>s, per source).
/// </summary>
public sealed class PlanContext
{
    public PlanContext(SemanticModel model, ISqlDialect dialect, ResolvedPeriod period, string timeZone,
        IReadOnlyDictionary<string, object?> paramValues, IReadOnlyList<FilterModel> reportFilters)
    {
        Model = model;
        Dialect = dialect;
        Period = period;
        TimeZone = timeZone;
        ParamValues = paramValues;
        ReportFilters = reportFilters;
        Parameters = new SqlParameters(dialect);
    }

    public SemanticModel Model { get; }
    public ISqlDialect Dialect { get; }
    public ResolvedPeriod Period { get; }
    public string TimeZone { get; }
    public IReadOnlyDictionary<string, object?> ParamValues { get; }
    public IReadOnlyList<FilterModel> ReportFilters { get; }
    public SqlParameters Parameters { get; }

    /// <summary>The report's locale (<c>tr-TR</c>): text values sort with its collation.</summary>
    public string Locale { get; init; } = "en-US";

    /// <summary>
    /// The pre-aggregates that hold the warehouse's current data: revenue rollups (<see cref="RevenueRollup"/>) by
    /// source, score components' last values (<see cref="LastValueRollup"/>) by score and component; without one
    /// the figures are computed from the rows.
    /// </summary>
    public IReadOnlyDictionary<string, string> Rollups { get; init; } = new Dictionary<string, string>();

    /// <summary>Most buckets a grain may split the period into (a bucket series longer than this is refused).</summary>
    public int MaxBuckets { get; init; } = int.MaxValue;

    public string From => Parameters.Shared("from", Period.From);
    public string To => Parameters.Shared("to", Period.To);
    public string Zone => Parameters.Shared("zone", TimeZone);

    /// <summary>The day after the period's effective end: snapshots taken at the end count the entities of that instant.</summary>
    public string SnapshotEnd => Parameters.Shared("snapshot_end", DayAfterEnd(Period));

    /// <summary>
    /// Whether every day that entity counts compare start and end dates with begins a <paramref name="unit"/>: the
    /// period's first day and the day after its last, with a compared period the current one's first day, and with
    /// <paramref name="snapshots"/> the days after their effective ends. Then a date and the start of its unit fall on
    /// the same side of each, so dates may be counted per unit (far fewer groups than days) with the same result.
    /// </summary>
    public bool BoundsBegin(TimeUnit unit, bool snapshots)
    {
        if (!Period.Aligned(unit) || (Compared is { } compared && ResolvedPeriod.StartOf(compared.Current.From, unit) != compared.Current.From)) return false;
        if (!snapshots) return true;
        // A snapshot on the last day there is is taken on that day itself (DayAfterEnd): not a unit's start.
        ResolvedPeriod[] periods = Compared is { } c ? [c.Current, c.Earlier] : [Period];
        return periods.Select(DayAfterEnd).All(d => d != DateOnly.MaxValue && ResolvedPeriod.StartOf(d, unit) == d);
    }

    private static DateOnly DayAfterEnd(ResolvedPeriod period) =>
        period.EffectiveEnd() == DateOnly.MaxValue ? DateOnly.MaxValue : period.EffectiveEnd().AddDays(1);

    /// <summary>
    /// The period before the current one computed in the same statement (a KPI's comparison), or null. With it,
    /// <see cref="Period"/> is the span of both, and an ungrouped query has one bucket per period
    /// (<see cref="PeriodBucket"/>) with the period's bounds (<see cref="PeriodColumns"/>).
    /// </summary>
    public ComparedPeriods? Compared { get; init; }

    /// <summary>The first day of the current period when compared with the earlier one.</summary>
    public string CurrentFrom => Parameters.Shared("current_from", Compared!.Current.From);

    /// <summary>
    /// The bucket of an ungrouped query's row: the period's first day; with a compared period, the first day of the
    /// period the row is in, <paramref name="inCurrent"/> being the condition that it is in the current one.
    /// </summary>
    public string PeriodBucket(string? inCurrent) => Compared is null || inCurrent is null
        ? $"CAST({From} AS DATE)"
        : $"(CASE WHEN {inCurrent} THEN CAST({CurrentFrom} AS DATE) ELSE CAST({From} AS DATE) END)";

    /// <summary>
    /// With a compared period, the bounds of the period a bucket starting on <paramref name="bucket"/> belongs to:
    /// p0 its first day, p1 the day after its last, snap the day after its effective end (where snapshots are taken).
    /// </summary>
    public IEnumerable<SqlColumn> PeriodColumns(string bucket)
    {
        var compared = Compared!;
        var inCurrent = $"{bucket} >= CAST({CurrentFrom} AS DATE)";
        var end = Dialect.AddUnits($"CAST({To} AS DATE)", TimeUnit.Day, 1);
        var earlierSnapshot = Parameters.Shared("earlier_snapshot_end", DayAfterEnd(compared.Earlier));
        string Either(string current, string earlier) => $"(CASE WHEN {inCurrent} THEN {current} ELSE {earlier} END)";
        yield return new SqlColumn(Either($"CAST({CurrentFrom} AS DATE)", $"CAST({From} AS DATE)"), "p0");
        yield return new SqlColumn(Either(end, $"CAST({CurrentFrom} AS DATE)"), "p1");
        yield return new SqlColumn(Either($"CAST({SnapshotEnd} AS DATE)", $"CAST({earlierSnapshot} AS DATE)"), "snap");
    }

    /// <summary>The local date of a row on a time field (timestamps converted to the report's zone first; dates carry no zone).</summary>
    public string LocalDate(string column, FieldModel field) =>
        field.Type == Dsl.Model.ValueType.Timestamp ? Dialect.LocalDate(column, Zone, Offsets) : $"CAST({column} AS DATE)";

    /// <summary>
    /// As <see cref="LocalDate"/>, for rows the period's own filter (<see cref="LocalDateWithin"/> with the period's
    /// bounds) has selected: the offsets of the period alone, fewer than around it (often one, as Istanbul's since
    /// 2016), which some engines compute faster.
    /// </summary>
    public string LocalDateInPeriod(string column, FieldModel field) =>
        field.Type == Dsl.Model.ValueType.Timestamp ? Dialect.LocalDate(column, Zone, PeriodOffsets) : $"CAST({column} AS DATE)";

    /// <summary>
    /// The zone's UTC offsets from ten years before the period to a year after it (the rows of the period, and the
    /// start and end dates of most entities and invoices read with it), sixty years around the as-of date at most.
    /// Beyond them the engine converts, so these bounds decide only how much is plain arithmetic.
    /// </summary>
    public ZoneOffsets Offsets => _offsets ??= PlannedOffsets(daysBefore: 10 * Year, daysAfter: Year);

    /// <summary>The zone's UTC offsets over the period's instants: its first local day to its last (a day more either side, as no zone is a day from UTC).</summary>
    public ZoneOffsets PeriodOffsets => _periodOffsets ??= PlannedOffsets(daysBefore: 1, daysAfter: 2);

    private const int Year = 366;
    private ZoneOffsets? _offsets;
    private ZoneOffsets? _periodOffsets;

    private ZoneOffsets PlannedOffsets(int daysBefore, int daysAfter)
    {
        if (Rules.FindTimeZone(TimeZone) is not { } zone) return ZoneOffsets.Unknown;
        int first = new DateOnly(1, 1, 2).DayNumber, last = new DateOnly(9998, 12, 31).DayNumber;
        var from = Math.Max(first, Period.From.DayNumber - daysBefore);
        var to = Math.Min(last, Period.To.DayNumber + daysAfter);
        if (to - from > 60 * Year)
        {
            from = Math.Max(from, Period.AsOf.DayNumber - 60 * Year);
            to = Math.Min(to, Math.Max(from, Period.AsOf.DayNumber) + Year);
        }
        return to > from ? ZoneOffsets.Of(zone, Utc(from), Utc(to)) : ZoneOffsets.Unknown; // a period in year 9999: the engine converts
    }

    private static DateTime Utc(int dayNumber) => DateOnly.FromDayNumber(dayNumber).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>
    /// "The local date of a row on a time field lies in [from, to]" (a bound may be null: open on that side).
    /// Dates are compared as they are; a timestamp is compared with the instants at which the local days
    /// <paramref name="from"/> and <paramref name="to"/> + 1 begin, which selects the same rows without
    /// converting each one to the report's zone (the conversion costs more than the rest of a scan).
    /// </summary>
    public string LocalDateWithin(string column, FieldModel field, string? from, string? to)
    {
        var conditions = new List<string>();
        if (field.Type == Dsl.Model.ValueType.Timestamp)
        {
            if (from is not null) conditions.Add($"{column} >= {Dialect.LocalDayStart($"CAST({from} AS DATE)", Zone)}");
            if (to is not null) conditions.Add($"{column} < {Dialect.LocalDayStart(Dialect.AddUnits($"CAST({to} AS DATE)", TimeUnit.Day, 1), Zone)}");
        }
        else
        {
            var day = LocalDate(column, field);
            if (from is not null && to is not null) conditions.Add($"{day} BETWEEN {from} AND {to}");
            else if (from is not null) conditions.Add($"{day} >= {from}");
            else if (to is not null) conditions.Add($"{day} <= {to}");
        }
        return conditions.Count == 0 ? "TRUE" : string.Join(" AND ", conditions);
    }

    /// <summary>The row filters that apply to a source: the report's filters (unless switched off) and the query's where.</summary>
    public IEnumerable<string> RowFilters(string source, RowSql rows, IReadOnlyDictionary<string, BoundExpression>? where)
    {
        foreach (var (condition, unless) in AppliedFilters(source))
        {
            var applied = rows.Compile(condition);
            yield return unless is null ? applied : $"(({rows.Compile(unless)}) OR {applied})";
        }
        if (where is not null && where.TryGetValue(source, out var w)) yield return rows.Compile(w);
    }

    /// <summary>
    /// The report's filters on <paramref name="source"/> that the parameters' values do not switch off: each condition,
    /// with its <c>unless</c> where the values leave that open until the statement runs.
    /// </summary>
    public IEnumerable<(BoundExpression Condition, BoundExpression? Unless)> AppliedFilters(string source)
    {
        foreach (var filter in ReportFilters)
        {
            if (!filter.BySource.TryGetValue(source, out var condition)) continue;
            // Switched off by the parameters' values: no condition, and no join to the fields it reads.
            var off = filter.Unless is { } u ? PlanTimeTruth.Of(u, ParamValues) : false;
            if (off == true) continue;
            yield return (condition, off is null ? filter.Unless : null);
        }
    }

    public static string Grain(TimeUnit? grain) => grain?.Word() ?? "period";

    public static string TableName(string source, string kind, TimeUnit? grain) => $"{source}_{kind}_{Grain(grain)}";

    public static string Column(string name) => Sql.Identifier(name);
}
