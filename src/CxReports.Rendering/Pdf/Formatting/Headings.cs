using CxReports.Engine.Planning;

namespace CxReports.Rendering.Pdf.Formatting;

/// <summary>
/// What a column or series is called on the page: the label the model gives it; a time dimension in the report's
/// language; otherwise its name as written, only set as text (the field of a path, spaces for underscores, a capital
/// first letter). No meaning is read from a name: no acronyms, units or directions are guessed.
/// </summary>
public static class Headings
{
    public static string Of(ResultColumn column, ValueFormatter format) =>
        column.Meaning.Label ?? (column.Type == ColumnType.Date ? format.Text.Name(column.Name) : Readable(column.Name));

    /// <summary>"customer.monthly_fee" → "Monthly fee".</summary>
    public static string Readable(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot >= 0 && dot < name.Length - 1 && !name.Contains('(')) name = name[(dot + 1)..];
        var text = name.Replace('_', ' ').Trim();
        return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }
}
