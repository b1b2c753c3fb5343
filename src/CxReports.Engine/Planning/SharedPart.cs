using CxReports.Engine.Results;

namespace CxReports.Engine.Planning;

/// <summary>One query of a shared statement (<see cref="PlannedQuery.Parts"/>): the block it computes, its columns and its row order.</summary>
public sealed record SharedPart(string Block, IReadOnlyList<ResultColumn> Columns, RowOrder Order);
