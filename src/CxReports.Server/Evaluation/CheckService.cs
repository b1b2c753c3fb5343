using System.Text.RegularExpressions;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Text;
using CxReports.Server.Problems;
using CxReports.Server.Serving;

namespace CxReports.Server.Evaluation;

/// <summary>The result of checking CXR text: every diagnostic, and how many are errors.</summary>
public sealed record CheckResult(int Errors, int Warnings, IReadOnlyList<DiagnosticJson> Diagnostics);

/// <summary>
/// Checks CXR text without changing anything. Given a file name (<c>advocacy.cxr</c>, <c>model/metrics.cxr</c>), the
/// text stands in for that file among the files being served, so it is checked in context; without one, alone.
/// </summary>
public sealed partial class CheckService(ServingStore store)
{
    [GeneratedRegex(@"^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}/){0,8}[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}\.cxr$")]
    private static partial Regex RelativeCxrPath();

    public Outcome<CheckResult> Check(string text, string? file)
    {
        IReadOnlyList<SourceFile> files;
        if (file is null)
        {
            files = [new SourceFile("request.cxr", text)];
        }
        else
        {
            if (!RelativeCxrPath().IsMatch(file) || file.Split('/').Any(s => s is "." or ".."))
                return ServerProblem.BadParameter("file", $"'{RequestReader.Shorten(file)}' is not a .cxr path inside the reports directory (e.g. advocacy.cxr or model/metrics.cxr)");
            files = [.. store.State.Files.Where(f => f.Path.Replace('\\', '/') != file), new SourceFile(file, text)];
        }
        var diagnostics = ModelBinder.Compile(files).Diagnostics;
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        if (errors > 0)
            return ServerProblem.Diagnostics("The CXR text has errors", $"{errors} error(s); each diagnostic gives file, line and column", diagnostics);
        return new CheckResult(0, diagnostics.Count, diagnostics.Select(DiagnosticJson.From).ToArray());
    }
}
