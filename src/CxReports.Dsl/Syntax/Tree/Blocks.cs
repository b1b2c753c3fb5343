using System.Collections.Immutable;

namespace CxReports.Dsl.Syntax.Tree;

/// <summary>A block of a report section; <see cref="Id"/> names it for JSON readers, <see cref="Title"/> heads it in the PDF.</summary>
public abstract record Block(Name? Id, StringLiteral? Title) : SyntaxNode
{
    public abstract string Keyword { get; }
}

/// <summary><c>kpi nps, csat compare previous period</c>.</summary>
public sealed record KpiBlock(Name? Id, StringLiteral? Title, ImmutableArray<Expression> Metrics, Name? Compare) : Block(Id, Title)
{
    public override string Keyword => "kpi";

    /// <summary>
    /// For each metric, the moment written after it (<c>at start</c>, <c>at end</c>) or null; empty when no metric has
    /// one.
    /// </summary>
    public ImmutableArray<Name?> Moments { get; init; } = [];
}

/// <summary><c>chart line nps by month, channel</c>.</summary>
public sealed record ChartBlock(Name Kind, Name? Id, StringLiteral? Title, Query Query) : Block(Id, Title)
{
    public override string Keyword => "chart";
}

/// <summary><c>table nps, responses_n by channel</c>.</summary>
public sealed record TableBlock(Name? Id, StringLiteral? Title, Query Query) : Block(Id, Title)
{
    public override string Keyword => "table";
}

/// <summary><c>cohort customers by month over 12</c>.</summary>
public sealed record CohortBlock(Name? Id, StringLiteral? Title, Name Source, Name Grain, NumberLiteral Over) : Block(Id, Title)
{
    public override string Keyword => "cohort";
}

/// <summary>
/// <c>scores health where band = "at_risk" top 20 by monthly_fee desc, loyalty desc show name, plan empty "..."</c>:
/// <see cref="ThenBy"/> are the tie-breaking keys after the top's, <see cref="Show"/> the scored source's fields
/// printed beside the entity, <see cref="Empty"/> the sentence an empty list prints.
/// </summary>
public sealed record ScoresBlock(Name? Id, StringLiteral? Title, Name Score, Expression? Where, TopClause? Top) : Block(Id, Title)
{
    public override string Keyword => "scores";

    public ImmutableArray<SortKey> ThenBy { get; init; } = [];

    public ImmutableArray<PathExpression> Show { get; init; } = [];

    public StringLiteral? Empty { get; init; }
}

/// <summary>A further key of a top list, <c>monthly_fee desc</c> (descending unless <c>asc</c>, as the top's own key).</summary>
public sealed record SortKey(Expression By, bool Ascending) : SyntaxNode;

/// <summary><c>scenario retention_roi</c>.</summary>
public sealed record ScenarioBlock(Name? Id, StringLiteral? Title, Name Scenario) : Block(Id, Title)
{
    public override string Keyword => "scenario";
}

/// <summary><c>text "..."</c>.</summary>
public sealed record TextBlock(Name? Id, StringLiteral Text) : Block(Id, null)
{
    public override string Keyword => "text";
}
