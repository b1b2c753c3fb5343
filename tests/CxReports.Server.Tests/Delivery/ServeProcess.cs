using System.Diagnostics;
using System.Net.Http.Headers;

namespace CxReports.Server.Tests.Delivery;

/// <summary>
/// The built <c>cxr serve</c> as a real child process (the <c>cxr.dll</c> beside the tests), on a free port of
/// 127.0.0.1. <see cref="Kill"/> is SIGKILL on Linux: no shutdown code of the server runs.
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _stderr;

    public Uri Address { get; }

    private ServeProcess(Process process, Uri address, System.Text.StringBuilder stderr)
    {
        _process = process;
        Address = address;
        _stderr = stderr;
    }

    /// <summary>What the server has written on stderr so far (its log).</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr) return _stderr.ToString();
        }
    }

    /// <summary>Waits for something another process does; it has no way to tell us, so we look every 100 ms, for at most a minute.</summary>
    public static void WaitUntil(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(1)) throw new TimeoutException($"waited a minute for {what}");
            Thread.Sleep(100);
        }
    }

    public static ServeProcess Start(string reports, string data, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "cxr.dll"), "serve", "--reports", reports, "--data", data, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(data)!,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet cxr.dll serve");
        var stderr = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        // serve prints the address it listens on as its one line on stdout, once it listens.
        var line = process.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(60)) || line.Result is not { } address)
        {
            process.Kill();
            throw new InvalidOperationException($"cxr serve did not start: {stderr}");
        }
        return new ServeProcess(process, new Uri(address), stderr);
    }

    /// <summary>The server's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>SIGTERM, as Ctrl+C or a service manager stops it, and wait until it has exited (at most a minute).</summary>
    public int Stop()
    {
        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) signal.WaitForExit();
        if (!_process.WaitForExit(TimeSpan.FromMinutes(1))) throw new TimeoutException("cxr serve did not stop within a minute of SIGTERM");
        return _process.ExitCode;
    }

    public HttpClient Client(string key) => new()
    {
        BaseAddress = Address,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", key) },
        Timeout = TimeSpan.FromMinutes(2),
    };

    /// <summary>SIGKILL, and wait until the process is gone (its warehouse lock released with it).</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }
}
