using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests;

/// <summary>Reads the <c>.cxr</c> fixtures copied next to the test assembly.</summary>
internal static class Fixture
{
    public static string Directory(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static IReadOnlyList<SourceFile> Files(string name) =>
        System.IO.Directory.GetFiles(Directory(name), "*.cxr").Order(StringComparer.Ordinal)
            .Select(path => new SourceFile(Path.GetFileName(path), File.ReadAllText(path)))
            .ToArray();
}
