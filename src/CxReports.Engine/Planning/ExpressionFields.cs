using CxReports.Dsl.Model;

namespace CxReports.Engine.Planning;

/// <summary>What a row expression reads: whether every field in it passes a test (rollups read only fields they hold).</summary>
public static class ExpressionFields
{
    /// <summary>
    /// Whether every field <paramref name="expression"/> reads passes <paramref name="allowed"/>; a report
    /// parameter passes when <paramref name="parameters"/> is set (its value is known only when a report runs).
    /// </summary>
    public static bool All(BoundExpression expression, Func<BoundField, bool> allowed, bool parameters = true) => expression switch
    {
        BoundLiteral => true,
        BoundParameter => parameters,
        BoundField f => allowed(f),
        BoundBinary b => All(b.Left, allowed, parameters) && All(b.Right, allowed, parameters),
        BoundUnary u => All(u.Operand, allowed, parameters),
        BoundIn i => All(i.Value, allowed, parameters) && i.Items.All(x => All(x, allowed, parameters)),
        BoundBetween b => All(b.Value, allowed, parameters) && All(b.Low, allowed, parameters) && All(b.High, allowed, parameters),
        BoundRowCall c => c.Arguments.All(a => All(a, allowed, parameters)),
        _ => false,
    };
}
