using System.Collections.Immutable;

namespace CxReports.Dsl.Syntax.Tree;

/// <summary><c>source NAME from "path" [format csv] { members }</c>.</summary>
public sealed record SourceDeclaration(Name Name, StringLiteral Path, Name? Format, ImmutableArray<SourceMember> Members)
    : Declaration(Name)
{
    public override string Keyword => "source";

    /// <summary>The readable name documents show for it (<c>source customers "Müşteriler" from ...</c>), if written.</summary>
    public StringLiteral? Label { get; init; }

    /// <summary>Its labels for other locales (<c>label "en" "Customers"</c> after the path and format), as written.</summary>
    public ImmutableArray<LabelItem> LocaleLabels { get; init; } = [];
}

/// <summary>A line inside a source body.</summary>
public abstract record SourceMember : SyntaxNode;

/// <summary><c>options { delimiter ";" header true }</c>.</summary>
public sealed record OptionsMember(ImmutableArray<Setting> Settings) : SourceMember;

/// <summary>Which kind of field a line declares.</summary>
public enum FieldKind { Key, Column, Time }

/// <summary>
/// <c>column NAME ["Label"] [= "file column"] [: type [format "..."] [thousands "."]] constraints [label "LOCALE" "TEXT"]</c>;
/// also <c>key</c> and <c>time</c>.
/// </summary>
public sealed record FieldMember(FieldKind Kind, Name Name, StringLiteral? FileColumn, Name? Type, StringLiteral? Format, ImmutableArray<Constraint> Constraints)
    : SourceMember
{
    /// <summary>The character written between groups of three digits (<c>thousands "."</c>: 1.499,90), if any.</summary>
    public StringLiteral? Thousands { get; init; }

    /// <summary>The readable name documents show for it (<c>column city "Şehir"</c>), if written.</summary>
    public StringLiteral? Label { get; init; }

    /// <summary>Its labels for other locales (<c>label "en" "City"</c>), as written.</summary>
    public ImmutableArray<LabelItem> LocaleLabels { get; init; } = [];
}

/// <summary><c>link NAME [= file_column] -> TARGET [required]</c>.</summary>
public sealed record LinkMember(Name Name, StringLiteral? FileColumn, Name Target, bool Required) : SourceMember
{
    /// <summary>The readable name documents show for it (<c>link customer "Müşteri" = musteri_no -> customers</c>), if written.</summary>
    public StringLiteral? Label { get; init; }

    /// <summary>Its labels for other locales (<c>label "en" "Customer"</c> at the end of the line), as written.</summary>
    public ImmutableArray<LabelItem> LocaleLabels { get; init; } = [];
}

/// <summary><c>lifecycle start [.. end]</c>; the end may be a field of a linked source (<c>churns.left_at</c>).</summary>
public sealed record LifecycleMember(PathExpression Start, PathExpression? End) : SourceMember;

/// <summary><c>dimension NAME ["Label"] = EXPR [label "LOCALE" "TEXT"]</c>: a derived field to group by.</summary>
public sealed record DimensionMember(Name Name, Expression Value) : SourceMember
{
    /// <summary>The readable name documents show for it (<c>dimension age_band "Yaş grubu"</c>), if written.</summary>
    public StringLiteral? Label { get; init; }

    /// <summary>Its labels for other locales (<c>label "en" "Age band"</c>), as written.</summary>
    public ImmutableArray<LabelItem> LocaleLabels { get; init; } = [];
}

/// <summary><c>recurring FIELD per month [where COND]</c>: which rows are recurring revenue.</summary>
public sealed record RecurringMember(Name Field, Name Per, Expression? Where) : SourceMember;

/// <summary>A load-time constraint on a column.</summary>
public abstract record Constraint : SyntaxNode;

/// <summary><c>required</c>: no blank values.</summary>
public sealed record RequiredConstraint : Constraint;

/// <summary><c>range lo .. hi</c>, both ends included.</summary>
public sealed record RangeConstraint(Expression Low, Expression High) : Constraint;

/// <summary><c>in ("a", "b")</c>.</summary>
public sealed record InConstraint(ImmutableArray<Expression> Values) : Constraint;

/// <summary><c>labels ("fiyat" as "Fiyat", ...)</c>: the name documents show for each code the data holds.</summary>
public sealed record LabelsConstraint(ImmutableArray<ValueLabel> Labels) : Constraint;

/// <summary><c>"ozellik_talebi" as "Özellik talebi"</c>: one code and its display name.</summary>
public sealed record ValueLabel(Expression Code, StringLiteral Label) : SyntaxNode;

/// <summary><c>default v</c>: a blank becomes v.</summary>
public sealed record DefaultConstraint(Expression Value) : Constraint;
