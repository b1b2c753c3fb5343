using CxReports.Engine.Planning;

namespace CxReports.Engine.Reports;

/// <summary>
/// How <c>cxr explain</c> shows planned statements, the one place that writes it: each statement's SQL ended by a
/// semicolon, then its bound values in placeholder order (a report's statements each under its block's id; one that
/// computes several blocks, <see cref="Planning.SharedScan"/>, under their ids joined by <c>+</c>).
/// </summary>
public static class ExplainText
{
    /// <summary>Every block's statement, in report order, a blank line after each.</summary>
    public static string Of(IEnumerable<(string Block, PlannedQuery Plan)> blocks) =>
        string.Concat(blocks.Select(b => $"-- block {b.Block}\n{Of(b.Plan)}\n\n"));

    /// <summary>One statement and its parameters.</summary>
    public static string Of(PlannedQuery plan) =>
        $"{plan.Sql};\n-- parameters: " + string.Join(", ", plan.Parameters.Select((p, i) => $"${i + 1} = {ParamValues.Show(p)}"));
}
