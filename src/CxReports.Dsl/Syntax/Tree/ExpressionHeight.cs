namespace CxReports.Dsl.Syntax.Tree;

/// <summary>
/// Measures how many levels an expression tree has, with an explicit stack instead of recursion, so that a tree
/// of any depth can be measured (and refused) before anything walks it recursively.
/// </summary>
public static class ExpressionHeight
{
    /// <summary>The direct subexpressions of a node, in written order.</summary>
    public static IEnumerable<Expression> Children(Expression expression) => expression switch
    {
        BinaryExpression b => [b.Left, b.Right],
        UnaryExpression u => [u.Operand],
        InExpression i => [i.Value, .. i.Items],
        BetweenExpression b => [b.Value, b.Low, b.High],
        CallExpression c => c.Arguments.Select(a => a.Value),
        _ => [],
    };

    /// <summary>
    /// The first node, leaves first, that has exactly <paramref name="max"/> + 1 levels (so it is the innermost
    /// place where the tree grows too deep), or null when the whole tree has at most <paramref name="max"/> levels.
    /// </summary>
    public static Expression? FirstBeyond(Expression root, int max)
    {
        var heights = new Dictionary<Expression, int>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Expression Node, bool ChildrenDone)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, childrenDone) = stack.Pop();
            if (!childrenDone)
            {
                stack.Push((node, true));
                foreach (var child in Children(node)) stack.Push((child, false));
                continue;
            }
            var height = 1 + Children(node).Select(c => heights[c]).DefaultIfEmpty(0).Max();
            if (height > max) return node;
            heights[node] = height;
        }
        return null;
    }

    /// <summary>Whether the tree has more than <paramref name="max"/> levels.</summary>
    public static bool Exceeds(Expression root, int max) => FirstBeyond(root, max) is not null;
}
