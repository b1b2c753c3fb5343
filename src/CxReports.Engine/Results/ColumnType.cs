namespace CxReports.Engine.Results;

/// <summary>What a result column holds.</summary>
public enum ColumnType { Text, Number, Integer, Date, Boolean }
