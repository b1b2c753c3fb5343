using CxReports.Dsl.Model;

namespace CxReports.Engine.Dialects;

/// <summary>
/// What differs between SQL engines, and nothing else: the planner writes every engine-specific construct
/// through this interface, so a second engine (PostgreSQL) is a second implementation, not a rewrite.
/// </summary>
public interface ISqlDialect
{
    string Name { get; }

    /// <summary>The first day of the unit containing a date expression, as a DATE.</summary>
    string Truncate(TimeUnit unit, string dateExpression);

    /// <summary>
    /// What rows are grouped by to fall into units of a date: one value per unit, which may be cheaper to compute per
    /// row than the unit's first day (<see cref="UnitKeyFirstDay"/> makes it that day over the grouped rows).
    /// </summary>
    string UnitKey(TimeUnit unit, string dateExpression);

    /// <summary>The first day (a DATE) of the unit a <see cref="UnitKey"/> stands for; null where the key is that day.</summary>
    string? UnitKeyFirstDay(TimeUnit unit, string keyExpression);

    /// <summary>
    /// The local calendar date (a DATE) of an instant (a TIMESTAMPTZ) in the given zone, whose offsets around the
    /// period the planner has worked out (<paramref name="offsets"/>): a dialect may use them as arithmetic instead
    /// of the engine's conversion, but must convert instants outside their range itself.
    /// </summary>
    string LocalDate(string instantExpression, string timeZoneParameter, ZoneOffsets offsets);

    /// <summary>
    /// The instant (a TIMESTAMPTZ) at which a local calendar day begins in the given zone, so that "the local date
    /// lies in [a, b]" becomes a range of instants a stored timestamp is compared with as it is, row by row,
    /// instead of converting every row to its local date first.
    /// </summary>
    string LocalDayStart(string dateExpression, string timeZoneParameter);

    /// <summary>A date plus a whole number of units.</summary>
    string AddUnits(string dateExpression, TimeUnit unit, int count);

    /// <summary>One row per bucket start from <paramref name="fromParameter"/> to <paramref name="toParameter"/> (dates), aliased <c>bucket</c>.</summary>
    string BucketSeries(TimeUnit unit, string fromParameter, string toParameter);

    /// <summary>Linear-interpolation quantile (p in 0..1), filtered.</summary>
    string Quantile(string value, string fraction, string filter);

    /// <summary>The value of <paramref name="value"/> at the largest (or smallest) <paramref name="order"/>.</summary>
    string ValueAt(string value, string order, bool last, string filter);

    /// <summary>Division that is null, never an error or infinity, when the divisor is 0 or null.</summary>
    string SafeDivide(string numerator, string denominator);

    /// <summary>Fractional hours or days of a difference of two dates or timestamps.</summary>
    string Elapsed(string difference, double secondsPerUnit);

    /// <summary>Fractional hours or days from one instant to a later one: <see cref="Elapsed"/> of two timestamps.</summary>
    string ElapsedBetweenInstants(string later, string earlier, double secondsPerUnit);

    /// <summary>
    /// Where <see cref="ElapsedBetweenInstants"/> is a whole number divided by a constant, the two: a quantile of
    /// the whole numbers divided once is the same value rounded once, and is cheaper to select. Null where it is not.
    /// </summary>
    (string Whole, string Divisor)? ElapsedBetweenInstantsParts(string later, string earlier, double secondsPerUnit);

    /// <summary>The n-th bound parameter placeholder (1-based).</summary>
    string Parameter(int index);

    /// <summary>
    /// A text expression compared and sorted by its bytes, for a grouping key whose order does not matter: equality
    /// is the same, but a sort-based grouping needs no locale-aware comparison.
    /// </summary>
    string Bytewise(string textExpression);

    /// <summary>Equality that treats two nulls as equal (null dimension values form one group).</summary>
    string SameValue(string left, string right);
}
