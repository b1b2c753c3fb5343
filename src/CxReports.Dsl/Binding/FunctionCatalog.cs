using CxReports.Dsl.Model;

namespace CxReports.Dsl.Binding;

/// <summary>The metric library as a table: every aggregate and row function CXR knows, with its rules.</summary>
public static class FunctionCatalog
{
    private static readonly AggregateFunction[] AggregateList =
    [
        new("count", AggregateInput.SourceOrValue, Unit.Count, true, NumericInput: false, Summary: "rows, or non-blank values"),
        new("distinct", AggregateInput.Value, Unit.Count, true, NumericInput: false, Summary: "distinct non-blank values"),
        new("sum", AggregateInput.Value, Unit.None, true, KeepsValueUnit: true, Summary: "sum of values"),
        new("mean", AggregateInput.Value, Unit.None, false, KeepsValueUnit: true, Summary: "arithmetic mean", Test: SignificanceTest.Mean),
        new("median", AggregateInput.Value, Unit.None, false, KeepsValueUnit: true, Summary: "median, linear interpolation"),
        new("percentile", AggregateInput.Value, Unit.None, false, TakesPercentile: true, KeepsValueUnit: true, Summary: "p-th percentile, linear interpolation"),
        new("min", AggregateInput.Value, Unit.None, false, KeepsValueUnit: true, Summary: "smallest value"),
        new("max", AggregateInput.Value, Unit.None, false, KeepsValueUnit: true, Summary: "largest value"),
        new("share", AggregateInput.Condition, Unit.Percent, false, Summary: "percent of rows meeting a condition", Test: SignificanceTest.Proportion),
        new("first", AggregateInput.Value, Unit.None, false, KeepsValueUnit: true, Summary: "value of the earliest row by the time axis"),
        new("last", AggregateInput.Value, Unit.None, false, KeepsValueUnit: true, Summary: "value of the latest row by the time axis"),
        new("nps", AggregateInput.Value, Unit.Score, false, Direction: Direction.HigherIsBetter, Summary: "Net Promoter Score, -100..100", Test: SignificanceTest.NetPromoter),
        new("nps_margin", AggregateInput.Value, Unit.Score, false, Direction: Direction.LowerIsBetter, Summary: "95% margin of error of NPS, in points", MarginOf: "nps"),
        new("csat", AggregateInput.Value, Unit.Percent, false, Direction: Direction.HigherIsBetter, Summary: "percent of 4-5 answers on a 1-5 scale", Test: SignificanceTest.Proportion),
        new("ces", AggregateInput.Value, Unit.Score, false, Direction: Direction.LowerIsBetter, Summary: "mean effort score on a 1-7 scale", Test: SignificanceTest.Mean),
        new("active", AggregateInput.Source, Unit.Count, true, SourceRequirement.Lifecycle, Direction: Direction.HigherIsBetter, Summary: "customers at bucket start", Snapshot: true),
        new("new", AggregateInput.Source, Unit.Count, true, SourceRequirement.Lifecycle, Direction: Direction.HigherIsBetter, Summary: "customers who started in the bucket"),
        new("churned", AggregateInput.Source, Unit.Count, true, SourceRequirement.Lifecycle, Direction: Direction.LowerIsBetter, Summary: "customers who ended in the bucket"),
        new("churn_rate", AggregateInput.Source, Unit.Percent, false, SourceRequirement.Lifecycle, Direction: Direction.LowerIsBetter, Summary: "percent of customers at start who left in the bucket", Test: SignificanceTest.Proportion),
        new("loss_to_gain", AggregateInput.Source, Unit.Ratio, false, SourceRequirement.Lifecycle, Direction: Direction.LowerIsBetter, Summary: "churned / new"),
        new("retention", AggregateInput.Source, Unit.Percent, false, SourceRequirement.Lifecycle, Direction: Direction.HigherIsBetter, Summary: "cohort retention (cohort blocks)"),
        new("mrr", AggregateInput.Source, Unit.Currency, true, SourceRequirement.Recurring, Monthly: true, Direction: Direction.HigherIsBetter, Summary: "monthly recurring revenue"),
        new("paying", AggregateInput.Source, Unit.Count, true, SourceRequirement.Recurring, Monthly: true, Direction: Direction.HigherIsBetter, Summary: "accounts with MRR > 0"),
        new("arpa", AggregateInput.Source, Unit.Currency, false, SourceRequirement.Recurring, Monthly: true, Direction: Direction.HigherIsBetter, Summary: "MRR / paying accounts"),
        new("mrr_new", AggregateInput.Source, Unit.Currency, true, SourceRequirement.Recurring, Monthly: true, Direction: Direction.HigherIsBetter, Summary: "MRR of first-time payers"),
        new("mrr_reactivation", AggregateInput.Source, Unit.Currency, true, SourceRequirement.Recurring, Monthly: true, Direction: Direction.HigherIsBetter, Summary: "MRR of returning payers"),
        new("mrr_expansion", AggregateInput.Source, Unit.Currency, true, SourceRequirement.Recurring, Monthly: true, Direction: Direction.HigherIsBetter, Summary: "MRR increases"),
        new("mrr_contraction", AggregateInput.Source, Unit.Currency, true, SourceRequirement.Recurring, Monthly: true, Direction: Direction.LowerIsBetter, Summary: "MRR decreases"),
        new("mrr_churned", AggregateInput.Source, Unit.Currency, true, SourceRequirement.Recurring, Monthly: true, Direction: Direction.LowerIsBetter, Summary: "MRR of accounts that stopped paying"),
        new("mrr_churn", AggregateInput.Source, Unit.Percent, false, SourceRequirement.Recurring, Monthly: true, Direction: Direction.LowerIsBetter, Summary: "gross MRR churn %"),
        new("net_mrr_churn", AggregateInput.Source, Unit.Percent, false, SourceRequirement.Recurring, Monthly: true, Direction: Direction.LowerIsBetter, Summary: "net MRR churn %"),
        new("nrr", AggregateInput.Source, Unit.Percent, false, SourceRequirement.Recurring, Monthly: true, Direction: Direction.HigherIsBetter, Summary: "net revenue retention %"),
        new("grr", AggregateInput.Source, Unit.Percent, false, SourceRequirement.Recurring, Monthly: true, Direction: Direction.HigherIsBetter, Summary: "gross revenue retention %"),
    ];

    private static readonly RowFunction[] RowList =
    [
        new("hours", 1, 1, "a time difference in hours (fractional)", Unit.Hours),
        new("days", 1, 1, "a time difference in days (fractional)", Unit.Days),
        new("coalesce", 2, 8, "the first non-blank argument"),
        new("year", 1, 1, "the calendar year of a date or timestamp"),
        new("month_of", 1, 1, "the month number 1-12 of a date or timestamp"),
        new("bucket", 2, 12, "labels a number into ranges: <b1, b1-(b2-1), ..., bn+"),
    ];

    public static IReadOnlyDictionary<string, AggregateFunction> Aggregates { get; } =
        AggregateList.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, RowFunction> RowFunctions { get; } =
        RowList.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The value function; its labelled arguments and whether each is required.</summary>
    public static IReadOnlyDictionary<string, bool> LtvArguments { get; } = new Dictionary<string, bool>
    {
        ["value"] = true, ["churn"] = true, ["margin"] = true, ["discount"] = false, ["cost"] = false,
    };

    public static IEnumerable<string> AllNames =>
        Aggregates.Keys.Concat(RowFunctions.Keys).Append("ltv");
}
