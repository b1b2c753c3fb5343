namespace CxReports.Engine.Planning.SqlTree;

/// <summary>How a join pairs rows.</summary>
public enum SqlJoinKind { Left, Full, Cross }
