using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Engine.Results;
using CxReports.Engine.Statistics;

namespace CxReports.Engine.Alerts;

/// <summary>
/// The counts a significance test needs, as extra metric columns of the alert's query, and how to read them back into
/// a sample: for an NPS its promoters, passives and detractors; for a proportion its successes and count (for a churn
/// rate, the rate and the customers at the start, whose product is the customers who left); for a mean its
/// count and the mean of squares (with the mean itself, the sample standard deviation). Each column is the watched
/// aggregate's own rows (its source and <c>where</c>), with the answers the function counts (0-10, 1-5, 1-7).
/// </summary>
internal static class SampleColumns
{
    private const string Prefix = "alert_sample_";

    /// <summary>The columns, named <c>alert_sample_*</c> so they cannot meet a metric written in the alert.</summary>
    public static IReadOnlyList<QueryMetric> For(SignificanceRule rule)
    {
        var sample = rule.Sample;
        var value = sample.Arguments.Count > 0 ? sample.Arguments[0] : null;
        return (rule.Test, sample.Function.Name) switch
        {
            (SignificanceTest.NetPromoter, _) =>
            [
                Count("promoters", sample, Between(value!, 9, 10)),
                Count("passives", sample, Between(value!, 7, 8)),
                Count("detractors", sample, Between(value!, 0, 6)),
            ],
            (SignificanceTest.Proportion, "csat") => [Count("successes", sample, Between(value!, 4, 5)), Count("count", sample, Between(value!, 1, 5))],
            (SignificanceTest.Proportion, "share") => [Count("successes", sample, value), Count("count", sample, null)],
            // Not churned(): it also counts customers who start and leave inside the period, whom the rate leaves out.
            // The rate itself (unscaled by `per month`) times the customers at the start is the count of those who left.
            (SignificanceTest.Proportion, "churn_rate") =>
            [
                Column("rate", sample),
                Column("count", sample with { Function = FunctionCatalog.Aggregates["active"] }) with { At = Moment.Start },
            ],
            (SignificanceTest.Mean, var function) => MeanColumns(sample, value!, function == "ces" ? Between(value!, 1, 7) : null),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Test, $"no sample columns for {sample.Function.Name}"),
        };
    }

    /// <summary>The sample of one row of the result, or null when a count is missing (no rows of the source in the period).</summary>
    public static object? Read(SignificanceRule rule, ResultTable table, object?[] row, double? mean)
    {
        double? Get(string name) => table.IndexOf(Prefix + name) is var i and >= 0 ? Number(row[i]) : null;
        long Whole(double? x) => (long)Math.Round(x ?? 0);
        switch (rule.Test)
        {
            case SignificanceTest.NetPromoter:
                return new NpsSample(Whole(Get("promoters")), Whole(Get("passives")), Whole(Get("detractors")));
            case SignificanceTest.Proportion:
                if (Get("count") is not { } count) return null;
                var successes = Get("rate") is { } percent ? percent / 100 * count : Get("successes");
                return new ProportionSample(Whole(successes), Whole(count));
            default:
                var (n, squares) = (Whole(Get("count")), Get("squares"));
                if (n < 2 || squares is null || mean is null) return new MeanSample(mean ?? 0, 0, n);
                // s² = n/(n-1) · (mean of squares - mean²); a negative rounding residue is no spread at all.
                var variance = Math.Max(0, (squares.Value - mean.Value * mean.Value) * n / (n - 1));
                return new MeanSample(mean.Value, Math.Sqrt(variance), n);
        }
    }

    /// <summary>The test of the two samples (as read by <see cref="Read"/>) at the rule's level.</summary>
    public static ChangeSignificance? Test(SignificanceRule rule, object? earlier, object? later) => (earlier, later) switch
    {
        (NpsSample a, NpsSample b) => ChangeTests.Nps(a, b, (double)rule.Level),
        (ProportionSample a, ProportionSample b) => ChangeTests.Proportion(a, b, (double)rule.Level),
        (MeanSample a, MeanSample b) => ChangeTests.Mean(a, b, (double)rule.Level),
        _ => null,
    };

    public static double? Number(object? value) => value switch
    {
        null => null,
        double d => double.IsFinite(d) ? d : null,
        long l => l,
        decimal m => (double)m,
        int i => i,
        _ => null,
    };

    private static QueryMetric[] MeanColumns(BoundAggregate sample, BoundExpression value, BoundExpression? answers)
    {
        var square = new BoundBinary(BinaryOperator.Multiply, value, value, Dsl.Model.ValueType.Number, value.Span);
        var mean = FunctionCatalog.Aggregates["mean"];
        return
        [
            Column("count", new BoundAggregate(FunctionCatalog.Aggregates["count"], sample.Source, [value], And(sample.Filter, answers), sample.Span)),
            Column("squares", new BoundAggregate(mean, sample.Source, [square], And(sample.Filter, answers), sample.Span)),
        ];
    }

    private static QueryMetric Count(string name, BoundAggregate sample, BoundExpression? condition) =>
        Column(name, new BoundAggregate(FunctionCatalog.Aggregates["count"], sample.Source, [], And(sample.Filter, condition), sample.Span));

    private static QueryMetric Column(string name, BoundAggregate aggregate) =>
        new(Prefix + name, aggregate, Meaning.Of(Unit.Count), false, aggregate.Span);

    private static BoundExpression Between(BoundExpression value, decimal low, decimal high) =>
        new BoundBetween(value, new BoundLiteral(low, Dsl.Model.ValueType.Decimal, value.Span), new BoundLiteral(high, Dsl.Model.ValueType.Decimal, value.Span), value.Span);

    private static BoundExpression? And(BoundExpression? left, BoundExpression? right) =>
        left is null ? right : right is null ? left : new BoundBinary(BinaryOperator.And, left, right, Dsl.Model.ValueType.Boolean, left.Span);
}
