using System.Net;
using System.Net.Sockets;

namespace CxReports.Server.Tests.Delivery;

/// <summary>
/// A webhook endpoint on 127.0.0.1 that holds its first <c>hold</c> requests open forever (a slow receiver, so the
/// sender can be killed with the POST in flight) and answers 200 to the ones after. Keeps every Idempotency-Key.
/// </summary>
internal sealed class HoldingWebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<HttpListenerContext> _held = [];
    private readonly int _hold;
    private readonly Task _loop;
    private readonly List<string?> _keys = [];

    public string Url { get; }

    public HoldingWebhookReceiver(int hold)
    {
        _hold = hold;
        using (var socket = new TcpListener(IPAddress.Loopback, 0))
        {
            socket.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)socket.LocalEndpoint).Port}/hook/";
        }
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    /// <summary>The Idempotency-Key of each request received (held or answered), in order.</summary>
    public IReadOnlyList<string?> Keys
    {
        get { lock (_keys) return _keys.ToArray(); }
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            // Stopped while waiting, or before the loop first asked ("call Start()").
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            await context.Request.InputStream.CopyToAsync(Stream.Null);
            int received;
            lock (_keys)
            {
                _keys.Add(context.Request.Headers["Idempotency-Key"]);
                received = _keys.Count;
            }
            if (received <= _hold)
            {
                _held.Add(context);
                continue;
            }
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
