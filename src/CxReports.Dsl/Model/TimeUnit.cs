namespace CxReports.Dsl.Model;

/// <summary>Calendar units of durations, grains, periods and rates.</summary>
public enum TimeUnit { Day, Week, Month, Quarter, Year }
