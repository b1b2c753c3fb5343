namespace CxReports.Engine.Reports;

/// <summary>
/// How far the data a report reads reaches: each source's last day with data (sources without a time field have
/// none and are not listed), and the day the period's figures were clipped to when the period runs past the data
/// (null when it does not). <see cref="Through"/> is the earliest source's last day: the report's data end.
/// </summary>
public sealed record ReportFreshness(IReadOnlyDictionary<string, DateOnly> Sources, DateOnly? ClippedTo)
{
    public static ReportFreshness None { get; } = new(new Dictionary<string, DateOnly>(), null);

    public DateOnly? Through => Sources.Count == 0 ? null : Sources.Values.Min();

    /// <summary>What a document calls each source in the report's locale: its label, where it has one (else its name).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The name a document shows for <paramref name="source"/>.</summary>
    public string Shown(string source) => Labels.GetValueOrDefault(source) ?? source;
}
