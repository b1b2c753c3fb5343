using SkiaSharp;

namespace CxReports.Rendering.Pdf.Fonts;

/// <summary>
/// The two shipped faces, registered once with ScottPlot so that chart text and page text use the very same
/// <see cref="SKTypeface"/> objects: the PDF then embeds each (subset) face once.
/// </summary>
public static class FontSet
{
    /// <summary>The family name charts ask ScottPlot for; unique so no installed font can shadow it.</summary>
    public const string Family = "CxReports Sans";

    private static readonly Lazy<(SKTypeface Regular, SKTypeface Bold)> Faces = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    public static SKTypeface Regular => Faces.Value.Regular;

    public static SKTypeface Bold => Faces.Value.Bold;

    /// <summary>Registers the faces (first call only) and returns the typeface for the weight.</summary>
    public static SKTypeface Get(bool bold) => bold ? Bold : Regular;

    /// <summary>Forces registration; charts call this before they ask ScottPlot for <see cref="Family"/>.</summary>
    public static void EnsureRegistered() => _ = Faces.Value;

    private static (SKTypeface, SKTypeface) Register()
    {
        var regular = Locate("DejaVuSans-Subset.ttf");
        var bold = Locate("DejaVuSans-Bold-Subset.ttf");
        ScottPlot.Fonts.AddFontFile(Family, regular, bold: false, italic: false);
        ScottPlot.Fonts.AddFontFile(Family, bold, bold: true, italic: false);
        return (ScottPlot.Fonts.GetTypeface(Family, bold: false, italic: false),
                ScottPlot.Fonts.GetTypeface(Family, bold: true, italic: false));
    }

    private static string Locate(string file)
    {
        string?[] roots = [Path.GetDirectoryName(typeof(FontSet).Assembly.Location), AppContext.BaseDirectory];
        foreach (var root in roots.Where(r => !string.IsNullOrEmpty(r)))
        {
            var path = Path.Combine(root!, "Pdf", "Fonts", file);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException(
            $"PDF font {file} is missing: it ships in Pdf/Fonts next to CxReports.Rendering.dll (regenerate with scripts/make-fonts.sh)", file);
    }
}
