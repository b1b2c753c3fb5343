namespace CxReports.Demo;

/// <summary>What <see cref="DemoDataGenerator.Generate"/> wrote.</summary>
/// <param name="RowsPerFile">Data rows per file (header and blank lines not counted), keyed by the path relative to the output directory with <c>/</c> separators.</param>
/// <param name="From">First day of the period.</param>
/// <param name="To">Last day of the period (the end date).</param>
/// <param name="ProgrammeStart">First day of the month the CX programme starts (the period's ninth month).</param>
public sealed record DemoSummary(IReadOnlyDictionary<string, int> RowsPerFile, DateOnly From, DateOnly To, DateOnly ProgrammeStart);
