using CxReports.Engine.Reports;

namespace CxReports.Rendering.Csv;

/// <summary>Every table block of a report as CSV, each preceded by a <c># block-id</c> line and separated by a blank line.</summary>
public static class ReportCsv
{
    public static void Write(TextWriter output, EvaluatedReport report)
    {
        var first = true;
        foreach (var block in report.Sections.SelectMany(s => s.Blocks).Where(b => b.Table is not null))
        {
            if (!first) output.Write("\n");
            output.Write($"# {block.Id}\n");
            ResultTableCsv.Write(output, block.Table!);
            first = false;
        }
    }
}
