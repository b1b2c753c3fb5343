using System.Text;

namespace CxReports.Demo.Tests;

/// <summary>
/// A strict RFC 4180 reader for the tests: quoted fields may hold the delimiter, doubled quotes and line breaks; a
/// quote inside an unquoted field or an unterminated quote throws, so the writer's quoting is checked too.
/// </summary>
internal static class Rfc4180Reader
{
    /// <summary>Every record, blank lines included (as a record with one empty field).</summary>
    public static List<string[]> Parse(string text, char delimiter)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        bool fieldStarted = false;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '"' && field.Length == 0 && !fieldStarted)
            {
                i = ReadQuoted(text, i + 1, field);
                fieldStarted = true;
                if (i < text.Length && text[i] != delimiter && text[i] != '\r' && text[i] != '\n')
                    throw new FormatException($"Text after a closing quote at offset {i}.");
                continue;
            }
            if (c == '"') throw new FormatException($"Quote inside an unquoted field at offset {i}.");
            if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
                i++;
                continue;
            }
            if (c == '\r' || c == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
                records.Add(fields.ToArray());
                fields.Clear();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                continue;
            }
            field.Append(c);
            fieldStarted = true;
            i++;
        }
        if (fieldStarted || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(fields.ToArray());
        }
        return records;
    }

    /// <summary>Header and data rows of a file, the BOM stripped and blank lines skipped.</summary>
    public static (string[] Header, List<string[]> Rows) ReadFile(string path, char delimiter)
    {
        string text = File.ReadAllText(path, new UTF8Encoding(false));
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        List<string[]> records = Parse(text, delimiter);
        List<string[]> rows = records.Skip(1).Where(r => !(r.Length == 1 && r[0].Length == 0)).ToList();
        return (records[0], rows);
    }

    private static int ReadQuoted(string text, int i, StringBuilder field)
    {
        while (i < text.Length)
        {
            if (text[i] != '"')
            {
                field.Append(text[i++]);
                continue;
            }
            if (i + 1 < text.Length && text[i + 1] == '"')
            {
                field.Append('"');
                i += 2;
                continue;
            }
            return i + 1;
        }
        throw new FormatException("Unterminated quoted field.");
    }
}
