using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Text;

namespace CxReports.Server.Cli;

/// <summary>Prints diagnostics like a compiler: headline, the source line, a caret under the span, then the hint.</summary>
public static class DiagnosticPrinter
{
    /// <summary>Columns of a source line shown; a longer line is cut around the span, with … where text is left out.</summary>
    private const int Window = 120;

    public static void Print(TextWriter output, Diagnostic diagnostic, IReadOnlyDictionary<string, SourceFile> files)
    {
        output.WriteLine(diagnostic.Headline);
        if (files.TryGetValue(diagnostic.Span.File, out var file))
        {
            var line = file.Line(diagnostic.Span.Line);
            if (line.Length > 0)
            {
                var start = Math.Min(Math.Max(0, diagnostic.Span.Column - 1), line.Length);
                var (shown, caret) = Cut(line, start);
                var gutter = $"{diagnostic.Span.Line,5} | ";
                output.WriteLine(gutter + shown.Replace('\t', ' '));
                var width = Math.Clamp(diagnostic.Span.Length, 1, Math.Max(1, shown.Length - caret));
                output.WriteLine(new string(' ', gutter.Length - 2) + "| " + new string(' ', caret) + new string('^', width));
            }
        }
        if (diagnostic.Hint is { } hint) output.WriteLine($"      = hint: {hint}");
    }

    /// <summary>At most <see cref="Window"/> columns of the line around <paramref name="start"/>, and where the caret goes in them.</summary>
    private static (string Shown, int Caret) Cut(string line, int start)
    {
        if (line.Length <= Window) return (line, start);
        var from = Math.Clamp(start - Window / 3, 0, line.Length - Window);
        var shown = (from > 0 ? "…" : "") + line.Substring(from, Window) + (from + Window < line.Length ? "…" : "");
        return (shown, start - from + (from > 0 ? 1 : 0));
    }
}
