using CxReports.Dsl.Syntax.Tree;

namespace CxReports.Dsl.Binding;

/// <summary>
/// What a source option's value must be, for the options whose values are a closed set or a share: the text
/// encoding of the files, and how much of its rows a load may drop (<c>max_shrink</c>).
/// </summary>
internal static class SourceOptionRules
{
    /// <summary>The encodings a source may declare; the loader reads (or transcodes) exactly these.</summary>
    public static readonly IReadOnlyList<string> Encodings = ["utf-8", "utf-16", "latin-1", "windows-1254", "iso-8859-9"];

    /// <summary>Why <paramref name="value"/> does not fit option <paramref name="key"/>, or null.</summary>
    public static (string Message, string? Hint)? Problem(string key, Expression written, object value)
    {
        var listed = $"encodings are {string.Join(", ", Encodings)}";
        return key switch
        {
            "encoding" when value is not string name => ("unknown encoding: write its name in quotes", listed),
            "encoding" when !Encodings.Contains(((string)value).ToLowerInvariant()) =>
                ($"unknown encoding \"{value}\"", DidYouMean.Hint(((string)value).ToLowerInvariant(), Encodings) is { } hint ? $"{hint} ({listed})" : listed),
            "max_shrink" when written is not PercentLiteral { Value: >= 0 and <= 1 } =>
                ("option 'max_shrink' is the share of its rows a load may drop, a percentage from 0% to 100%",
                 "e.g. max_shrink 90% (100% lets a load empty the table)"),
            _ => null,
        };
    }
}
