using System.CommandLine;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Text;

namespace CxReports.Server.Cli;

/// <summary>
/// <c>cxr check [DIR|FILE...]</c>: parse and bind, print every diagnostic, exit 1 on any error. A file is checked in
/// its model: with every <c>.cxr</c> file of its reports root (<c>--reports</c> when the file is inside it, else the
/// file's own directory), so the metrics and sources it uses are known; only the named files' diagnostics are shown.
/// </summary>
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

            var named = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            var model = files.Concat(ModelOf(files, options.FullPath(parse.GetValue(options.Reports)!), options.WorkingDirectory))
                .DistinctBy(f => f.Path, StringComparer.Ordinal).ToArray();
            var result = ModelBinder.Compile(model);
            var byPath = model.ToDictionary(f => f.Path);
            var shown = result.Diagnostics.Where(d => named.Contains(d.Span.File)).ToArray();
            foreach (var diagnostic in shown)
                DiagnosticPrinter.Print(stdout, diagnostic, byPath);

            var errors = shown.Count(d => d.Severity == Severity.Error);
            var warnings = shown.Length - errors;
            stderr.WriteLine(errors == 0
                ? $"ok: {files.Count} file{(files.Count == 1 ? "" : "s")}, no errors{(warnings > 0 ? $", {warnings} warning(s)" : "")}"
                : $"{errors} error{(errors == 1 ? "" : "s")} in {shown.Select(d => d.Span.File).Distinct().Count()} of {files.Count} files");
            return errors == 0 ? ExitCodes.Ok : ExitCodes.Errors;
        });
        return command;
    }

    /// <summary>The other files of the named files' models: the reports root's, or each file's directory's.</summary>
    private static IEnumerable<SourceFile> ModelOf(IReadOnlyList<SourceFile> files, string reportsRoot, string workingDirectory)
    {
        var inside = reportsRoot.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var roots = files
            .Select(f => Path.GetFullPath(f.Path, workingDirectory))
            .Select(full => full.StartsWith(inside, StringComparison.Ordinal) ? reportsRoot : Path.GetDirectoryName(full)!)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return ReportFiles.Read(roots, workingDirectory);
    }
}
