using System.Collections.Immutable;

namespace CxReports.Dsl.Syntax.Tree;

/// <summary><c>report NAME "Title" { members }</c>.</summary>
public sealed record ReportDeclaration(Name Name, StringLiteral? Title, ImmutableArray<ReportMember> Members) : Declaration(Name)
{
    public override string Keyword => "report";
}

/// <summary>A line inside a report body.</summary>
public abstract record ReportMember : SyntaxNode;

/// <summary><c>description "..."</c>, <c>grain month</c>, <c>timezone "..."</c>, <c>locale "..."</c>.</summary>
public sealed record ReportSetting(Setting Setting) : ReportMember;

/// <summary><c>period 2025-01-01 .. 2025-12-31</c> or a relative period.</summary>
public sealed record PeriodMember(Period Period) : ReportMember;

/// <summary>A report period as written.</summary>
public abstract record Period : SyntaxNode;

/// <summary><c>2025-01-01 .. 2025-12-31</c>.</summary>
public sealed record FixedPeriod(DateLiteral From, DateLiteral To) : Period;

/// <summary><c>last 12 months</c>, <c>last quarter</c>, <c>this year</c>: relative to the run date.</summary>
public sealed record RelativePeriod(Name Anchor, int? Count, TimeUnit Unit) : Period;

/// <summary><c>param NAME: type [= default] [in (choices)]</c>.</summary>
public sealed record ParamMember(Name Name, Name Type, Expression? Default, ImmutableArray<Expression> Choices) : ReportMember;

/// <summary><c>filter COND [unless COND]</c>.</summary>
public sealed record FilterMember(Expression Condition, Expression? Unless) : ReportMember;

/// <summary><c>schedule "cron" [timezone "zone"] { deliveries and options }</c>.</summary>
public sealed record ScheduleMember(StringLiteral Cron, StringLiteral? TimeZone, ImmutableArray<ScheduleItem> Items) : ReportMember
{
    public IEnumerable<Delivery> Deliveries => Items.OfType<Delivery>();
    public bool SkipWhenEmpty => Items.OfType<SkipWhenEmpty>().Any();
}

/// <summary>A line inside a schedule body.</summary>
public abstract record ScheduleItem : SyntaxNode;

/// <summary><c>skip when empty</c>: no delivery when the period has no data.</summary>
public sealed record SkipWhenEmpty : ScheduleItem;

/// <summary><c>email "a@b", "c@d" as pdf subject "..."</c>, <c>folder "cx" as pdf, json</c>, <c>webhook "url" as json</c>.</summary>
public sealed record Delivery(Name Kind, ImmutableArray<StringLiteral> Targets, ImmutableArray<Name> Formats, StringLiteral? Subject, StringLiteral? FileName) : ScheduleItem;

/// <summary><c>section "Title" { blocks }</c>.</summary>
public sealed record SectionMember(StringLiteral Title, ImmutableArray<Block> Blocks) : ReportMember;

/// <summary>
/// <c>metrics [by dimensions] [where COND] [order by KEY [asc|desc], ...] [top N [by X] [asc|desc]]</c>: shared by
/// blocks, the CLI and HTTP.
/// </summary>
public sealed record Query(ImmutableArray<Expression> Metrics, ImmutableArray<PathExpression> Dimensions, Expression? Where,
    ImmutableArray<OrderKey> Order, TopClause? Top) : SyntaxNode;

/// <summary>One key of <c>order by</c>: a column of the query (a metric or dimension as written), <c>desc</c> for largest or last first.</summary>
public sealed record OrderKey(Expression Column, bool Descending) : SyntaxNode;

/// <summary><c>top 20 [by monthly_fee] [asc|desc]</c>; largest first unless <c>asc</c>.</summary>
public sealed record TopClause(NumberLiteral Count, Expression? By, bool Ascending) : SyntaxNode;
