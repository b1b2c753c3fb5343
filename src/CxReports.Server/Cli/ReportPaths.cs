using System.CommandLine;
using CxReports.Dsl.Text;

namespace CxReports.Server.Cli;

/// <summary>The <c>[DIR|FILE...]</c> argument of commands that read report files, defaulting to <c>--reports</c>.</summary>
public sealed class ReportPaths
{
    public Argument<string[]> Argument { get; } = new("paths")
    {
        Description = "Report files or directories (default: --reports)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>The files named (or under <c>--reports</c>); null after printing why when there are none to read.</summary>
    public IReadOnlyList<SourceFile>? Read(ParseResult parse, CommonOptions options, TextWriter stderr, string command)
    {
        var targets = parse.GetValue(Argument) is { Length: > 0 } given ? given : [parse.GetValue(options.Reports)!];
        try
        {
            var files = ReportFiles.Read(targets, options.WorkingDirectory);
            if (files.Count > 0) return files;
            stderr.WriteLine($"cxr {command}: no .cxr files in {string.Join(", ", targets)}");
        }
        catch (FileNotFoundException e)
        {
            stderr.WriteLine($"cxr {command}: {e.Message}");
        }
        return null;
    }
}
