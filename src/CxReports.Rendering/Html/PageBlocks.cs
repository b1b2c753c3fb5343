namespace CxReports.Rendering.Html;

/// <summary>A titled group of blocks on the report page.</summary>
public sealed record PageSection(string Title, IReadOnlyList<PageBlock> Blocks);

/// <summary>One block of the report page, as the PDF shows it: its id (the CSV download names it), title and content.</summary>
public abstract record PageBlock(string Id, string? Title);

/// <summary>A paragraph the report's author wrote, or the renderer's "no data" note.</summary>
public sealed record PageText(string Id, string? Title, string Text, bool IsNote) : PageBlock(Id, Title);

/// <summary>KPI tiles with their comparison to the previous period.</summary>
public sealed record PageKpis(string Id, string? Title, IReadOnlyList<PageTile> Tiles) : PageBlock(Id, Title);

/// <summary>A table (also a scores list); <see cref="Note"/> explains partial buckets.</summary>
public sealed record PageTableBlock(string Id, string? Title, PageTable Table, string? Note) : PageBlock(Id, Title);

/// <summary>
/// A chart: the data the script draws (<see cref="PageChart"/>, embedded as JSON), the notes the PDF prints under it,
/// and the same numbers as a table for readers without the chart (screen readers, print).
/// </summary>
public sealed record PageChartBlock(string Id, string? Title, PageChart Chart, IReadOnlyList<string> Notes, PageTable Numbers) : PageBlock(Id, Title);

/// <summary>A cohort retention heatmap.</summary>
public sealed record PageHeatmap(string Id, string? Title, string LabelHeader, string SizeHeader, string ColumnsCaption, string BlankNote,
    IReadOnlyList<string> Columns, IReadOnlyList<PageHeatmapRow> Rows) : PageBlock(Id, Title);

/// <summary>One cohort: its label, size, and a cell per month (null where not observable).</summary>
public sealed record PageHeatmapRow(string Label, string Size, IReadOnlyList<PageHeatmapCell?> Cells);

/// <summary>A heatmap cell: the printed share and its shade step, 0 (lightest) to <see cref="PageHeatmapCell.Steps"/> - 1.</summary>
public sealed record PageHeatmapCell(string Text, int Shade)
{
    public const int Steps = 10;
}

/// <summary>
/// A scenario: the measured effect (tiles and sentence) when it is measured, then the what-if grid with its note, or
/// the plain table when the scenario is not a retain-N grid.
/// </summary>
public sealed record PageScenario(string Id, string? Title, IReadOnlyList<PageTile> Measured, string? MeasuredSentence,
    PageMatrix? Grid, string? GridNote, PageTable? Table) : PageBlock(Id, Title);

/// <summary>The what-if grid: headings across (horizons and their cost) and down (retained a month), a cell per pair.</summary>
public sealed record PageMatrix(IReadOnlyList<PageHeading> Columns, IReadOnlyList<PageHeading> Rows, IReadOnlyList<IReadOnlyList<PageMatrixCell?>> Cells);

/// <summary>A heading with an optional second line.</summary>
public sealed record PageHeading(string Title, string? Detail);

/// <summary>A grid cell: the headline figure in its tone and detail lines under it.</summary>
public sealed record PageMatrixCell(string Headline, Tone Tone, IReadOnlyList<string> Details);

/// <summary>One KPI tile as the PDF prints it: label, value, change in its direction's tone, comparison line.</summary>
public sealed record PageTile(string Label, string Value, bool HasValue, string? Change, Tone Tone, string? Comparison);

/// <summary>A table as printed: column headers and cells, formatted in the report's locale.</summary>
public sealed record PageTable(IReadOnlyList<PageColumn> Columns, IReadOnlyList<IReadOnlyList<PageCell>> Rows);

/// <summary>A column header; numbers (and score bars) are right-aligned.</summary>
public sealed record PageColumn(string Header, bool Numeric, bool IsBar, bool IsBadge);

/// <summary>A cell: its text, a 0-100 bar value (scores), and its tone (a band's badge, a score's bar).</summary>
public sealed record PageCell(string Text, double? Bar = null, Tone? Tone = null);
