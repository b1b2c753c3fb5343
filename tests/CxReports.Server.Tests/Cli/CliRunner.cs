using CxReports.Server.Cli;

namespace CxReports.Server.Tests.Cli;

/// <summary>
/// Runs <c>cxr</c> in-process with captured output, reading relative paths from a given working directory. The
/// process's current directory is left alone: other tests build servers in parallel, and ASP.NET reads it.
/// </summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Err) Run(string workingDirectory, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CxrCommandLine.Run(args, stdout, stderr, workingDirectory);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The repository root, found from the test assembly's location.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CxReports.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("CxReports.sln not found above the test assembly");
    }
}
