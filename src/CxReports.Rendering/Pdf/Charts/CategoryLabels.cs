using CxReports.Rendering.Formatting;
using CxReports.Rendering.Pdf.Layout;
using CxReports.Rendering.Pdf.Style;

namespace CxReports.Rendering.Pdf.Charts;

/// <summary>
/// The labels along a chart's x axis for its width: time buckets thinned to every n-th; category names wrapped onto
/// two lines where they do not fit side by side, else tilted and, when still too long, cut in the middle, with every
/// shortened label given in full in a note under the chart.
/// </summary>
public sealed record CategoryLabels(IReadOnlyList<string> Labels, int Step, bool Tilted, IReadOnlyList<string> Shortened)
{
    public const float TiltedWidth = 90f;
    private static readonly TextStyle Style = TextStyle.Regular(Theme.ChartTick);

    public static CategoryLabels For(ChartData data, ValueFormatter format, float width)
    {
        var labels = data.Categories.Select((c, i) => c is DateOnly d
            ? format.AxisBucket(d, data.Grain, first: i == 0)
            : data.X?.LabelOf(c) ?? Convert.ToString(c, format.Culture) ?? "").ToList();
        var room = (width - 60f) / Math.Max(1, labels.Count);
        var widest = labels.Count == 0 ? 0 : labels.Max(l => l.Split('\n').Max(Style.Measure));
        var step = Math.Max(1, (int)Math.Ceiling((widest + 6f) / room));
        if (data.IsTime || step == 1) return new CategoryLabels(labels, step, false, []);

        // Category names never thin out: two lines each if that is enough, else tilted and shortened.
        var wrapped = labels.Select(l => TextWrap.Lines(l, Style, room - 6f)).ToList();
        if (wrapped.All(lines => lines.Count <= 2 && lines.All(line => Style.Measure(line) <= room - 6f)))
            return new CategoryLabels(wrapped.Select(lines => string.Join("\n", lines)).ToList(), 1, false, []);
        var fitted = labels.Select(Shorten).ToList();
        var shortened = labels.Where((l, i) => fitted[i] != l).Distinct().ToList();
        return new CategoryLabels(fitted, 1, true, shortened);
    }

    /// <summary>
    /// A label cut in the middle to fit a tilted tick ("Özellik tal…önerisi 9"): names that share a beginning keep
    /// the ends that tell them apart.
    /// </summary>
    private static string Shorten(string label)
    {
        if (Style.Measure(label) <= TiltedWidth) return label;
        for (var keep = label.Length - 1; keep > 1; keep--)
        {
            var head = (keep + 1) / 2;
            var candidate = label[..head].TrimEnd() + "…" + label[^(keep - head)..].TrimStart();
            if (Style.Measure(candidate) <= TiltedWidth) return candidate;
        }
        return "…";
    }

    /// <summary>The note that gives the shortened labels in full, or null when none was shortened.</summary>
    public string? Note(ValueFormatter format) =>
        Shortened.Count == 0 ? null : $"{format.Text.LabelsNote} {string.Join("; ", Shortened)}";
}
