using System.CommandLine;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Diagnostics;

namespace CxReports.Server.Cli;

/// <summary><c>cxr check [DIR|FILE...]</c>: parse and bind, print every diagnostic, exit 1 on any error.</summary>
public static class CheckCommand
{
    public static Command Create(CommonOptions options, TextWriter stdout, TextWriter stderr)
    {
        var paths = new ReportPaths();
        var command = new Command("check", "Check report files and print every mistake with file, line and column");
        command.Arguments.Add(paths.Argument);
        command.SetAction(parse =>
        {
            if (paths.Read(parse, options, stderr, "check") is not { } files) return ExitCodes.Usage;

            var result = ModelBinder.Compile(files);
            var byPath = files.ToDictionary(f => f.Path);
            foreach (var diagnostic in result.Diagnostics)
                DiagnosticPrinter.Print(stdout, diagnostic, byPath);

            var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
            var warnings = result.Diagnostics.Count - errors;
            stderr.WriteLine(errors == 0
                ? $"ok: {files.Count} file{(files.Count == 1 ? "" : "s")}, no errors{(warnings > 0 ? $", {warnings} warning(s)" : "")}"
                : $"{errors} error{(errors == 1 ? "" : "s")} in {result.Diagnostics.Select(d => d.Span.File).Distinct().Count()} of {files.Count} files");
            return errors == 0 ? ExitCodes.Ok : ExitCodes.Errors;
        });
        return command;
    }
}
