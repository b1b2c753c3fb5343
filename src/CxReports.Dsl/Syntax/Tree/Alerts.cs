using System.Collections.Immutable;

namespace CxReports.Dsl.Syntax.Tree;

/// <summary><c>alert NAME ["Label"] { when ..., min ..., significance ..., grain ..., check ..., notify ... }</c>.</summary>
public sealed record AlertDeclaration(Name Name, StringLiteral? Label, ImmutableArray<AlertMember> Members) : Declaration(Name)
{
    public override string Keyword => "alert";
}

/// <summary>A line inside an alert body.</summary>
public abstract record AlertMember : SyntaxNode
{
    /// <summary>The word the line starts with, as messages name it (<c>when</c>, <c>min</c>, ...).</summary>
    public abstract string Keyword { get; }
}

/// <summary><c>when METRIC [by DIM, ...] TEST</c>: what is watched, per value of the dimensions, and when it fires.</summary>
public sealed record AlertWhen(Expression Metric, ImmutableArray<PathExpression> Dimensions, AlertTest Test) : AlertMember
{
    public override string Keyword => "when";
}

/// <summary>What makes an alert fire: a change against an earlier period or a threshold.</summary>
public abstract record AlertTest : SyntaxNode;

/// <summary>
/// <c>drops|rises|changes [by] 5 points|10% [vs previous period|year]</c>: <see cref="Amount"/> is a
/// <see cref="NumberLiteral"/> for points (the metric's own unit) or a <see cref="PercentLiteral"/> for a relative change.
/// </summary>
public sealed record ChangeTest(Name Direction, Expression Amount, Name? Baseline) : AlertTest;

/// <summary><c>&gt; 3</c>, <c>&lt;= -10</c>: the value crosses a fixed line.</summary>
public sealed record ThresholdTest(BinaryOperator Operator, Expression Value) : AlertTest;

/// <summary><c>min METRIC N</c>: segments where the metric is below N (too few answers) are not judged.</summary>
public sealed record AlertMinimum(Expression Metric, NumberLiteral Count) : AlertMember
{
    public override string Keyword => "min";
}

/// <summary><c>significance 95%</c>: a change fires only when a test finds it significant at this level.</summary>
public sealed record AlertSignificance(Expression Level) : AlertMember
{
    public override string Keyword => "significance";
}

/// <summary><c>grain week</c>: the length of the compared periods (a month unless written).</summary>
public sealed record AlertGrain(Name Unit) : AlertMember
{
    public override string Keyword => "grain";
}

/// <summary><c>check "cron" [timezone "zone"]</c>: when the alert is evaluated.</summary>
public sealed record AlertCheck(StringLiteral Cron, StringLiteral? TimeZone) : AlertMember
{
    public override string Keyword => "check";
}

/// <summary><c>notify slack "url", email "a@b"</c>: where a firing and a return to normal are told.</summary>
public sealed record AlertNotify(ImmutableArray<AlertTarget> Targets) : AlertMember
{
    public override string Keyword => "notify";
}

/// <summary>One target of <c>notify</c>: a channel word and its address.</summary>
public sealed record AlertTarget(Name Channel, StringLiteral Address) : SyntaxNode;
