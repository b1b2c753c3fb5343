using CxReports.Dsl.Model;
using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CxReports.Rendering.Sheets;

/// <summary>
/// The cell styles a workbook uses, collected while its sheets are written: one per number format (decimals,
/// dates by grain) and a bold header. Number formats are written locale-neutral (<c>#,##0.0</c>); Excel shows them
/// with the reader's separators. Month names carry the report's locale (<c>[$-41F]mmm yyyy</c> is "Oca 2025").
/// </summary>
public sealed class XlsxStyles(CultureInfo culture)
{
    private const uint FirstCustomFormat = 164; // ids below are Excel's built-in formats
    private readonly List<string> _formats = [];
    private readonly Dictionary<(string? Format, bool Bold), uint> _styles = new() { [(null, false)] = 0 };

    public uint Header => Style(null, bold: true);

    public uint Number(int decimals) => Style(decimals > 0 ? "#,##0." + new string('0', decimals) : "#,##0");

    public uint Date(TimeUnit? grain) => Style(grain switch
    {
        TimeUnit.Month => Localized("mmm yyyy"),
        TimeUnit.Year => "yyyy",
        _ => "yyyy-mm-dd",
    });

    public uint Moment => Style("yyyy-mm-dd hh:mm");

    public Stylesheet Stylesheet()
    {
        var cellFormats = new CellFormats();
        foreach (var ((format, bold), _) in _styles.OrderBy(s => s.Value))
        {
            var numberFormat = format is null ? 0u : FirstCustomFormat + (uint)_formats.IndexOf(format);
            cellFormats.Append(new CellFormat
            {
                NumberFormatId = numberFormat, FontId = bold ? 1u : 0u, FillId = 0, BorderId = 0, FormatId = 0,
                ApplyNumberFormat = format is not null, ApplyFont = bold,
            });
        }
        return new Stylesheet(
            new NumberingFormats(_formats.Select((f, i) => new NumberingFormat { NumberFormatId = FirstCustomFormat + (uint)i, FormatCode = f })),
            new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())),
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }),
            cellFormats);
    }

    private uint Style(string? format, bool bold = false)
    {
        if (_styles.TryGetValue((format, bold), out var index)) return index;
        if (format is not null && !_formats.Contains(format)) _formats.Add(format);
        return _styles[(format, bold)] = (uint)_styles.Count;
    }

    /// <summary>The format with the report's language for month names; a culture without a Windows LCID keeps Excel's.</summary>
    private string Localized(string format) =>
        culture.LCID is > 0 and not 4096 and not 127 ? $"[$-{culture.LCID:X}]{format}" : format;
}
