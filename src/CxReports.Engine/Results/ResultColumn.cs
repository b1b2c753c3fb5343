using CxReports.Dsl.Model;

namespace CxReports.Engine.Results;

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

    /// <summary>
    /// For a column the engine adds itself (a score list's <c>score</c> and <c>band</c>), the key of the renderer's
    /// word that heads it in the report's language ("Puan", "Durum"); null otherwise.
    /// </summary>
    public string? Word { get; init; }

    /// <summary>For a margin of error, the column of the same table it is the margin of (drawn as a band around it); null otherwise.</summary>
    public string? MarginOf { get; init; }

    /// <summary>
    /// For a text column whose values have an order of their own (the bands of <c>bucket(...)</c>, a column's
    /// <c>in</c> list), the values in that order; rows sort by it rather than alphabetically. Null otherwise.
    /// </summary>
    public IReadOnlyList<string>? DeclaredOrder { get; init; }

    /// <summary>The name documents show for each code of the column (its source's <c>labels</c>), by <see cref="ValueKey"/>; null when none.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>The label of a value, or null when the column has none for it (the value is shown as it is).</summary>
    public string? LabelOf(object? value) =>
        Labels is not null && ValueKey.Of(value) is { } key && Labels.TryGetValue(key, out var label) ? label : null;
}
