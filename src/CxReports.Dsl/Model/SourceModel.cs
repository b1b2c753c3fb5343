using CxReports.Dsl.Text;

namespace CxReports.Dsl.Model;

/// <summary>The file formats a source can read.</summary>
public enum SourceFormat { Csv, Tsv, Parquet, Json, Ndjson }

/// <summary>A bound source: where its files are, how to read them and the typed fields it exposes.</summary>
public sealed record SourceModel(
    string Name,
    string Path,
    SourceFormat Format,
    SourceOptions Options,
    IReadOnlyList<FieldModel> Fields,
    SourceSpan Span)
{
    public FieldModel? Key => Fields.FirstOrDefault(f => f.Kind == FieldKind.Key);

    /// <summary>The first <c>time</c> field: the axis rows are bucketed on.</summary>
    public FieldModel? TimeAxis => Fields.FirstOrDefault(f => f.Kind == FieldKind.Time);

    public IEnumerable<FieldModel> Links => Fields.Where(f => f.Kind == FieldKind.Link);

    /// <summary>Whether only declared fields are loaded (any field declared) or every file column with detected types.</summary>
    public bool DeclaresColumns => Fields.Any(f => f.Kind != FieldKind.Dimension);

    public LifecycleModel? Lifecycle { get; init; }
    public RecurringModel? Recurring { get; init; }

    /// <summary>The readable name documents show for it (<c>source customers "Müşteriler" ... label "en" "Customers"</c>); none: its name.</summary>
    public LocalizedLabel Label { get; init; } = LocalizedLabel.None;

    public FieldModel? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

/// <summary>What a field is in its source.</summary>
public enum FieldKind { Key, Column, Time, Link, Dimension }

/// <summary>
/// A field of a source: its logical name, the file column it comes from, its type and the constraints checked
/// at load. A link is a field whose values are keys of <see cref="LinkTarget"/>; a dimension is derived by <see cref="Derivation"/>.
/// </summary>
public sealed record FieldModel(string Source, string Name, string FileColumn, FieldKind Kind, ValueType Type, SourceSpan Span)
{
    public string? Format { get; init; }
    /// <summary>The character between groups of three digits of a number (<c>thousands "."</c>), if the file writes one.</summary>
    public string? Thousands { get; init; }
    public bool Required { get; init; }
    public (decimal Low, decimal High)? Range { get; init; }
    public IReadOnlyList<object>? Choices { get; init; }
    /// <summary>The display name of each code (<c>labels ("fiyat" as "Fiyat")</c>), as written; null when none is declared.</summary>
    public IReadOnlyList<ValueLabelModel>? Labels { get; init; }
    public object? Default { get; init; }
    public string? LinkTarget { get; init; }
    public BoundExpression? Derivation { get; init; }
    /// <summary>The readable name documents show for it (<c>column city "Şehir" label "en" "City"</c>); none: its name.</summary>
    public LocalizedLabel Label { get; init; } = LocalizedLabel.None;
    /// <summary>Whether the type was written (<c>: integer</c>) rather than left to DuckDB's detection.</summary>
    public bool TypeDeclared { get; init; }
}

/// <summary>
/// <c>lifecycle start .. end</c>: the entity is a customer from its start until its end. The end is a field of this
/// source or, through a link pointing here, the earliest such date in another source (<c>churns.left_at</c>).
/// </summary>
public sealed record LifecycleModel(FieldModel Start, FieldModel? End, FieldModel? EndLink);

/// <summary><c>recurring amount per month where ...</c>: the rows that make up monthly recurring revenue.</summary>
public sealed record RecurringModel(FieldModel Amount, FieldModel Entity, BoundExpression? Where);

/// <summary>A code the data holds and the name documents show for it.</summary>
public sealed record ValueLabelModel(object Code, string Label);
