using CxReports.Dsl.Binding.Model;
using CxReports.Dsl.Syntax.Tree;

namespace CxReports.Engine.Planning;

/// <summary>
/// A column of a result: its name as written, what it holds and what its numbers mean (label, unit, decimals,
/// direction), so every document shows it the same way without guessing from the name.
/// </summary>
public sealed record ResultColumn(string Name, ColumnType Type, Meaning Meaning)
{
    /// <summary>A column whose numbers mean only their unit's defaults.</summary>
    public ResultColumn(string name, ColumnType type, Unit unit = Unit.None) : this(name, type, Meaning.Of(unit)) { }

    public Unit Unit => Meaning.Unit;

    /// <summary>For a time dimension, how wide its buckets are (each value is a bucket's first day); null otherwise.</summary>
    public TimeUnit? Grain { get; init; }

    /// <summary>
    /// For a snapshot taken once for the whole period (customers active, in a table without a time dimension), the day
    /// at whose end it was taken; null for flows and for snapshots taken per time bucket.
    /// </summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>For a text column of ranked values (a score's bands), the values from best to worst; null otherwise.</summary>
    public IReadOnlyList<string>? Levels { get; init; }

    /// <summary>For a margin of error, the column of the same table it is the margin of (drawn as a band around it); null otherwise.</summary>
    public string? MarginOf { get; init; }
}

/// <summary>What a result column holds.</summary>
public enum ColumnType { Text, Number, Integer, Date, Boolean }

/// <summary>One SQL statement with its bound parameter values and the columns it returns.</summary>
public sealed record PlannedQuery(string Sql, IReadOnlyList<object?> Parameters, IReadOnlyList<ResultColumn> Columns);
