namespace CxReports.Engine.Planning;

/// <summary>
/// The frame of the result: every bucket × every dimension combination seen in the tables the metrics read, so a
/// bucket without rows still has its row (its metrics 0 or null as each metric's definition says).
/// </summary>
public sealed class BuildFramePass : IQueryPass
{
    public void Run(QueryPlan plan) => plan.Tables.Add(plan.Frame("frame", plan.Grain, plan.QueryLevel));
}
