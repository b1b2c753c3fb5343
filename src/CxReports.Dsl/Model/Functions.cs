namespace CxReports.Dsl.Model;

/// <summary>What an aggregate reads: a row value, a whole source (<c>count(src)</c>), or a condition (<c>share</c>).</summary>
public enum AggregateInput { Value, Source, SourceOrValue, Condition }

/// <summary>What a source must declare for an aggregate to apply to it.</summary>
public enum SourceRequirement { None, Lifecycle, Recurring }

/// <summary>What a number means, for rendering and for checks (ratios of counts, percentages...).</summary>
public enum Unit { None, Count, Score, Percent, Currency, Ratio, Hours, Days }

/// <summary>
/// One entry of the metric library: name, what it reads, its unit, whether a rise is good news, whether its value has
/// its argument's unit (a median of hours is hours), and its value in a bucket without rows (0 for counts and sums,
/// null for everything else), and whether it is a snapshot: a value at a moment (customers active) rather than a
/// flow during the bucket (new customers, revenue of the month), and the test that tells whether a change of its value
/// between two periods is more than noise (null: none applies). How it lowers to SQL lives with the engine's dialects (AggregateLowering, keyed by
/// this name; a test plans every entry on each dialect).
/// </summary>
public sealed record AggregateFunction(
    string Name,
    AggregateInput Input,
    Unit Unit,
    bool ZeroWhenEmpty,
    SourceRequirement Requires = SourceRequirement.None,
    bool NumericInput = true,
    bool TakesPercentile = false,
    bool Monthly = false,
    Direction Direction = Direction.Neutral,
    bool KeepsValueUnit = false,
    string Summary = "",
    string? MarginOf = null,
    bool Snapshot = false,
    SignificanceTest? Test = null)
{
    /// <summary>What its values mean wherever they are shown (the unit's decimals and relative-change rule).</summary>
    public Meaning Meaning => Meaning.Of(Unit, Direction);
}

/// <summary>Functions computed per row, usable inside aggregates, conditions and dimensions; the unit of their values.</summary>
public sealed record RowFunction(string Name, int MinArguments, int MaxArguments, string Summary, Unit Unit = Unit.None)
{
    public ValueType ResultType(IReadOnlyList<BoundExpression> arguments) => Name switch
    {
        "hours" or "days" => ValueType.Decimal,
        "year" or "month_of" => ValueType.Integer,
        "bucket" => ValueType.Text,
        "coalesce" => arguments.Count > 0 ? arguments[0].Type : ValueType.Unknown,
        _ => ValueType.Unknown,
    };
}
