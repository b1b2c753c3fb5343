using CxReports.Server.Cli;

namespace CxReports.Server.Tests.Cli;

/// <summary>Runs <c>cxr</c> in-process with captured output, from a given working directory.</summary>
internal static class CliRunner
{
    private static readonly object CurrentDirectoryLock = new();

    public static (int Exit, string Out, string Err) Run(string workingDirectory, params string[] args)
    {
        lock (CurrentDirectoryLock)
        {
            var previous = Directory.GetCurrentDirectory();
            Directory.SetCurrentDirectory(workingDirectory);
            try
            {
                var stdout = new StringWriter();
                var stderr = new StringWriter();
                var exit = CxrCommandLine.Run(args, stdout, stderr);
                return (exit, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Directory.SetCurrentDirectory(previous);
            }
        }
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
