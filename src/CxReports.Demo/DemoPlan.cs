namespace CxReports.Demo;

/// <summary>Subscription plans, cheapest first so "upgrade" is the next value.</summary>
internal enum DemoPlan { Basic, Pro, Enterprise }
