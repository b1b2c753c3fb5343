namespace CxReports.Dsl.Model;

/// <summary>
/// The words of <see cref="TimeUnit"/> as CXR writes them and as documents, JSON and SQL name them (<c>month</c>):
/// one table, so a grain is spelt the same in a report file, an error message, a JSON document and a dialect's
/// <c>date_trunc</c>.
/// </summary>
public static class TimeUnitWords
{
    /// <summary>The grains a report or a query may be bucketed by, keyed by their word.</summary>
    public static IReadOnlyDictionary<string, TimeUnit> Grains { get; } =
        Enum.GetValues<TimeUnit>().ToDictionary(Word, unit => unit, StringComparer.Ordinal);

    /// <summary>The unit's word: <c>day</c>, <c>week</c>, <c>month</c>, <c>quarter</c>, <c>year</c>.</summary>
    public static string Word(this TimeUnit unit) => unit switch
    {
        TimeUnit.Day => "day",
        TimeUnit.Week => "week",
        TimeUnit.Month => "month",
        TimeUnit.Quarter => "quarter",
        TimeUnit.Year => "year",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };
}
