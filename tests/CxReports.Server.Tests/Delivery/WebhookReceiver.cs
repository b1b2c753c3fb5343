using System.Net;
using System.Net.Sockets;

namespace CxReports.Server.Tests.Delivery;

/// <summary>A real HTTP endpoint on 127.0.0.1 that answers with scripted status codes and keeps what it received.</summary>
internal sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<int> _statuses;
    private readonly Task _loop;

    public List<(byte[] Body, string? Signature, string? Timestamp, string? IdempotencyKey, int Answered)> Requests { get; } = [];

    /// <summary>The Authorization header and the URL (path and query) of each request, in order.</summary>
    public List<(string? Authorization, string? Url)> Credentials { get; } = [];
    public string Url { get; }

    public WebhookReceiver(params int[] statuses)
    {
        _statuses = new Queue<int>(statuses);
        var port = FreePort();
        Url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            // Stopped: while waiting (HttpListenerException, ObjectDisposedException), or before the loop first asked
            // (InvalidOperationException "call Start()"), as when a receiver is disposed right after it is made.
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var status = _statuses.Count > 0 ? _statuses.Dequeue() : 200;
            lock (Requests)
                Requests.Add((body.ToArray(), context.Request.Headers["X-CxReports-Signature"], context.Request.Headers["X-CxReports-Timestamp"],
                    context.Request.Headers["Idempotency-Key"], status));
            lock (Credentials) Credentials.Add((context.Request.Headers["Authorization"], context.Request.Url?.PathAndQuery));
            context.Response.StatusCode = status;
            context.Response.Close();
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
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
