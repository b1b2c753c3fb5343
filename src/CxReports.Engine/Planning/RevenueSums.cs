namespace CxReports.Engine.Planning;

/// <summary>
/// The sums over a month's entity-months that every revenue measure is made of (ChartMogul/Stripe definitions,
/// metrics.md): MRR, paying accounts and their MRR, new, reactivation, expansion, contraction, churned, the month
/// before's MRR and what of it was kept or retained. One definition for the three places that sum them: the query
/// over invoices or over the entity-month rollup (<see cref="RevenueTable"/>) and the month totals made at load
/// (<see cref="RevenueTotals"/>).
/// </summary>
public static class RevenueSums
{
    /// <summary>Every sum, by the column name the month totals give it.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["mrr", "paying_mrr", "paying", "new_mrr", "reactivation", "expansion", "contraction", "churned", "previous", "kept", "retained"];

    /// <summary>
    /// The aggregate of sum <paramref name="name"/> over entity-months whose MRR is <paramref name="q"/>, whose MRR the
    /// month before is <paramref name="p"/>, whose first paid month is <paramref name="firstPaid"/> and whose month is
    /// <paramref name="month"/>.
    /// </summary>
    public static string Over(string name, string p, string q, string firstPaid, string month) => name switch
    {
        "mrr" => $"sum({q})",
        "paying_mrr" => $"sum({q}) FILTER (WHERE {q} > 0)",
        "paying" => $"count(*) FILTER (WHERE {q} > 0)",
        "new_mrr" => $"sum({q}) FILTER (WHERE {p} = 0 AND {q} > 0 AND {firstPaid} = {month})",
        "reactivation" => $"sum({q}) FILTER (WHERE {p} = 0 AND {q} > 0 AND {firstPaid} < {month})",
        "expansion" => $"sum({q} - {p}) FILTER (WHERE {p} > 0 AND {q} > {p})",
        "contraction" => $"sum({p} - {q}) FILTER (WHERE {q} > 0 AND {q} < {p})",
        "churned" => $"sum({p}) FILTER (WHERE {p} > 0 AND {q} = 0)",
        "previous" => $"sum({p}) FILTER (WHERE {p} > 0)",
        "kept" => $"sum(least({p}, {q})) FILTER (WHERE {p} > 0)",
        "retained" => $"sum({q}) FILTER (WHERE {p} > 0)",
        _ => throw new PlanningException($"'{name}' is not a revenue sum"),
    };
}
