using System.CommandLine;
using CxReports.Dsl.Formatting;
using CxReports.Dsl.Syntax.Parsing;
using DiffPlex.Renderer;

namespace CxReports.Server.Cli;

/// <summary>
/// <c>cxr fmt [--check] [DIR|FILE...]</c>: rewrite report files in the canonical layout. A file with syntax errors
/// is left alone (formatting half-read text would lose it). <c>--check</c> changes nothing, prints what would change
/// as a unified diff (what CI logs need to show the author) and exits 1 if any file would change.
/// </summary>
public static class FmtCommand
{
    private static readonly UnidiffRenderer Unidiff = new(contextLines: 2);

    public static Command Create(CommonOptions options, TextWriter stdout, TextWriter stderr)
    {
        var paths = new ReportPaths();
        var check = new Option<bool>("--check") { Description = "Only report files that are not formatted; change nothing" };
        var command = new Command("fmt", "Rewrite report files in the canonical layout");
        command.Arguments.Add(paths.Argument);
        command.Options.Add(check);
        command.SetAction(parse =>
        {
            if (paths.Read(parse, options, stderr, "fmt") is not { } files) return ExitCodes.Usage;

            var failed = false;
            foreach (var file in files)
            {
                var parsed = CxrParser.ParseFile(file);
                if (parsed.HasErrors)
                {
                    stderr.WriteLine($"{file.Path}: not formatted, it has syntax errors (run cxr check)");
                    failed = true;
                    continue;
                }
                var formatted = CxrFormatter.Format(parsed.Value);
                if (formatted == file.Text.ReplaceLineEndings("\n")) continue;
                if (parse.GetValue(check))
                {
                    stdout.WriteLine($"{file.Path}: not formatted");
                    stdout.Write(Unidiff.Generate(file.Text.ReplaceLineEndings("\n"), formatted, file.Path, $"{file.Path} (cxr fmt)"));
                    failed = true;
                }
                else
                {
                    File.WriteAllText(options.FullPath(file.Path), formatted);
                    stdout.WriteLine($"{file.Path}: formatted");
                }
            }
            return failed ? ExitCodes.Errors : ExitCodes.Ok;
        });
        return command;
    }
}
