using SkiaSharp;

namespace CxReports.Rendering.Pdf.Style;

/// <summary>Colours and type sizes of the printed report, in one place (sizes in points).</summary>
public static class Theme
{
    public static readonly SKColor Ink = new(0x1F, 0x29, 0x33);
    public static readonly SKColor Muted = new(0x5B, 0x67, 0x75);
    public static readonly SKColor Accent = new(0x1F, 0x4E, 0x79);
    public static readonly SKColor AccentLight = new(0xE6, 0xEE, 0xF6);
    public static readonly SKColor Rule = new(0xD3, 0xD9, 0xE0);
    public static readonly SKColor Zebra = new(0xF3, 0xF5, 0xF8);
    public static readonly SKColor TileBackground = new(0xF6, 0xF8, 0xFA);
    public static readonly SKColor Good = new(0x1E, 0x7B, 0x3C);
    public static readonly SKColor Bad = new(0xB8, 0x32, 0x27);
    public static readonly SKColor Neutral = new(0x6B, 0x72, 0x80);

    /// <summary>
    /// Series colours for charts of no stated direction: distinct in print and for the common colour blindnesses
    /// (Okabe-Ito based), with no green or red, which say "good" and "bad" (<see cref="Better"/>, <see cref="Worse"/>).
    /// </summary>
    public static readonly SKColor[] Series =
    [
        new(0x1F, 0x4E, 0x79), new(0xE6, 0x9F, 0x00), new(0x56, 0xB4, 0xE9), new(0xCC, 0x79, 0xA7),
        new(0x2B, 0x2B, 0x2B), new(0x7F, 0x7F, 0x7F), new(0xB8, 0xA0, 0x00), new(0x6A, 0x3D, 0x9A),
    ];

    /// <summary>Series whose rise is good news: the green family, darkest first.</summary>
    public static readonly SKColor[] Better = [Good, new(0x5F, 0xA8, 0x5A), new(0x0E, 0x4D, 0x25), new(0x9C, 0xCC, 0x8A)];

    /// <summary>Series whose rise is bad news: the red family, darkest first.</summary>
    public static readonly SKColor[] Worse = [Bad, new(0xE0, 0x7A, 0x68), new(0x7A, 0x1C, 0x14), new(0xF2, 0xAE, 0x9C)];

    /// <summary>A band between the best and the worst of a ranking (amber: watch).</summary>
    public static readonly SKColor Watch = new(0xB7, 0x79, 0x1F);

    /// <summary>The series that gathers the smaller ones ("Other"): a light grey no other series has.</summary>
    public static readonly SKColor Other = new(0xAE, 0xB6, 0xC1);

    public const float Body = 9.5f;
    public const float Small = 7.5f;
    public const float TableText = 8.5f;
    public const float BlockTitle = 11f;
    public const float SectionTitle = 15f;
    public const float ReportTitle = 22f;
    public const float KpiValue = 19f;
    public const float ChartTick = 8f;
    public const float ChartLabel = 8.5f;

    /// <summary>Space between consecutive blocks on a page; none at the top of a page.</summary>
    public const float BlockGap = 14f;
    public const float SectionGap = 24f;
}
