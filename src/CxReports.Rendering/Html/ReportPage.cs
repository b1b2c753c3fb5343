using CxReports.Dsl.Model;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Pdf.Blocks;
using CxReports.Rendering.Pdf.Charts;
using CxReports.Rendering.Pdf.Compose;

namespace CxReports.Rendering.Html;

/// <summary>
/// An evaluated report shaped for a web page: every block the PDF has, with the PDF's texts. The composers that
/// format the PDF's tiles, tables, heatmap and grid format the page too, so labels, units, decimals, locale and
/// colours (as <see cref="Tone"/>s) are the same in both; only the drawing differs.
/// </summary>
public sealed record ReportPage(
    string Report,
    string Title,
    string? Description,
    string Language,
    string Meta,
    string? Freshness,
    string Footer,
    IReadOnlyList<PageSection> Sections,
    UiText Text)
{
    public static ReportPage Of(EvaluatedReport report)
    {
        var format = new ValueFormatter(report.Locale);
        var footer = $"{format.Text.Generated} {format.Moment(report.GeneratedAt, report.TimeZone)}  ·  {format.Text.DataVersion} {report.DataVersion}";
        return new ReportPage(report.Report, report.Title, report.Description, format.Culture.Name,
            ReportComposer.Meta(report, format), DataFreshness.Line(report.Freshness, format), footer,
            report.Sections.Select(s => new PageSection(s.Title, s.Blocks.Select(b => Block(b, format, report.Locale)).ToList())).ToList(),
            format.Text);
    }

    /// <summary>A page word (<c>page.apply</c>, ...) in the report's language.</summary>
    public string Word(string key) => Text.Words[key];

    private static PageBlock Block(EvaluatedBlock block, ValueFormatter format, string locale) => (block.Type, block.Table) switch
    {
        ("text", _) => new PageText(block.Id, null, block.Text ?? "", false),
        (_, null) => new PageText(block.Id, block.Title, format.Text.NoData, true),
        ("scores", { Rows.Count: 0 }) => new PageText(block.Id, block.Title, block.Empty ?? format.Text.EmptyList, false),
        (not "chart", { Rows.Count: 0 }) => new PageText(block.Id, block.Title, format.Text.NoData, true),
        ("kpi", var t) => new PageKpis(block.Id, block.Title, KpiComposer.Tiles(t, format).Select(Tile).ToList()),
        ("chart", var t) => Chart(block, t, format, locale),
        ("cohort", var t) => Heatmap(block, CohortComposer.Compose(t, format)),
        ("scores", var t) => new PageTableBlock(block.Id, block.Title, Table(ScoresComposer.Compose(t, format, block.Title)), null),
        ("scenario", var t) => Scenario(block, t, format),
        (_, var t) => new PageTableBlock(block.Id, block.Title, Table(TableComposer.Compose(t, format, block.Title)), PartialNote(t, format, "partial_table")),
    };

    private static PageChartBlock Chart(EvaluatedBlock block, ResultTable table, ValueFormatter format, string locale)
    {
        var data = ChartData.From(table, format);
        var notes = data.Notes.ToList();
        if (PartialNote(table, format, "partial_chart") is { } partial) notes.Add(partial);
        return new PageChartBlock(block.Id, block.Title, PageChart.Of(data, block.Chart ?? ChartKind.Line, format, locale), notes,
            Table(TableComposer.Compose(table, format, block.Title)));
    }

    private static string? PartialNote(ResultTable table, ValueFormatter format, string word) =>
        table.Partial is { } partial && partial.Any(p => p) ? format.Text.Words[word] : null;

    private static PageHeatmap Heatmap(EvaluatedBlock block, HeatmapBlock heatmap) => new(block.Id, block.Title,
        heatmap.Text.LabelHeader, heatmap.Text.SizeHeader, heatmap.Text.ColumnsCaption, heatmap.Text.BlankNote, heatmap.Columns,
        heatmap.Rows.Select(r => new PageHeatmapRow(r.Label, r.Size, r.Values.Select(v => v is { } value
            ? new PageHeatmapCell(heatmap.Percent(value, 1), (int)Math.Min(PageHeatmapCell.Steps - 1, Math.Floor(heatmap.ShadeOf(value) * PageHeatmapCell.Steps)))
            : null).ToList())).ToList());

    private static PageScenario Scenario(EvaluatedBlock block, ResultTable table, ValueFormatter format)
    {
        var measured = block.Measured is { Rows.Count: > 0 } m ? m : null;
        var tiles = measured is null ? [] : MeasuredEffectComposer.Tiles(measured, format).Select(Tile).ToList();
        var sentence = measured is null ? null : MeasuredEffectComposer.Sentence(measured, format);
        if (ScenarioComposer.Compose(table, format, measured is null ? null : MeasuredEffectComposer.KeptPerMonth(measured)) is not { } grid)
            return new PageScenario(block.Id, block.Title, tiles, sentence, null, null, Table(TableComposer.Compose(table, format, block.Title)));
        var cells = grid.Rows.Select((_, r) => (IReadOnlyList<PageMatrixCell?>)grid.Columns.Select((_, c) => grid.Cell(r, c) is { } cell
            ? new PageMatrixCell(cell.Headline, Tones.Of(cell.Color), cell.Details)
            : null).ToList()).ToList();
        var matrix = new PageMatrix(grid.Columns.Select(Heading).ToList(), grid.Rows.Select(Heading).ToList(), cells);
        return new PageScenario(block.Id, block.Title, tiles, sentence, matrix, format.Text.ScenarioNote, null);
    }

    private static PageHeading Heading(MatrixHeading heading) => new(heading.Title, heading.Detail);

    private static PageTile Tile(KpiTile tile) =>
        new(tile.Label, tile.Value, tile.HasValue, tile.Change, Tones.Of(tile.ChangeColor), tile.Comparison);

    private static PageTable Table(TableData table) => new(
        table.Columns.Select(c => new PageColumn(c.Header, c.RightAligned, c.Kind == CellKind.Bar, c.Kind == CellKind.Badge)).ToList(),
        table.Rows.Select(row => (IReadOnlyList<PageCell>)row.Select(cell =>
            new PageCell(cell.Text, cell.Value, cell.Color is { } color ? Tones.Of(color) : null)).ToList()).ToList());
}
