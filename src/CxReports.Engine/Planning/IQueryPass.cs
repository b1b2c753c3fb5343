namespace CxReports.Engine.Planning;

/// <summary>One step of planning a query: reads what the passes before it added to the plan and adds its own part.</summary>
public interface IQueryPass
{
    void Run(QueryPlan plan);
}
