namespace CxReports.Engine.Tests;

internal static class TestPaths
{
    /// <summary>The repository root, found from the test assembly's location.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CxReports.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("CxReports.sln not found above the test assembly");
    }
}
