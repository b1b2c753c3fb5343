using System.Collections.Concurrent;
using CxReports.Rendering.Pdf.Fonts;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Style;

/// <summary>A size, weight and colour of text, able to measure and draw one line with the shared typefaces.</summary>
public sealed record TextStyle(float Size, bool Bold, SKColor Color)
{
    // SKFont and SKPaint are only read while measuring and drawing, so one instance per style serves every render.
    private static readonly ConcurrentDictionary<(float, bool), SKFont> Fonts = new();
    private static readonly ConcurrentDictionary<SKColor, SKPaint> Paints = new();

    public static TextStyle Regular(float size, SKColor? color = null) => new(size, false, color ?? Theme.Ink);

    public static TextStyle Strong(float size, SKColor? color = null) => new(size, true, color ?? Theme.Ink);

    public TextStyle With(SKColor color) => this with { Color = color };

    public SKFont Font => Fonts.GetOrAdd((Size, Bold), key => new SKFont(FontSet.Get(key.Item2), key.Item1) { Subpixel = true, LinearMetrics = true });

    public SKPaint Paint => PaintFor(Color);

    /// <summary>Distance between baselines of consecutive lines.</summary>
    public float LineHeight => Size * 1.28f;

    /// <summary>From the top of a line box to its baseline.</summary>
    public float Ascent => Size * 0.96f;

    public float Measure(string text) => text.Length == 0 ? 0 : Font.MeasureText(text);

    /// <summary>Draws one line whose line box starts at <paramref name="top"/>; x is the left, centre or right edge.</summary>
    public void Draw(SKCanvas canvas, string text, float x, float top, SKTextAlign align = SKTextAlign.Left)
    {
        if (text.Length == 0) return;
        canvas.DrawText(text, x, top + Ascent, align, Font, Paint);
    }

    /// <summary>The text cut with an ellipsis so it fits <paramref name="width"/>.</summary>
    public string Fit(string text, float width)
    {
        if (Measure(text) <= width) return text;
        const string ellipsis = "…";
        var lo = 0;
        var hi = text.Length;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (Measure(text[..mid].TrimEnd() + ellipsis) <= width) lo = mid; else hi = mid - 1;
        }
        return lo == 0 ? ellipsis : text[..lo].TrimEnd() + ellipsis;
    }

    public static SKPaint PaintFor(SKColor color) =>
        Paints.GetOrAdd(color, c => new SKPaint { Color = c, IsAntialias = true, Style = SKPaintStyle.Fill });
}
