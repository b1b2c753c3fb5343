using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace CxReports.Server.Tests.Delivery;

/// <summary>
/// A real SMTP server for the tests: Debian's aiosmtpd on 127.0.0.1, storing every message in a Maildir.
/// Installed by scripts/install-deps.sh; run with /usr/bin/python3, the interpreter Debian installed it for.
/// </summary>
internal sealed class SmtpServer : IDisposable
{
    private readonly string _maildir;
    private Process? _process;

    public int Port { get; } = FreePort();

    public SmtpServer(string directory) => _maildir = Path.Combine(directory, "maildir");

    public SmtpServer Start()
    {
        _process = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("could not start /usr/bin/python3 -m aiosmtpd (run scripts/install-deps.sh)");
        // aiosmtpd is another process with no readiness signal: poll its port, bounded by the 15 s deadline below.
        var deadline = Stopwatch.StartNew();
        while (!Accepting())
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"aiosmtpd exited: {_process.StandardError.ReadToEnd()} (run scripts/install-deps.sh)");
            if (deadline.Elapsed > TimeSpan.FromSeconds(15)) throw new TimeoutException("aiosmtpd did not start listening within 15 s");
            Thread.Sleep(50);
        }
        return this;
    }

    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(_maildir, "new");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Select(f => MimeMessage.Load(f)).ToArray() : [];
    }

    private bool Accepting()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.WaitForExit(5000);
        _process?.Dispose();
    }
}
