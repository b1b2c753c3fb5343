using CxReports.Dsl.Model;
using System.Globalization;
using CxReports.Engine.Results;

namespace CxReports.Rendering.Formatting;

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
            : column.Grain is { } grain ? format.Text.Words[grain.Word()]
            : Readable(column.Name, format.Culture));

    /// <summary>
    /// A score list's headings: the score and its band are the engine's own columns, not the model's, so they are
    /// named in the report's language ("Puan", "Durum") unless labelled; the others as every table names its columns.
    /// </summary>
    public static IReadOnlyList<string> OfScores(ResultTable table, ValueFormatter format)
    {
        int score = table.IndexOf("score"), band = table.IndexOf("band");
        return table.Columns.Select((c, i) =>
            c.Meaning.Label ?? (i == score ? format.Text.Words["score"] : i == band ? format.Text.Words["band"] : Of(c, format))).ToList();
    }

    /// <summary>
    /// A scenario table's headings where it is shown as a table (spreadsheets): its columns are the engine's own, not
    /// the model's, so they are named in the report's language ("Süre (ay)", "Net getiri") unless labelled.
    /// </summary>
    public static IReadOnlyList<string> OfScenario(ResultTable table, ValueFormatter format) =>
        table.Columns.Select(c => c.Meaning.Label
            ?? (format.Text.Words.TryGetValue("scenario." + c.Name, out var word) ? word : Of(c, format))).ToList();

    /// <summary>"customer.monthly_fee" → "Monthly fee"; "ilçe" → "İlçe" in Turkish.</summary>
    public static string Readable(string name, CultureInfo culture)
    {
        var dot = name.LastIndexOf('.');
        if (dot >= 0 && dot < name.Length - 1 && !name.Contains('(')) name = name[(dot + 1)..];
        var text = name.Replace('_', ' ').Trim();
        return text.Length == 0 ? text : culture.TextInfo.ToUpper(text[0]) + text[1..];
    }
}
