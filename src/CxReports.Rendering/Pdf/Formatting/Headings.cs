using System.Globalization;
using CxReports.Engine.Planning;

namespace CxReports.Rendering.Pdf.Formatting;

/// <summary>
/// What a column is called on the page: the label the model gives it; a column the engine adds (a score list's score
/// and band) by the renderer's word for it, and a time dimension by its grain, in the report's language ("Puan",
/// "Çeyrek"); otherwise its name as written, only set as text (the field of a path, spaces for
/// underscores, a capital first letter in the report's language). No meaning is read from a name: no acronyms,
/// units, grains or directions are guessed.
/// </summary>
public static class Headings
{
    public static string Of(ResultColumn column, ValueFormatter format) =>
        column.Meaning.Label
        ?? (column.Word is { } word && format.Text.Words.TryGetValue(word, out var heading) ? heading
            : column.Grain is { } grain ? format.Text.Words[grain.ToString().ToLowerInvariant()]
            : Readable(column.Name, format.Culture));

    /// <summary>"customer.monthly_fee" → "Monthly fee"; "ilçe" → "İlçe" in Turkish.</summary>
    public static string Readable(string name, CultureInfo culture)
    {
        var dot = name.LastIndexOf('.');
        if (dot >= 0 && dot < name.Length - 1 && !name.Contains('(')) name = name[(dot + 1)..];
        var text = name.Replace('_', ' ').Trim();
        return text.Length == 0 ? text : culture.TextInfo.ToUpper(text[0]) + text[1..];
    }
}
