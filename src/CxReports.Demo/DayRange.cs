namespace CxReports.Demo;

/// <summary>A delay of <see cref="First"/> days or up to <see cref="Count"/> - 1 days more, each equally likely.</summary>
internal readonly record struct DayRange(int First, int Count);
