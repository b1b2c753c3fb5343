using CxReports.Engine.Results;

namespace CxReports.Engine.Reports;

/// <summary>The evaluated-report document of architecture.md: every block as one table (or text), in sections.</summary>
public sealed record EvaluatedReport(
    string Report,
    string Title,
    string? Description,
    DateTimeOffset GeneratedAt,
    DateOnly From,
    DateOnly To,
    string? Grain,
    string TimeZone,
    string Locale,
    IReadOnlyDictionary<string, object?> Params,
    string DataVersion,
    IReadOnlyList<EvaluatedSection> Sections)
{
    /// <summary>Where the data read ends, and whether the period's figures were clipped to it.</summary>
    public ReportFreshness Freshness { get; init; } = ReportFreshness.None;
}

/// <summary>A titled group of evaluated blocks.</summary>
public sealed record EvaluatedSection(string Title, IReadOnlyList<EvaluatedBlock> Blocks);

/// <summary>One block: its id, kind (kpi, table, chart, cohort, scores, scenario, text), title, and table or text.</summary>
public sealed record EvaluatedBlock(string Id, string Type, string? Title, ResultTable? Table, string? Text = null, string? Chart = null);
