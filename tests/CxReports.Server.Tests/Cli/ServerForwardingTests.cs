using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using CxReports.Server.Security;
using CxReports.Server.Tests.Delivery;
using CxReports.Server.Tests.Http;
using UglyToad.PdfPig;

namespace CxReports.Server.Tests.Cli;

/// <summary>
/// The CLI beside a running <c>cxr serve</c>, which holds the DuckDB file: the real <c>cxr</c> as a second process goes
/// through the server (found by the file next to the warehouse) and prints what it prints in process; a file left
/// behind is ignored; a server that stops mid-command is one line and exit 3.
/// </summary>
public sealed class ServerForwardingTests : IDisposable
{
    private const string NoKeys = "no API keys (create one with: cxr keys create --scope read)\n";
    private readonly string _root = Directory.CreateTempSubdirectory("cxr-forwarding-").FullName;

    private string Reports => Path.Combine(_root, "reports");
    private string Data => Path.Combine(_root, "data");
    private string ServerFile => Path.Combine(Data, "cxreports.duckdb.server.json");

    public ServerForwardingTests()
    {
        TestServer.CopyDirectory(Path.Combine(CliRunner.RepositoryRoot(), "reports"), Reports);
        TestServer.CopyDirectory(TestServer.DemoData, Data);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Every_forwarded_command_prints_what_it_prints_in_process()
    {
        // The first load, here in the test's process: both rounds below start from the loaded data.
        Assert.Equal(0, CliRunner.Run(_root, "--reports", "reports", "--data", "data", "load").Exit);
        string[][] commands =
        [
            ["query", "nps by month"],
            ["query", "nps, csat by month, channel", "--format", "csv"],
            ["query", "nps by month", "--format", "table"],
            ["run", "customer_success"],
            ["run", "customer_success", "--format", "csv", "--block", "kpi_1"],
            ["run", "customer_success", "--format", "csv"],
            ["run", "customer_success", "--format", "pdf", "-o", "ROUND.pdf"],
            ["run", "customer_success", "--format", "xlsx", "-o", "ROUND.xlsx"],
            ["explain", "customer_success"],
            ["load"],
            ["keys", "list"],
            ["keys", "revoke", "0123abcd"],
            ["alert", "list"],
            ["alert", "list", "--format", "json"],
        ];
        var alone = commands.Select(c => Cxr(Round(c, "alone"))).ToArray();
        // 0 done, 1 an error (the unknown key id), 2 usage (a CSV of a report with four tables).
        Assert.Equal([0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1, 0, 0], alone.Select(o => o.Exit));

        using var server = Serve();
        // Side by side, as several users would: the server takes them one at a time, and none changes the data.
        var through = commands.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(c => Cxr(Round(c, "through"))).ToArray();

        var line = $"cxr: through the server at {Address(server)} (cxr serve holds the warehouse)\n";
        for (var i = 0; i < commands.Length; i++)
        {
            var command = string.Join(' ', commands[i]);
            Assert.Equal((command, alone[i].Exit, line + alone[i].Err), (command, through[i].Exit, through[i].Err));
            Assert.Equal((command, Comparable(alone[i].Text)), (command, Comparable(through[i].Text)));
        }
        Assert.Equal(PdfText("alone.pdf"), PdfText("through.pdf"));
        Assert.Equal(XlsxParts("alone.xlsx"), XlsxParts("through.xlsx"));

        var secret = LocalServerFile.Read(ServerFile)!.Secret;
        Assert.DoesNotContain(secret, server.Stderr);
        Assert.All(through, o => Assert.False(o.Text.Contains(secret) || o.Err.Contains(secret)));
    }

    [Fact]
    public async Task A_key_created_through_the_server_admits_the_next_request_and_a_revoked_one_is_refused_at_once()
    {
        using var server = Serve();
        var line = $"cxr: through the server at {Address(server)} (cxr serve holds the warehouse)\n";

        var created = Cxr("keys", "create", "--scope", "read");
        var key = created.Text.TrimEnd('\n');
        Assert.Matches("^cxr_[A-Za-z0-9_-]{43}$", key);
        var id = ApiKeys.Hash(key)[..8];
        Assert.Equal((0, $"{line}created read key {id} (its hash is stored in the duckdb warehouse); it is shown once, keep it now\n"),
            (created.Exit, created.Err));
        using var client = server.Client(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/reports")).StatusCode);

        var listed = Cxr("keys", "list");
        Assert.Equal((0, line), (listed.Exit, listed.Err));
        Assert.Matches($"^{id}  read   \\d{{4}}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\n$", listed.Text);

        var revoked = Cxr("keys", "revoke", id);
        Assert.Equal((0, $"{line}revoked key {id}\n", ""), (revoked.Exit, revoked.Err, revoked.Text));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/reports")).StatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")] // file modes are Unix's; the server runs on Linux
    public void The_server_file_is_its_users_alone_admits_only_its_secret_and_goes_when_the_server_stops()
    {
        using var server = Serve();
        var file = LocalServerFile.Read(ServerFile)!;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ServerFile));
        Assert.Equal((Address(server), server.ProcessId, 43), (file.Address, file.ProcessId, file.Secret.Length));

