using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Dsl.Text;
using CxReports.Engine.Dialects;
using CxReports.Engine.Planning;

namespace CxReports.Engine.Tests.Planning;

/// <summary>
/// The planner walks metric expressions with the metrics they use written out. The binder refuses anything deeper
/// than its limits (CXR031), so a deeper tree can only come from code that skips it; the planner still stops at a
/// fixed depth with a <see cref="PlanningException"/> naming the place, where it used to overflow the stack.
/// </summary>
public class NestingGuardTests
{
    private static readonly SemanticModel Model = ModelBinder.Compile([new SourceFile("m.cxr", """
        source responses from "r.csv" {
          key id
          time at: timestamp
          column score: integer
        }
        metric n = count(responses)
        """)]).Model!;

    private static PlannedQuery Plan(BoundExpression metric) =>
        new QueryPlanner(new PlanContext(Model, DuckDbDialect.Instance,
                ResolvedPeriod.Of(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), new DateOnly(2025, 12, 31)),
                "UTC", new Dictionary<string, object?>(), []))
            .Plan(new BoundQuery([new QueryMetric("deep", metric, Meaning.None, false, metric.Span)], [], null, null, metric.Span));

    private static BoundExpression Negations(int count)
    {
        var span = new SourceSpan("q.cxr", 4, 1, 5, 1);
        BoundExpression expression = new BoundMetricReference("n", span);
        for (var i = 0; i < count; i++) expression = new BoundUnary(UnaryOperator.Negate, expression, Dsl.Model.ValueType.Number, span);
        return expression;
    }

    [Fact]
    public void A_metric_tree_far_deeper_than_the_binder_allows_is_a_planning_error_at_its_position_not_a_stack_overflow()
    {
        var error = Assert.Throws<PlanningException>(() => OnOneMebibyteStack(() => Plan(Negations(100_000))));

        Assert.StartsWith("q.cxr:1:5: the expression nests more than 350 levels deep with the metrics and dimensions it uses written out (CXR031)", error.Message);
    }

    [Fact]
    public void A_metric_tree_at_the_binder_limit_plans()
    {
        var planned = OnOneMebibyteStack(() => Plan(Negations(249)));

        Assert.Contains("count", planned.Sql, StringComparison.OrdinalIgnoreCase);
    }

    private static T OnOneMebibyteStack<T>(Func<T> step)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = step();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, 1024 * 1024);
        thread.Start();
        thread.Join();
        return failure is null ? result : throw failure;
    }
}
