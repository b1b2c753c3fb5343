namespace CxReports.Rendering.Pdf.Formatting;

/// <summary>How wide a time bucket is; a date column's name says it (month, week, quarter ...).</summary>
public enum TimeGrain { Day, Week, Month, Quarter, Year }

/// <summary>Reads the grain from a dimension column name as the engine writes it.</summary>
public static class TimeGrains
{
    public static TimeGrain FromColumn(string name) => name.ToLowerInvariant() switch
    {
        "month" or "cohort" => TimeGrain.Month,
        "quarter" => TimeGrain.Quarter,
        "year" => TimeGrain.Year,
        "week" => TimeGrain.Week,
        _ => TimeGrain.Day,
    };
}
