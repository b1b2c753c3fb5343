namespace CxReports.Dsl.Text;

/// <summary>
/// How deep and how large CXR expressions may be. Parser, binder, formatter and planner walk expressions
/// recursively, and a stack overflow ends the process (it cannot be caught), so every input is held to these
/// limits, each reported as a diagnostic at the place it is crossed, before anything recurses past them.
/// </summary>
public static class CxrLimits
{
    /// <summary>
    /// Levels of one written expression: a name or literal is one level; each operator, call, list, <c>-</c>,
    /// <c>not</c> and pair of parentheses adds one, so <c>1 + 2 + 3</c> is 3 levels and <c>((x))</c> 3.
    /// </summary>
    public const int MaxExpressionDepth = 100;

    /// <summary>Levels of an expression with the metrics and dimensions it uses written out in place.</summary>
    public const int MaxExpandedDepth = 250;

    /// <summary>Parts (names, literals, operators, calls) of an expression with its metrics and dimensions written out.</summary>
    public const int MaxExpandedSize = 10_000;
}
