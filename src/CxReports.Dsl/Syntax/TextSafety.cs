namespace CxReports.Dsl.Syntax;

/// <summary>
/// Characters that make CXR text mean something other than it shows: control characters inside strings (a NUL
/// cuts the text short where it is used), invisible bidirectional controls that reorder what an editor displays,
/// and names that mix writing systems (<c>nрs</c> with a Cyrillic <c>р</c> looks exactly like <c>nps</c>).
/// </summary>
public static class TextSafety
{
    /// <summary>C0 controls except tab, DEL and C1 controls: refused inside strings (write <c>\n</c> and <c>\t</c> as escapes).</summary>
    public static bool IsRefusedControl(char c) => (c < ' ' && c != '\t') || c is >= '\u007F' and <= '\u009F';

    /// <summary>The invisible characters that change the display order of text (the "Trojan Source" characters).</summary>
    public static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The writing systems of a name's letters, in order of first use; digits and <c>_</c> belong to none.</summary>
    public static IReadOnlyList<string> Scripts(string name) =>
        name.Where(char.IsLetter).Select(ScriptOf).Distinct().ToArray();

    private static string ScriptOf(char c) => c switch
    {
        <= '\u024F' or (>= '\u1E00' and <= '\u1EFF') or (>= '\u0250' and <= '\u02AF') or (>= '\u2C60' and <= '\u2C7F')
            or (>= '\uA720' and <= '\uA7FF') or (>= '\uFF21' and <= '\uFF5A') => "Latin",
        (>= '\u0370' and <= '\u03FF') or (>= '\u1F00' and <= '\u1FFF') => "Greek",
        (>= '\u0400' and <= '\u052F') or (>= '\u1C80' and <= '\u1C8F') or (>= '\u2DE0' and <= '\u2DFF') or (>= '\uA640' and <= '\uA69F') => "Cyrillic",
        >= '\u0530' and <= '\u058F' => "Armenian",
        >= '\u0590' and <= '\u05FF' => "Hebrew",
        (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF')
            or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF') => "Arabic",
        // Japanese writes kanji and both kana in one word; they count as one system here.
        (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') => "Han and Kana",
        (>= '\u1100' and <= '\u11FF') or (>= '\u3130' and <= '\u318F') or (>= '\uAC00' and <= '\uD7AF') => "Hangul",
        _ => $"U+{c & 0xFF80:X4} block",
    };
}
