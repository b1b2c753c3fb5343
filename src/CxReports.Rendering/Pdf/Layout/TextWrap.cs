using CxReports.Rendering.Pdf.Style;

namespace CxReports.Rendering.Pdf.Layout;

/// <summary>Breaks text into lines that fit a width: at spaces, at explicit newlines, and inside words only when one word is wider than the line.</summary>
public static class TextWrap
{
    public static IReadOnlyList<string> Lines(string text, TextStyle style, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (style.Measure(candidate) <= width) { line = candidate; continue; }
                if (line.Length > 0) lines.Add(line);
                line = word;
                while (style.Measure(line) > width && line.Length > 1)
                {
                    var cut = LongestPrefix(line, style, width);
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    private static int LongestPrefix(string word, TextStyle style, float width)
    {
        var cut = 1;
        while (cut < word.Length && style.Measure(word[..(cut + 1)]) <= width) cut++;
        return cut;
    }
}
