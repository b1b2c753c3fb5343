namespace CxReports.Engine.Results;

/// <summary>One key rows are sorted on: a result column, or the engine's rank (<see cref="RowOrder.Rank"/>).</summary>
public sealed record RowSortKey(int Column, bool Descending);
