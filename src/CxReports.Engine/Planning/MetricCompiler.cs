using System.Globalization;
using CxReports.Engine.Dialects;
using CxReports.Dsl.Model;

namespace CxReports.Engine.Planning;

/// <summary>
/// Turns metric expressions into SQL over aggregate columns. A metric composed of other metrics is computed per
/// bucket from its parts; a monthly quantity (<c>per month</c>, revenue) at a coarser grain is the mean of its
/// months, so its expression is evaluated per month first (<see cref="MonthlyColumns"/>) and averaged.
/// </summary>
public sealed class MetricCompiler(PlanContext context, TimeUnit? grain)
{
    public const string MonthlyTable = "monthly";
    public const string RollupTable = "monthly_rollup";

    private readonly List<Atom> _atoms = [];
    private readonly List<(string Column, string Sql)> _monthly = [];
    private readonly HashSet<string> _names = [];

    public IReadOnlyList<Atom> Atoms => _atoms;

    /// <summary>Month-level expressions, averaged into the query's buckets by the rollup table.</summary>
    public IReadOnlyList<(string Column, string Sql)> MonthlyColumns => _monthly;

    /// <summary>Whether month-level evaluation differs from the query grain (else monthly metrics are read directly).</summary>
    private bool AverageMonths => grain != TimeUnit.Month;

    /// <summary>
    /// The SQL of one metric; a snapshot taken <paramref name="at"/> the end reads the entities at the period's
    /// effective end (<see cref="ResolvedPeriod.EffectiveEnd"/>) instead of at each bucket's start.
    /// </summary>
    public string Compile(BoundExpression expression, string name, Moment? at = null)
    {
        _atEnd = at == Moment.End;
        return Compile(expression, name, atMonth: false);
    }

    private bool _atEnd;

    private readonly NestingGuard _nesting = new();

    private string Compile(BoundExpression expression, string name, bool atMonth) =>
        _nesting.Deeper(expression, () => CompileNode(expression, name, atMonth));

    private string CompileNode(BoundExpression expression, string name, bool atMonth) => expression switch
    {
        BoundLiteral { Value: decimal d } => d.ToString(CultureInfo.InvariantCulture),
        BoundMetricReference r => Reference(context.Model.Metrics[r.Metric], atMonth),
        BoundAggregate a when a.Function.Monthly && !atMonth && AverageMonths => MonthlyAverage(a, name),
        BoundAggregate a => AtomColumn(a, name, atMonth),
        BoundBinary { Operator: BinaryOperator.Divide } b =>
            context.Dialect.SafeDivide(Compile(b.Left, name, atMonth), Compile(b.Right, name, atMonth)),
        BoundBinary b => $"({Compile(b.Left, name, atMonth)} {Symbol(b.Operator)} {Compile(b.Right, name, atMonth)})",
        BoundUnary u => $"(-{Compile(u.Operand, name, atMonth)})",
        BoundLtv l => Ltv(l, name, atMonth),
        _ => throw new ArgumentOutOfRangeException(nameof(expression), expression.GetType().Name, "not a metric expression"),
    };

    private string Reference(MetricModel metric, bool atMonth) =>
        metric.PerMonth && !atMonth && AverageMonths
            ? MonthlyAverage(metric.Expression, metric.Name)
            : Compile(metric.Expression, metric.Name, atMonth);

    /// <summary>The mean over the months of the bucket of an expression evaluated on each month alone (nulls skipped).</summary>
    private string MonthlyAverage(BoundExpression expression, string name)
    {
        var sql = Compile(expression, name, atMonth: true);
        var existing = _monthly.FindIndex(m => m.Sql == sql);
        var column = existing >= 0 ? _monthly[existing].Column : Unique(name + "_monthly");
        if (existing < 0) _monthly.Add((column, sql));
        return $"{Sql.Identifier(RollupTable)}.{Sql.Identifier(column)}";
    }

    private string AtomColumn(BoundAggregate aggregate, string name, bool atMonth)
    {
        if (aggregate.Function.Name == "retention")
            throw new PlanningException($"'retention' is shown by a cohort block (cohort {aggregate.Source} by month over 12), not as a number");
        var atomGrain = atMonth ? TimeUnit.Month : grain;
        var atEnd = _atEnd && aggregate.Function.Snapshot;
        var atom = _atoms.FirstOrDefault(a => ReferenceEquals(a.Aggregate, aggregate) && a.Grain == atomGrain && a.AtEnd == atEnd);
        if (atom is null)
        {
            atom = new Atom(Unique(atEnd ? name + "_at_end" : name), aggregate, atomGrain) { AtEnd = atEnd };
            _atoms.Add(atom);
        }
        var column = $"{Sql.Identifier(atom.Table)}.{Sql.Identifier(atom.Column)}";
        return aggregate.Function.ZeroWhenEmpty ? $"coalesce({column}, 0)" : column;
    }

    /// <summary>LTV = (v * g - k) / (c/100 + r), r the monthly rate of the yearly discount; null when c = 0 and r = 0.</summary>
    private string Ltv(BoundLtv ltv, string name, bool atMonth)
    {
        var value = Compile(ltv.Value, name, atMonth);
        var churn = Compile(ltv.Churn, name, atMonth);
        var margin = Compile(ltv.Margin, name, atMonth);
        var cost = ltv.Cost is null ? "0" : Compile(ltv.Cost, name, atMonth);
        var rate = ltv.YearlyDiscount is null ? "0" : $"(power(1 + {Compile(ltv.YearlyDiscount, name, atMonth)}, 1.0 / 12) - 1)";
        return context.Dialect.SafeDivide($"({value} * {margin} - {cost})", $"({churn} / 100.0 + {rate})");
    }

    private string Unique(string name)
    {
        // Columns read like the metrics they serve: `count(churns)` becomes count_churns.
        name = System.Text.RegularExpressions.Regex.Replace(name, @"[^\p{L}\p{N}_]+", "_").Trim('_');
        var candidate = name;
        for (var i = 2; !_names.Add(candidate); i++) candidate = $"{name}_{i}";
        return candidate;
    }

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+", BinaryOperator.Subtract => "-", BinaryOperator.Multiply => "*",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not arithmetic"),
    };
}

/// <summary>A query that is valid CXR but cannot be planned as asked; the message says what to write instead.</summary>
public sealed class PlanningException(string message) : Exception(message);
