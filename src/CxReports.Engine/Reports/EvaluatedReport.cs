using CxReports.Dsl.Model;
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

/// <summary>
/// One block: its id, kind (kpi, table, chart, cohort, scores, scenario, text), title, and table or text; a measured
/// scenario also carries its measured effect (<see cref="MeasuredEffect"/>).
/// </summary>
public sealed record EvaluatedBlock(string Id, string Type, string? Title, ResultTable? Table, string? Text = null, ChartKind? Chart = null,
    ResultTable? Measured = null)
{
    /// <summary>What the block says when it has no rows, as the analyst wrote it (<c>empty "..."</c>); null: the renderer's default.</summary>
    public string? Empty { get; init; }
}
