using CxReports.Rendering.Pdf.Layout;
using CxReports.Rendering.Pdf.Style;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Blocks;

/// <summary>The title of one block (a chart, a table), optionally with a muted note after it.</summary>
public sealed class CaptionBlock(string title, string? note = null) : IBlock
{
    private static readonly TextStyle Style = TextStyle.Strong(Theme.BlockTitle);
    private static readonly TextStyle NoteStyle = TextStyle.Regular(Theme.Small + 0.5f, Theme.Muted);

    public string Title => title;

    public float Measure(float width) => Lines(width).Count * Style.LineHeight;

    public void Draw(SKCanvas canvas, float x, float y, float width)
    {
        var lines = Lines(width);
        foreach (var line in lines)
        {
            Style.Draw(canvas, line, x, y);
            y += Style.LineHeight;
        }
        if (note is null) return;
        var end = x + Style.Measure(lines[^1]) + 6f;
        NoteStyle.Draw(canvas, NoteStyle.Fit(note, Math.Max(0, x + width - end)), end, y - Style.LineHeight + (Style.Size - NoteStyle.Size) * 0.9f);
    }

    private IReadOnlyList<string> Lines(float width) => TextWrap.Lines(title, Style, width);
}
