using System.Globalization;
using CxReports.Dsl.Model;
using CxReports.Engine.Reports;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Pdf.Blocks;
using CxReports.Rendering.Pdf.Charts;
using CxReports.Rendering.Pdf.Layout;
using CxReports.Rendering.Pdf.Style;

namespace CxReports.Rendering.Pdf.Compose;

/// <summary>
/// Turns an evaluated report into the flow of blocks the paginator lays out: the title block, then per section a
/// heading kept with its first block, then each block under its caption.
/// </summary>
public static class ReportComposer
{
    private static readonly TextStyle BodyStyle = TextStyle.Regular(Theme.Body);
    private static readonly TextStyle NoteStyle = TextStyle.Regular(Theme.Small + 0.5f, Theme.Muted);

    public static IReadOnlyList<IBlock> Compose(EvaluatedReport report, ValueFormatter format, float chartHeight = ChartBlock.MaxHeight)
    {
        var meta = DataFreshness.Line(report.Freshness, format) is { } freshness ? Meta(report, format) + "\n" + freshness : Meta(report, format);
        var blocks = new List<IBlock> { new TitleBlock(report.Title, report.Description, meta) };
        foreach (var section in report.Sections)
        {
            var content = section.Blocks.Select(b => Block(b, format, chartHeight)).ToList();
            var heading = new HeadingBlock(section.Title);
            if (content.Count == 0) { blocks.Add(heading); continue; }
            blocks.Add(new StackBlock([heading, content[0]], gap: 10f, spaceBefore: Theme.SectionGap));
            blocks.AddRange(content.Skip(1));
        }
        return blocks;
    }

    /// <summary>"Period: 1 Nov 2025 – 31 Oct 2026 · Parameters: plan = all".</summary>
    public static string Meta(EvaluatedReport report, ValueFormatter format)
    {
        var meta = $"{format.Text.Period}: {format.Period(report.From, report.To)}";
        if (report.Params.Count > 0)
            meta += $"  ·  {format.Text.Parameters}: " + string.Join(", ", report.Params.Select(p => $"{p.Key} = {Param(p.Value, format)}"));
        return meta;
    }

    public static IBlock Block(EvaluatedBlock block, ValueFormatter format, float chartHeight = ChartBlock.MaxHeight)
    {
        IBlock body = (block.Type, block.Table) switch
        {
            ("text", _) => new ParagraphBlock(block.Text ?? "", BodyStyle),
            (_, null) => new ParagraphBlock(format.Text.NoData, NoteStyle),
            ("scores", { Rows.Count: 0 }) => new ParagraphBlock(block.Empty ?? format.Text.EmptyList, BodyStyle, 0),
            (not "chart", { Rows.Count: 0 }) => new ParagraphBlock(format.Text.NoData, NoteStyle, 0),
            ("kpi", var t) => KpiComposer.Compose(t, format),
            ("chart", var t) => PartialNote(new ChartBlock(ChartData.From(t, format), block.Chart ?? ChartKind.Line, format, chartHeight), t, format.Text.Words["partial_chart"]),
            ("cohort", var t) => CohortComposer.Compose(t, format),
            ("scores", var t) => new TableBlock(ScoresComposer.Compose(t, format, block.Title)),
            ("scenario", var t) => Scenario(t, block.Measured, format, block.Title),
            (_, var t) => PartialNote(new TableBlock(TableComposer.Compose(t, format, block.Title)), t, format.Text.Words["partial_table"]),
        };
        return block.Title is { Length: > 0 } title && block.Type != "text"
            ? new StackBlock([new CaptionBlock(title), body], gap: 6f)
            : body;
    }

    /// <summary>A block whose table has partial buckets, with the note that says how they are drawn.</summary>
    private static IBlock PartialNote(IBlock body, Engine.Results.ResultTable table, string note) =>
        table.Partial is { } partial && partial.Any(p => p) ? new StackBlock([body, new ParagraphBlock(note, NoteStyle, 0)], gap: 4f) : body;

    /// <summary>The what-if grid, after the measured effect when the scenario is measured (what was achieved, then what could be).</summary>
    private static IBlock Scenario(Engine.Results.ResultTable table, Engine.Results.ResultTable? measured, ValueFormatter format, string? title)
    {
        var grid = ScenarioComposer.Compose(table, format, measured is null ? null : MeasuredEffectComposer.KeptPerMonth(measured)) is { } matrix
            ? new StackBlock([matrix, new ParagraphBlock(format.Text.ScenarioNote, NoteStyle, 0)], gap: 5f)
            : (IBlock)new TableBlock(TableComposer.Compose(table, format, title));
        return measured is { Rows.Count: > 0 } ? new StackBlock([MeasuredEffectComposer.Compose(measured, format), grid], gap: 12f) : grid;
    }

    private static string Param(object? value, ValueFormatter format) => value switch
    {
        null => "–",
        DateOnly d => format.Date(d),
        IFormattable f => f.ToString(null, format.Culture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
