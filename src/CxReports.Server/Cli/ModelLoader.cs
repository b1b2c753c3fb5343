using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Dsl.Text;

namespace CxReports.Server.Cli;

/// <summary>Reads and binds the reports directory for commands that need a valid model, printing diagnostics if not.</summary>
public static class ModelLoader
{
    public static SemanticModel? Load(string reportsDirectory, CommonOptions options, TextWriter stderr)
    {
        if (!Directory.Exists(options.FullPath(reportsDirectory)))
        {
            stderr.WriteLine($"cxr: reports directory '{reportsDirectory}' not found (use --reports DIR)");
            return null;
        }
        var files = ReportFiles.Read([reportsDirectory], options.WorkingDirectory);
        var result = ModelBinder.Compile(files);
        var byPath = files.ToDictionary(f => f.Path);
        foreach (var diagnostic in result.Diagnostics) DiagnosticPrinter.Print(stderr, diagnostic, byPath);
        if (result.Model is null) stderr.WriteLine($"cxr: the reports in '{reportsDirectory}' have errors; run cxr check");
        return result.Model;
    }
}
