namespace CxReports.Dsl.Model;

/// <summary>Whether a rise in a metric is good news (churn, costs and waiting times are better when lower).</summary>
public enum Direction { Neutral, HigherIsBetter, LowerIsBetter }

/// <summary>
/// What a metric's numbers mean, carried from the catalog and the model to every document: the readable label,
/// the unit, the decimals it is shown with (null: as many as the values need for the unit), whether a rise is good
/// news, and whether a change may be stated relative to the earlier value (not for percentages, scores and ratios:
/// "+66.8%" of an NPS says nothing); for money the currency (ISO 4217, the model's <c>currency</c>), and whether the
/// value is a quantity per month (MRR, ARPA, a metric declared <c>per month</c>).
/// </summary>
public sealed record Meaning(string? Label, Unit Unit, int? Decimals, Direction Direction, bool RelativeChange,
    string? Currency = null, bool PerMonth = false)
{
    /// <summary>The defaults of a unit: counts whole, percentages and scores to one decimal, ratios to two.</summary>
    public static Meaning Of(Unit unit, Direction direction = Direction.Neutral, string? label = null) => new(
        label,
        unit,
        unit switch
        {
            Unit.Count => 0,
            Unit.Percent or Unit.Score or Unit.Hours or Unit.Days => 1,
            Unit.Ratio => 2,
            _ => null,
        },
        direction,
        unit is not (Unit.Percent or Unit.Score or Unit.Ratio));

    /// <summary>A number without a stated meaning.</summary>
    public static Meaning None { get; } = Of(Unit.None);
}
