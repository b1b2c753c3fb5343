namespace CxReports.Dsl.Model;

/// <summary>What a period is compared with: the period of equal length just before it, or the same period a year earlier.</summary>
public enum Baseline { Period, Year }
