using System.CommandLine;
using CxReports.Dsl.Formatting;
using CxReports.Dsl.Syntax.Parsing;
using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;
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
            var parsedFiles = files.Select(CxrParser.ParseFile).ToArray();
            var blockFiles = ModelBlockFiles(parsedFiles, parse, options);
            foreach (var (file, parsed) in files.Zip(parsedFiles))
            {
                if (parsed.HasErrors)
                {
                    stderr.WriteLine($"{file.Path}: not formatted, it has syntax errors (run cxr check)");
                    failed = true;
                    continue;
                }
                var formatted = CxrFormatter.Format(parsed.Value, modelBlockInAnotherFile: blockFiles.Except([options.FullPath(file.Path)]).Any());
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

    /// <summary>
    /// The files of the model that hold a <c>model</c> block: among those formatted and, when files are named, those under
    /// <c>--reports</c>. A currency line in another file then stays a line: turned into a block it would be a second one.
    /// </summary>
    private static HashSet<string> ModelBlockFiles(IEnumerable<ParseResult<SyntaxFile>> formatted, System.CommandLine.ParseResult parse, CommonOptions options)
    {
        IEnumerable<SyntaxFile> model = formatted.Select(p => p.Value);
        try
        {
            model = model.Concat(ReportFiles.Read([parse.GetValue(options.Reports)!], options.WorkingDirectory).Select(f => CxrParser.ParseFile(f).Value));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            // No reports directory beside the named files: the files named are the whole model.
        }
        return model.Where(f => f.Declarations.OfType<ModelDeclaration>().Any())
            .Select(f => options.FullPath(f.Source.Path)).ToHashSet(StringComparer.Ordinal);
    }
}
