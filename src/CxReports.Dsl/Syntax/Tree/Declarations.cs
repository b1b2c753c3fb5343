using System.Collections.Immutable;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Syntax.Tree;

/// <summary>One parsed <c>.cxr</c> file: its declarations and, for the formatter, its comments.</summary>
public sealed record SyntaxFile(SourceFile Source, ImmutableArray<Declaration> Declarations, ImmutableArray<Comment> Comments);

/// <summary>A <c># ...</c> comment, kept so that <c>cxr fmt</c> loses none.</summary>
public sealed record Comment(string Text) : SyntaxNode;

/// <summary>A top-level, globally named definition.</summary>
public abstract record Declaration(Name Name) : SyntaxNode
{
    /// <summary>The keyword that introduces it, as used in messages (<c>source</c>, <c>metric</c>, ...).</summary>
    public abstract string Keyword { get; }
}

/// <summary><c>metric NAME ["label"] = EXPR [where COND] [per month] [{ meaning }]</c>.</summary>
public sealed record MetricDeclaration(Name Name, StringLiteral? Label, Expression Value, Expression? Where, Name? Per)
    : Declaration(Name)
{
    public override string Keyword => "metric";

    /// <summary>What its values mean where the function's defaults do not fit; empty without a block.</summary>
    public ImmutableArray<MeaningItem> Meaning { get; init; } = [];

    /// <summary>Whether it was written with a meaning block (<c>{ }</c> included, so the formatter keeps it).</summary>
    public bool HasMeaningBlock { get; init; }
}

/// <summary><c>score NAME for SOURCE { components and bands }</c>.</summary>
public sealed record ScoreDeclaration(Name Name, Name Entity, ImmutableArray<ScoreComponent> Components, ImmutableArray<ScoreBand> Bands)
    : Declaration(Name)
{
    public override string Keyword => "score";
}

/// <summary><c>usage ["Label"] weight 40 = count(events) within 30 days scale 0 .. 20 [label "LOCALE" "TEXT"]</c>.</summary>
public sealed record ScoreComponent(Name Name, NumberLiteral Weight, Expression Value, DurationLiteral? Within, Expression ScaleFrom, Expression ScaleTo) : SyntaxNode
{
    /// <summary>The readable name documents show for it (<c>usage "Kullanım" weight 40</c>), if written.</summary>
    public StringLiteral? Label { get; init; }

    /// <summary>Its labels for other locales (<c>label "en" "Usage"</c>), as written.</summary>
    public ImmutableArray<LabelItem> LocaleLabels { get; init; } = [];
}

/// <summary><c>band healthy ["Label"] >= 70 [label "LOCALE" "TEXT"]</c>, or a final <c>band at_risk</c> that takes the rest.</summary>
public sealed record ScoreBand(Name Name, BinaryOperator? Operator, Expression? Threshold) : SyntaxNode
{
    /// <summary>The readable name documents show for the band's value (<c>band at_risk "Risk altında"</c>), if written.</summary>
    public StringLiteral? Label { get; init; }

    /// <summary>Its labels for other locales (<c>label "en" "At risk"</c>), as written.</summary>
    public ImmutableArray<LabelItem> LocaleLabels { get; init; } = [];
}

/// <summary>
/// <c>scenario NAME { retain ..., value ..., horizon ... }</c>: each line a keyword and its values, or a
/// <c>measure against previous period</c> line.
/// </summary>
public sealed record ScenarioDeclaration(Name Name, ImmutableArray<Setting> Settings, ImmutableArray<ScenarioMeasure> Measures) : Declaration(Name)
{
    public override string Keyword => "scenario";
}

/// <summary><c>measure against previous period</c>: the scenario also states the programme's effect measured against that baseline.</summary>
public sealed record ScenarioMeasure(Name Baseline) : SyntaxNode;

/// <summary>A keyword followed by comma-separated values and an optional rate unit: <c>retain 1, 5 per month</c>.</summary>
public sealed record Setting(Name Keyword, ImmutableArray<Expression> Values, Name? Per) : SyntaxNode;
