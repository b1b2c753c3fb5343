using System.Diagnostics;
using System.Text;

namespace CxReports.Server.Tests.Cli;

/// <summary>What a <c>cxr</c> child process did: its exit code, stdout as the bytes it wrote, stderr as text.</summary>
internal sealed record CxrOutcome(int Exit, byte[] Out, string Err)
{
    public string Text => Encoding.UTF8.GetString(Out);
}

/// <summary>
/// The built <c>cxr</c> (the <c>cxr.dll</c> beside the tests) as a child process in a given directory, as a user runs
/// it: stdout and stderr redirected, the environment of the tests.
/// </summary>
internal sealed class CxrProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<byte[]> _stdout;
    private readonly Task<string> _stderr;

    private CxrProcess(string workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cxr.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet cxr.dll");
        _stdout = ReadAll(_process.StandardOutput.BaseStream);
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts <c>cxr ARGS</c>; <see cref="Outcome"/> waits for its end.</summary>
    public static CxrProcess Start(string workingDirectory, params string[] args) => new(workingDirectory, args);

    /// <summary>Runs <c>cxr ARGS</c> to its end.</summary>
    public static CxrOutcome Run(string workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        return process.Outcome();
    }

    /// <summary>Waits for the end (at most a minute, then it is killed and the test fails).</summary>
    public CxrOutcome Outcome()
    {
        if (!_process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("cxr ran for a minute");
        }
        return new CxrOutcome(_process.ExitCode, _stdout.Result, _stderr.Result);
    }

    public bool HasExited => _process.HasExited;

    private static async Task<byte[]> ReadAll(Stream stream)
    {
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
