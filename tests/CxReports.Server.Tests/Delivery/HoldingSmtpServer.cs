using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CxReports.Server.Tests.Delivery;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 that takes a whole message and then never answers its final dot: the client
/// is cut off mid-send, not knowing whether the mail went out. Counts the messages it received in full.
/// </summary>
internal sealed class HoldingSmtpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _clients = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _messages;

    public int Port { get; }

    public HoldingSmtpServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(Serve);
    }

    /// <summary>Messages received up to and including their final dot (none of them was ever acknowledged).</summary>
    public int Messages => Volatile.Read(ref _messages);

    private async Task Serve()
    {
        while (true)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
            lock (_clients) _clients.Add(client);
            _ = Task.Run(() => Converse(client));
        }
    }

    private async Task Converse(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 127.0.0.1 ESMTP holding");
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Split(' ')[0].ToUpperInvariant();
                if (verb == "DATA")
                {
                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    while (await reader.ReadLineAsync() is { } data && data != ".") { }
                    Interlocked.Increment(ref _messages);
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }
                await writer.WriteLineAsync(verb switch
                {
                    "EHLO" or "HELO" => "250 127.0.0.1",
                    "QUIT" => "221 bye",
                    _ => "250 ok",
                });
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or OperationCanceledException)
        {
            // The client went away (killed), or the server is stopping: the conversation is over.
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_clients)
            foreach (var client in _clients) client.Dispose();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
