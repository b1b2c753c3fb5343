using CxReports.Dsl.Model;
using CxReports.Engine.Results;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Pdf.Blocks;

namespace CxReports.Rendering.Pdf.Compose;

/// <summary>A cohort table (cohort, size, m0 .. mK) as a retention heatmap; m-columns are the months since the cohort started.</summary>
public static class CohortComposer
{
    public static HeatmapBlock Compose(ResultTable table, ValueFormatter format)
    {
        int cohort = table.IndexOf("cohort"), size = table.IndexOf("size");
        var months = table.Columns.Select((c, i) => (c.Name, i)).Where(p => p.Name.Length > 1 && p.Name[0] == 'm' && p.Name[1..].All(char.IsDigit)).ToList();
        var rows = table.Rows.Select(row => new HeatmapRow(
            cohort >= 0 && row[cohort] is DateOnly d ? format.Bucket(d, TimeUnit.Month) : Convert.ToString(cohort >= 0 ? row[cohort] : null, format.Culture) ?? "",
            size >= 0 && row[size] is { } s ? format.Number(Convert.ToDouble(s, format.Culture), Unit.Count, 0) : "",
            months.Select(m => row[m.i] switch { double v when double.IsFinite(v) => v, long l => (double?)l, _ => null }).ToArray())).ToList();
        var text = new HeatmapText(format.Text.Cohort, format.Text.CohortSize, format.Text.MonthsSinceStart, format.Text.NotObservable);
        return new HeatmapBlock(rows, months.Select(m => m.Name[1..]).ToList(), text, (v, decimals) => format.Number(v, Unit.Percent, decimals));
    }
}
