using CxReports.Engine.Results;
using CxReports.Dsl.Model;
using CxReports.Engine.Planning;

namespace CxReports.Rendering.Formatting;

/// <summary>How wide a time bucket is, as a reader names it (a month "Nov 2025", a quarter "Q4 2025", a day "3 Nov 2025").</summary>
public enum TimeGrain { Day, Week, Month, Quarter, Year }

/// <summary>The grain a result column states; a column without one (a date field) shows whole dates.</summary>
public static class TimeGrains
{
    public static TimeGrain Of(ResultColumn column) => column.Grain switch
    {
        TimeUnit.Month => TimeGrain.Month,
        TimeUnit.Quarter => TimeGrain.Quarter,
        TimeUnit.Year => TimeGrain.Year,
        TimeUnit.Week => TimeGrain.Week,
        _ => TimeGrain.Day,
    };
}
