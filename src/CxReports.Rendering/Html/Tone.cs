using CxReports.Rendering.Pdf.Style;
using SkiaSharp;

namespace CxReports.Rendering.Html;

/// <summary>
/// What a colour of the printed report says (good news, bad news, watch, neutral, other), so the page can paint it
/// from its stylesheet in light and dark mode alike while meaning what the PDF's colour means.
/// </summary>
public enum Tone { Neutral, Good, Bad, Watch, Accent, Other }

/// <summary>The tone of one of the PDF theme's colours.</summary>
public static class Tones
{
    public static Tone Of(SKColor color) =>
        color == Theme.Good ? Tone.Good
        : color == Theme.Bad ? Tone.Bad
        : color == Theme.Watch ? Tone.Watch
        : color == Theme.Other ? Tone.Other
        : color == Theme.Neutral ? Tone.Neutral
        : Tone.Accent;

    /// <summary>The class name the stylesheet paints the tone with.</summary>
    public static string Css(this Tone tone) => tone.ToString().ToLowerInvariant();

    /// <summary>"#1F4E79": a series colour for the chart script.</summary>
    public static string Hex(SKColor color) => $"#{color.Red:X2}{color.Green:X2}{color.Blue:X2}";
}
