using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Text;

namespace CxReports.Server.Cli;

/// <summary>Prints diagnostics like a compiler: headline, the source line, a caret under the span, then the hint.</summary>
public static class DiagnosticPrinter
{
    public static void Print(TextWriter output, Diagnostic diagnostic, IReadOnlyDictionary<string, SourceFile> files)
    {
        output.WriteLine(diagnostic.Headline);
        if (files.TryGetValue(diagnostic.Span.File, out var file))
        {
            var line = file.Line(diagnostic.Span.Line);
            if (line.Length > 0)
            {
                var gutter = $"{diagnostic.Span.Line,5} | ";
                output.WriteLine(gutter + line.Replace('\t', ' '));
                var start = Math.Max(0, diagnostic.Span.Column - 1);
                var width = Math.Clamp(diagnostic.Span.Length, 1, Math.Max(1, line.Length - start));
                output.WriteLine(new string(' ', gutter.Length - 2) + "| " + new string(' ', start) + new string('^', width));
            }
        }
        if (diagnostic.Hint is { } hint) output.WriteLine($"      = hint: {hint}");
    }
}
