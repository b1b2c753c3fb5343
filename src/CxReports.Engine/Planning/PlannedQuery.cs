using CxReports.Dsl.Binding.Model;

namespace CxReports.Engine.Planning;

/// <summary>A column of a result: its name as written, what it holds and what its numbers mean.</summary>
public sealed record ResultColumn(string Name, ColumnType Type, Unit Unit = Unit.None);

/// <summary>What a result column holds.</summary>
public enum ColumnType { Text, Number, Integer, Date, Boolean }

/// <summary>One SQL statement with its bound parameter values and the columns it returns.</summary>
public sealed record PlannedQuery(string Sql, IReadOnlyList<object?> Parameters, IReadOnlyList<ResultColumn> Columns);
