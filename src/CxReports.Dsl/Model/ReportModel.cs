using System.Globalization;
using Cronos;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Model;

/// <summary>
/// A bound report: what to compute over which period, for whom, and when to deliver it. Its zone's
/// <see cref="TimeZoneInfo.Id"/> and its locale's <see cref="CultureInfo.Name"/> are the names documents show.
/// </summary>
public sealed record ReportModel(
    string Name,
    string Title,
    string? Description,
    PeriodModel Period,
    TimeUnit? Grain,
    TimeZoneInfo TimeZone,
    CultureInfo Locale,
    IReadOnlyList<ParamModel> Params,
    IReadOnlyList<FilterModel> Filters,
    ScheduleModel? Schedule,
    IReadOnlyList<SectionModel> Sections,
    SourceSpan Span);

/// <summary>The report period as written; the engine resolves it against the run date.</summary>
public abstract record PeriodModel;

/// <summary><c>2025-01-01 .. 2025-12-31</c>.</summary>
public sealed record FixedPeriodModel(DateOnly From, DateOnly To) : PeriodModel;

/// <summary><c>last 12 months</c>, <c>this year</c>, <c>previous quarter</c>.</summary>
public sealed record RelativePeriodModel(PeriodAnchor Anchor, int Count, TimeUnit Unit) : PeriodModel;

/// <summary>
/// Where a relative period sits against the run date: <c>last</c> N units up to and with the current one, <c>this</c>
/// unit, or the N whole units <c>previous</c> to the current one.
/// </summary>
public enum PeriodAnchor { Last, This, Previous }

/// <summary>A typed parameter with its default and allowed values.</summary>
public sealed record ParamModel(string Name, ValueType Type, object? Default, IReadOnlyList<object> Choices, SourceSpan Span);

/// <summary>
/// A report filter: the condition as bound from every source that can reach its fields (applied to the blocks
/// reading those sources), and the parameter-only condition under which it is switched off.
/// </summary>
public sealed record FilterModel(IReadOnlyDictionary<string, BoundExpression> BySource, BoundExpression? Unless, SourceSpan Span);

/// <summary>
/// <c>schedule "cron" timezone "zone" { ... }</c>: <see cref="Cron"/> as written (shown back), <see cref="Slots"/> the
/// same expression parsed, whose occurrences in <see cref="TimeZone"/> are the runs.
/// </summary>
public sealed record ScheduleModel(string Cron, CronExpression Slots, TimeZoneInfo TimeZone, bool SkipWhenEmpty, IReadOnlyList<DeliveryModel> Deliveries, SourceSpan Span);

/// <summary>The delivery channels.</summary>
public enum DeliveryKind { Email, Folder, Webhook }

/// <summary>One delivery: where to, in which formats, with which subject and file name pattern.</summary>
public sealed record DeliveryModel(DeliveryKind Kind, IReadOnlyList<string> Targets, IReadOnlyList<DeliveryFormat> Formats, string? Subject, string? FileName, SourceSpan Span);

/// <summary>A titled group of blocks.</summary>
public sealed record SectionModel(string Title, IReadOnlyList<BlockModel> Blocks);

/// <summary>A report block; <see cref="Id"/> is as written or <c>kind_n</c> by position.</summary>
public abstract record BlockModel(string Id, string? Title, SourceSpan Span);

/// <summary>Headline numbers, optionally against the previous period or year.</summary>
public sealed record KpiBlockModel(string Id, string? Title, IReadOnlyList<QueryMetric> Metrics, Baseline? Compare, SourceSpan Span) : BlockModel(Id, Title, Span);

/// <summary>Chart kinds.</summary>
public enum ChartKind { Line, Bar, Area, Stacked }

/// <summary>A chart of a query.</summary>
public sealed record ChartBlockModel(string Id, string? Title, ChartKind Kind, BoundQuery Query, SourceSpan Span) : BlockModel(Id, Title, Span);

/// <summary>A table of a query.</summary>
public sealed record TableBlockModel(string Id, string? Title, BoundQuery Query, SourceSpan Span) : BlockModel(Id, Title, Span);

/// <summary>A retention cohort matrix of a lifecycle source, <see cref="Months"/> columns m0..m(N-1).</summary>
public sealed record CohortBlockModel(string Id, string? Title, string Source, int Months, SourceSpan Span) : BlockModel(Id, Title, Span);

/// <summary>
/// Entities with their score, band and components, filtered and ranked: by the top's key, then each of
/// <see cref="ThenBy"/>, then the entity key (so the cut is the same on every run and engine); <see cref="Show"/>
/// are fields of the scored source printed beside the key; <see cref="Empty"/> is what an empty list says.
/// </summary>
public sealed record ScoresBlockModel(string Id, string? Title, string Score, BoundExpression? Where, QueryTop? Top, SourceSpan Span) : BlockModel(Id, Title, Span)
{
    public IReadOnlyList<ScoreSortKey> ThenBy { get; init; } = [];

    public IReadOnlyList<BoundField> Show { get; init; } = [];

    public string? Empty { get; init; }
}

/// <summary>A tie-breaking key of a scores list: a column of its rows, ascending or descending.</summary>
public sealed record ScoreSortKey(string Column, bool Ascending);

/// <summary>The retain-N table of a scenario.</summary>
public sealed record ScenarioBlockModel(string Id, string? Title, string Scenario, SourceSpan Span) : BlockModel(Id, Title, Span);

/// <summary>A paragraph of text.</summary>
public sealed record TextBlockModel(string Id, string Text, SourceSpan Span) : BlockModel(Id, null, Span);
