
namespace CxReports.Dsl.Model;

/// <summary>A whole number of calendar units (<c>30 days</c>, <c>1 quarter</c>).</summary>
public sealed record Duration(int Amount, TimeUnit Unit)
{
    /// <summary>The length in months, for units of a month or more; null for days and weeks.</summary>
    public int? Months => Unit switch
    {
        TimeUnit.Month => Amount,
        TimeUnit.Quarter => Amount * 3,
        TimeUnit.Year => Amount * 12,
        _ => null,
    };
}