        using var http = new HttpClient { BaseAddress = server.Address };
        HttpStatusCode Post(string? secret, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cli") { Content = JsonContent.Create(body) };
            if (secret is not null) request.Headers.Add("X-CxReports-Local-Secret", secret);
            using var response = http.Send(request);
            return response.StatusCode;
        }
        var terminal = new { width = 80, ansi = false, colorSystem = 0, unicode = true };
        var keysList = new { args = new[] { "keys", "list" }, workingDirectory = _root, terminal };
        Assert.Equal(HttpStatusCode.Unauthorized, Post(null, keysList));
        Assert.Equal(HttpStatusCode.Unauthorized, Post(file.Secret[..^1], keysList));
        Assert.Equal(HttpStatusCode.Unauthorized, Post("", keysList));
        Assert.Equal(HttpStatusCode.BadRequest, Post(file.Secret, new { args = new[] { "serve" }, workingDirectory = _root, terminal }));
        Assert.Equal(HttpStatusCode.BadRequest, Post(file.Secret, new { args = new[] { "keys", "list" }, workingDirectory = "data", terminal }));
        Assert.Equal(HttpStatusCode.BadRequest, Post(file.Secret, new { args = new[] { "keys", "li\0st" }, workingDirectory = _root, terminal }));
        Assert.Equal(HttpStatusCode.BadRequest, Post(file.Secret, new { args = new[] { "keys", "list" }, workingDirectory = _root, terminal = new { width = 0 } }));
        Assert.Equal(HttpStatusCode.BadRequest, Post(file.Secret, "not an object"));
        Assert.Equal(HttpStatusCode.OK, Post(file.Secret, keysList));

