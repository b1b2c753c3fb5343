using System.Text.RegularExpressions;
using CxReports.Dsl.Text;

namespace CxReports.Fuzz;

/// <summary>
/// The texts mutation starts from: the sample reports (which also form the model every input is bound with), the
/// design examples of the test fixtures and every <c>```cxr</c> example of the language reference.
/// </summary>
public sealed partial class SeedCorpus
{
    /// <summary>The sample model (sources, metrics, score, scenario), bound with every input so names resolve and the binder goes deep.</summary>
    public IReadOnlyList<SourceFile> Model { get; }

    /// <summary>Every seed text, the model files included.</summary>
    public IReadOnlyList<SourceFile> Seeds { get; }

    private SeedCorpus(IReadOnlyList<SourceFile> model, IReadOnlyList<SourceFile> seeds)
    {
        Model = model;
        Seeds = seeds;
    }

    /// <summary>Reads the corpus from a checkout of the repository.</summary>
    public static SeedCorpus Load(string repositoryRoot)
    {
        var model = ReportFiles.Read(["reports/model"], repositoryRoot);
        var reports = ReportFiles.Read(["reports"], repositoryRoot).Where(r => model.All(m => m.Path != r.Path));
        var examples = ReportFiles.Read(["tests/CxReports.Dsl.Tests/Fixtures/dsl_examples"], repositoryRoot);
        var reference = File.ReadAllText(Path.Combine(repositoryRoot, "grammar", "README.md"));
        var blocks = CxrBlock().Matches(reference).Select((m, i) => new SourceFile($"grammar/README.md#{i + 1}", m.Groups[1].Value));
        return new SeedCorpus(model, [.. model, .. reports, .. examples, .. blocks]);
    }

    /// <summary>The repository root above <paramref name="start"/> (the directory holding CxReports.sln).</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "CxReports.sln"))) return directory.FullName;
        throw new DirectoryNotFoundException($"no CxReports.sln above {start}");
    }

    [GeneratedRegex(@"```cxr\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CxrBlock();
}
