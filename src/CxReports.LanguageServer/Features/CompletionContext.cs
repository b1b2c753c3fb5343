namespace CxReports.LanguageServer.Features;

/// <summary>
/// What the text before the cursor says about what may be typed there: the word being typed, the dotted path
/// before it, whether the cursor is in a string (and after which word), the enclosing blocks, the words before it
/// on the line. Read from the text rather than the tree, which has no node where the user is half-way through.
/// </summary>
internal sealed record CompletionContext(
    string Prefix,
    IReadOnlyList<string> Path,
    string? StringAfter,
    IReadOnlyList<string> Blocks,
    IReadOnlyList<string> WordsBefore)
{
    /// <summary>The innermost block the cursor is in (<c>source</c>, <c>report</c>, <c>section</c>, ...); empty at the top level.</summary>
    public string Block => Blocks.Count > 0 ? Blocks[^1] : "";

    public bool AtLineStart => WordsBefore.Count == 0;

    public bool InString => StringAfter is not null;

    public static CompletionContext At(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var blocks = new List<string>();
        string? lineWord = null;
        bool inString = false, inComment = false;
        var stringStart = -1;
        for (var i = 0; i < offset; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                inComment = inString = false;
                lineWord = null;
                // A declaration keyword in column 1 starts a new declaration even inside an unclosed '{' (as the parser reads it).
                if (WordAt(text, i + 1) is { } next && CxrVocabulary.Declarations.Contains(next)) blocks.Clear();
                continue;
            }
            if (inComment) continue;
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c)
            {
                case '#':
                    inComment = true;
                    break;
                case '"':
                    inString = true;
                    stringStart = i;
                    break;
                case '{':
                    blocks.Add(lineWord ?? "");
                    break;
                case '}':
                    if (blocks.Count > 0) blocks.RemoveAt(blocks.Count - 1);
                    break;
                default:
                    if (lineWord is null && IsNameStart(c)) lineWord = WordAt(text, i);
                    break;
            }
        }
        var lineStart = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        if (offset == 0) lineStart = 0;
        if (inComment) return new CompletionContext("", [], null, blocks, ["#"]);
        if (inString)
        {
            var before = Words(text[lineStart..stringStart]);
            return new CompletionContext(text[(stringStart + 1)..offset], [], before.Count > 0 ? before[^1] : "", blocks, before);
        }
        var prefixStart = offset;
        while (prefixStart > lineStart && IsNamePart(text[prefixStart - 1])) prefixStart--;
        var path = new List<string>();
        var at = prefixStart;
        while (at > lineStart && text[at - 1] == '.')
        {
            var end = at - 1;
            var start = end;
            while (start > lineStart && IsNamePart(text[start - 1])) start--;
            if (start == end) break;
            path.Insert(0, text[start..end]);
            at = start;
        }
        return new CompletionContext(text[prefixStart..offset], path, null, blocks, Words(text[lineStart..at]));
    }

    private static string? WordAt(string text, int i)
    {
        if (i >= text.Length || !IsNameStart(text[i])) return null;
        var end = i;
        while (end < text.Length && IsNamePart(text[end])) end++;
        return text[i..end];
    }

    /// <summary>The words and the punctuation that matters (<c>=</c>, <c>:</c>, <c>(</c>, <c>,</c>) before the cursor on its line.</summary>
    private static List<string> Words(string line)
    {
        var words = new List<string>();
        for (var i = 0; i < line.Length;)
        {
            var c = line[i];
            if (IsNameStart(c))
            {
                var end = i;
                while (end < line.Length && IsNamePart(line[end])) end++;
                words.Add(line[i..end]);
                i = end;
            }
            else if (c == '"')
            {
                var end = line.IndexOf('"', i + 1);
                words.Add("\"\"");
                i = end < 0 ? line.Length : end + 1;
            }
            else
            {
                if (!char.IsWhiteSpace(c)) words.Add(c.ToString());
                i++;
            }
        }
        return words;
    }

    public static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    public static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
