using CxReports.Dsl.Text;

namespace CxReports.Dsl.Model;

/// <summary>Every bound definition of a reports directory: the input to SQL planning.</summary>
public sealed record SemanticModel(
    IReadOnlyDictionary<string, SourceModel> Sources,
    IReadOnlyDictionary<string, MetricModel> Metrics,
    IReadOnlyDictionary<string, ScoreModel> Scores,
    IReadOnlyDictionary<string, ScenarioModel> Scenarios,
    IReadOnlyDictionary<string, ReportModel> Reports)
{
    /// <summary>The <c>model { }</c> block: default time zone and locale of reports and queries, and the currency of money.</summary>
    public ModelSettings Settings { get; init; } = ModelSettings.Default;

    /// <summary>The alerts by name: metrics watched per segment, checked on a schedule, told to their targets.</summary>
    public IReadOnlyDictionary<string, AlertModel> Alerts { get; init; } = new Dictionary<string, AlertModel>();
}

/// <summary>A named metric: its bound expression, whether it is a monthly quantity, and what it means.</summary>
public sealed record MetricModel(string Name, string? Label, BoundExpression Expression, bool PerMonth, Unit Unit, SourceSpan Span)
{
    /// <summary>Sources whose rows the metric reads.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Other metrics it is composed of.</summary>
    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Whether it is a monthly quantity: <c>per month</c>, a revenue function, or built only from such.</summary>
    public bool Monthly { get; init; }

    /// <summary>What its values mean in every document: its label (the name without one), unit, decimals, direction.</summary>
    public Meaning Meaning { get; init; } = Meaning.None;

    /// <summary>Its label per locale (<c>label "tr-TR" "..."</c>), by culture name; a report in that locale shows it.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}

/// <summary>A health-style score over the entities of a source.</summary>
public sealed record ScoreModel(string Name, string Entity, IReadOnlyList<ScoreComponentModel> Components, IReadOnlyList<ScoreBandModel> Bands, SourceSpan Span);

/// <summary>One component: an aggregate over the entity's linked rows in a window, scaled linearly to 0..100.</summary>
public sealed record ScoreComponentModel(string Name, decimal Weight, BoundAggregate Value, Duration? Window, decimal ScaleFrom, decimal ScaleTo, SourceSpan Span)
{
    /// <summary>The readable name documents show for it (<c>usage "Kullanım" weight 40</c>); none: its name.</summary>
    public LocalizedLabel Label { get; init; } = LocalizedLabel.None;
}

/// <summary>A band: a score at or above/below the threshold gets this name; no threshold takes the rest.</summary>
public sealed record ScoreBandModel(string Name, BinaryOperator? Operator, decimal? Threshold)
{
    /// <summary>The readable name documents show for the band's value (<c>band at_risk "Risk altında"</c>); none: its name.</summary>
    public LocalizedLabel Label { get; init; } = LocalizedLabel.None;
}

/// <summary>The retain-N ROI scenario; inputs are monthly metrics or constants.</summary>
public sealed record ScenarioModel(
    string Name,
    IReadOnlyList<int> Retain,
    BoundExpression Value,
    decimal Margin,
    BoundExpression? Churn,
    BoundExpression? Cost,
    decimal YearlyDiscount,
    IReadOnlyList<int> HorizonMonths,
    SourceSpan Span)
{
    /// <summary>How many customers the churn rate is a share of (averaged over the months); null when not set.</summary>
    public BoundExpression? Customers { get; init; }

    /// <summary>What the measured effect compares the period with (the previous period or year); null: nothing is measured.</summary>
    public Baseline? MeasuredAgainst { get; init; }
}
