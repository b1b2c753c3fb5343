using CxReports.LanguageServer.Protocol;

namespace CxReports.LanguageServer.Features;

/// <summary>Signature help: the function whose parentheses the cursor is in, with the parameter being typed.</summary>
internal static class SignatureHelpInfo
{
    /// <summary>How far back the open parenthesis is looked for: a call is written on one or a few lines.</summary>
    private const int Lookback = 2000;

    public static SignatureHelp? At(string text, int offset)
    {
        var depth = 0;
        var commas = 0;
        var limit = Math.Max(0, offset - Lookback);
        for (var i = Math.Min(offset, text.Length) - 1; i >= limit; i--)
        {
            switch (text[i])
            {
                case ')':
                    depth++;
                    break;
                case ',' when depth == 0:
                    commas++;
                    break;
                case '(' when depth > 0:
                    depth--;
                    break;
                case '(':
                    var end = i;
                    while (end > 0 && text[end - 1] == ' ') end--;
                    var start = end;
                    while (start > 0 && CompletionContext.IsNamePart(text[start - 1])) start--;
                    if (FunctionSignatures.Find(text[start..end]) is not { } function) return null;
                    var parameters = function.Parameters.Select(p => new ParameterInformation(p)).ToArray();
                    var active = function.Variadic ? Math.Min(commas, parameters.Length - 1) : commas;
                    return new SignatureHelp([new SignatureInformation(function.Label, function.Documentation, parameters)], 0, active);
                case '\n' when depth == 0 && i + 1 < text.Length && CompletionContext.IsNameStart(text[i + 1]):
                    return null; // a declaration in column 1: the call cannot reach above it
            }
        }
        return null;
    }
}
