namespace CxReports.Engine.Warehouse;

/// <summary>A report query ran past its time limit and was stopped.</summary>
public sealed class QueryTimeoutException(TimeSpan limit)
    : Exception($"the query took longer than {limit.TotalSeconds:0.#} s and was stopped (setting Warehouse:QueryTimeoutSeconds)");
