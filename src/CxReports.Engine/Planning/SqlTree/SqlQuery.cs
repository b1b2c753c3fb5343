namespace CxReports.Engine.Planning.SqlTree;

/// <summary>A statement or subquery the planner emits: a <see cref="SqlSelect"/>, a <see cref="SqlUnion"/> of them, or a dialect's own text.</summary>
public abstract record SqlQuery;