        Assert.Equal(0, server.Stop());
        Assert.False(File.Exists(ServerFile));
        Assert.DoesNotContain(file.Secret, server.Stderr);
    }

    [Fact]
    public void A_file_left_by_a_server_that_is_gone_is_removed_and_the_command_runs_in_process()
    {
        int gone;
        using (var exited = Process.Start("true")!)
        {
            exited.WaitForExit();
            gone = exited.Id;
        }
        new LocalServerFile($"http://127.0.0.1:{ClosedPort()}", gone, DateTimeOffset.UtcNow, "left-behind").Write(ServerFile);

        var listed = Cxr("keys", "list");

        Assert.Equal((0, NoKeys, ""), (listed.Exit, listed.Err, listed.Text));
        Assert.False(File.Exists(ServerFile));
    }

    [Fact]
    public void A_file_naming_a_live_process_that_refuses_or_does_not_answer_is_ignored_and_kept()
    {
        // This test process lives; nothing listens on the closed port, and the silent one accepts but never answers.
        new LocalServerFile($"http://127.0.0.1:{ClosedPort()}", Environment.ProcessId, DateTimeOffset.UtcNow, "x").Write(ServerFile);
        Assert.Equal((0, NoKeys), Outcome(Cxr("keys", "list")));
        Assert.True(File.Exists(ServerFile));

        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        new LocalServerFile($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}", Environment.ProcessId, DateTimeOffset.UtcNow, "x").Write(ServerFile);
        Assert.Equal((0, NoKeys), Outcome(Cxr("keys", "list")));
        Assert.True(File.Exists(ServerFile));
    }

    [Fact]
    public void A_file_whose_secret_its_live_server_refuses_is_ignored()
    {
        // Another server, on another warehouse, is alive and answers; the file next to ours names it with a secret it does not hold.
        var otherData = Path.Combine(_root, "other-data");
        TestServer.CopyDirectory(TestServer.DemoData, otherData);
        using var other = ServeProcess.Start(Reports, otherData, new Dictionary<string, string>());
        new LocalServerFile(Address(other), other.ProcessId, DateTimeOffset.UtcNow, LocalServerFile.NewSecret()).Write(ServerFile);

        Assert.Equal((0, NoKeys), Outcome(Cxr("keys", "list")));
        Assert.True(File.Exists(ServerFile)); // its process lives: not the command's to remove
    }

    [Fact]
    public void A_server_killed_during_a_command_is_one_line_and_exit_3()
    {
        using var webhook = new HoldingWebhookReceiver(hold: 1);
        using var server = ServeHeldDelivery(webhook);
        using var command = CxrProcess.Start(_root, "--reports", "reports", "--data", "data", "run", "held", "--deliver");
        ServeProcess.WaitUntil(() => webhook.Keys.Count == 1 || command.HasExited, "the delivery to reach the webhook");

        server.Kill();
        var outcome = command.Outcome();

        Assert.Equal((3, ""), (outcome.Exit, outcome.Text));
        Assert.Matches(@"^cxr: the server at http://127\.0\.0\.1:\d+ stopped during the command \([^\n]+\); its outcome is unknown: run it again\n$", outcome.Err);
    }

    [Fact]
    public void A_server_that_does_not_answer_within_the_server_timeout_is_one_line_and_exit_3()
    {
        using var webhook = new HoldingWebhookReceiver(hold: 1);
        using var server = ServeHeldDelivery(webhook);

        var outcome = Cxr("--server-timeout", "2", "run", "held", "--deliver");

        Assert.Equal((3, ""), (outcome.Exit, outcome.Text));
        Assert.Equal($"cxr: the server at {Address(server)} did not answer within 2 s (--server-timeout); the command's outcome is unknown\n", outcome.Err);
    }

    /// <summary>cxr with the copied reports and data, relative to the test's directory as a user in it would type them.</summary>
    private CxrOutcome Cxr(params string[] args) => CxrProcess.Run(_root, ["--reports", "reports", "--data", "data", .. args]);

    private static (int, string) Outcome(CxrOutcome outcome) => (outcome.Exit, outcome.Err);

    private ServeProcess Serve() => ServeProcess.Start(Reports, Data, new Dictionary<string, string>());

    /// <summary>A server whose report 'held' delivers to a webhook that never answers: a command running it stays in flight.</summary>
    private ServeProcess ServeHeldDelivery(HoldingWebhookReceiver webhook)
    {
        File.WriteAllText(Path.Combine(Reports, "held.cxr"), $$"""
            report held "Held" {
              period previous 12 months
              schedule "0 0 1 1 *" {
                webhook "{{webhook.Url}}" as json
              }
              section "S" {
                kpi nps
              }
            }
            """);
        return ServeProcess.Start(Reports, Data, new Dictionary<string, string> { ["Delivery__WebhookSecret"] = "test-secret" });
    }

    private static string Address(ServeProcess server) => server.Address.ToString().TrimEnd('/');

    private static string[] Round(string[] command, string round) => command.Select(a => a.Replace("ROUND", round, StringComparison.Ordinal)).ToArray();

    /// <summary>
    /// The output with what differs from one run to the next blanked: the moment a report was generated, and the
    /// milliseconds a load took (the seventh column of its table).
    /// </summary>
    private static string Comparable(string output)
    {
        var text = Regex.Replace(output, "\"generatedAt\": \"[^\"]+\"", "\"generatedAt\": \"…\"");
        if (!text.Contains("time (ms)", StringComparison.Ordinal)) return text;
        return string.Join('\n', text.Split('\n').Select(row =>
        {
            var cells = row.Split('│');
            if (cells.Length == 10) cells[6] = new string(' ', cells[6].Length);
            return string.Join('│', cells);
        }));
    }

    /// <summary>The text of each page, times of day blanked (the footer says when it was generated).</summary>
    private string[] PdfText(string file)
    {
        using var pdf = PdfDocument.Open(File.ReadAllBytes(Path.Combine(_root, file)));
        return pdf.GetPages().Select(p => Regex.Replace(p.Text, @"\d{1,2}:\d{2}(:\d{2})?", "…")).ToArray();
    }

    /// <summary>
    /// Each part of the workbook as text, with what the writer makes new each time blanked: relationship ids, and the
    /// generation time on the report sheet (a serial date with its time of day).
    /// </summary>
    private SortedDictionary<string, string> XlsxParts(string file)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(_root, file));
        var parts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            var text = Regex.Replace(reader.ReadToEnd(), "\"R[0-9a-f]{16}\"", "\"R…\"");
            if (entry.FullName == "xl/worksheets/sheet1.xml") text = Regex.Replace(text, @"<x:v>\d{5}\.\d{6,}</x:v>", "<x:v>…</x:v>");
            parts[entry.FullName] = text;
        }
        return parts;
    }

    private static int ClosedPort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
