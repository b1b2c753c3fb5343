using System.Net;
using System.Net.Http.Json;
using CxReports.Server.Evaluation;
using CxReports.Server.Security;
using CxReports.Server.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace CxReports.Server.Tests.Http;

/// <summary>
/// The cached-report shortcut over real HTTP on 127.0.0.1: a request it answers gets, byte for byte (all but the Date
/// line), what the full pipeline answers to the same request; where a rule says no, it answers nothing
/// (<see cref="ReportShortcuts.Answered"/> does not move) and the full pipeline's answer stands. Requests are written
/// by hand (<see cref="RawHttp"/>) so that targets reach the server exactly as written. Each test asks for its own
/// period (its own cache entry), so the tests of the class share one server without sharing answers.
/// </summary>
public sealed class ReportShortcutTests(SharedKestrelServer shared) : IClassFixture<SharedKestrelServer>
{
    private TestServer Server => shared.Server;

    private static string Report(string from, string query = "&plan=pro") => $"/api/reports/customer_success?from={from}&to=2026-10-31{query}";

    [Fact]
    public async Task A_remembered_request_is_answered_byte_for_byte_as_the_full_pipeline_answers_it()
    {
        // The first target evaluates; the second means the same (parameters in another order), so the full pipeline
        // answers it from the cache; asked again, the shortcut answers it.
        var (full, shortcut) = await FullThenShortcut(Report("2025-11-01"), "/api/reports/customer_success?plan=pro&to=2026-10-31&from=2025-11-01");

        Assert.Equal(full, shortcut);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", shortcut);
        Assert.Contains("\r\nX-Cache: hit\r\n", shortcut);
        Assert.Contains("\r\nX-Request-Id: shortcut-test\r\n", shortcut);
        Assert.Contains("\r\nContent-Type: application/json\r\n", shortcut);
        Assert.Contains("\r\nETag: W/\"", shortcut);
        Assert.Contains("{\"report\":\"customer_success\",", shortcut);
    }

    [Fact]
    public async Task If_None_Match_with_the_entity_tag_gets_the_same_304()
    {
        var etag = Header(await Send(Report("2025-11-02")), "ETag");
        var (full, shortcut) = await FullThenShortcut(Report("2025-11-02"), Report("2025-11-02", "&plan=pro&"), [$"If-None-Match: {etag}"]);

        Assert.Equal(full, shortcut);
        Assert.StartsWith("HTTP/1.1 304 Not Modified\r\n", shortcut);
        Assert.EndsWith("\r\n\r\n", shortcut);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("gzip, br")]
    public async Task A_client_accepting_compression_gets_the_same_answer(string encodings)
    {
        var from = $"2025-11-0{3 + encodings.Length % 5}";
        var (full, shortcut) = await FullThenShortcut(Report(from), Report(from, "&plan=pro&"), [$"Accept-Encoding: {encodings}"]);

        Assert.Equal(full, shortcut);
        Assert.Contains("\r\nX-Cache: hit\r\n", shortcut);
    }

    [Theory]
    [InlineData("X-Request-Id: two words")]
    [InlineData("X-Request-Id: ")]
    public async Task Without_a_usable_X_Request_Id_the_correlation_id_is_the_trace_id_as_the_full_pipeline_makes_it(string requestId)
    {
        const string traceId = "0af7651916cd43dd8448eb211c80319c";
        var from = requestId.Length > 14 ? "2025-11-25" : "2025-11-26";

        var (full, shortcut) = await FullThenShortcut(Report(from), Report(from, "&plan=pro&"), [requestId, $"traceparent: 00-{traceId}-b7ad6b7169203331-01"]);

        Assert.Equal(full, shortcut);
        Assert.Contains($"\r\nX-Request-Id: {traceId}\r\n", shortcut);
    }

    /// <summary>The shortcut starts no activity; a request without a trace of its own still gets a new trace id each time.</summary>
    [Fact]
    public async Task Without_a_trace_of_the_callers_each_shortcut_answer_has_a_new_trace_id()
    {
        var target = Report("2025-11-28");
        await Remembered(target);
        var answered = Server.Shortcuts().Answered;

        string[] noId = ["X-Request-Id: "];
        var ids = new[] { await Send(target, headers: noId), await Send(target, headers: noId) }.Select(r => Header(r, "X-Request-Id")).ToArray();

        Assert.Equal(answered + 2, Server.Shortcuts().Answered);
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.NotEqual(ids[0], ids[1]);
        Assert.DoesNotContain("00000000000000000000000000000000", ids);
    }

    /// <summary>A traceparent that is not a W3C trace context starts a new trace on both paths, never an id of zeros.</summary>
    [Theory]
    [InlineData("garbage", "2025-12-11")]
    [InlineData("00-00000000000000000000000000000000-b7ad6b7169203331-01", "2025-12-12")]
    [InlineData("|abc.1.", "2025-12-13")]
    [InlineData("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-", "2025-12-14")]
    public async Task A_malformed_traceparent_starts_a_new_trace_on_the_full_pipeline_and_the_shortcut(string traceparent, string from)
    {
        var target = Report(from);
        string[] headers = ["X-Request-Id: ", $"traceparent: {traceparent}"];
        await Send(target, headers: headers); // evaluated
        var full = await Send(target, headers: headers); // a cache hit through the full pipeline, remembered
        var answered = Server.Shortcuts().Answered;
        var shortcut = await Send(target, headers: headers);

        Assert.Equal(answered + 1, Server.Shortcuts().Answered);
        foreach (var id in new[] { Header(full, "X-Request-Id"), Header(shortcut, "X-Request-Id") })
        {
            Assert.Matches("^[0-9a-f]{32}$", id);
            Assert.NotEqual(new string('0', 32), id);
        }
    }

    [Fact]
    public async Task A_remembered_request_under_another_name_of_the_server_is_answered_by_the_full_pipeline_first()
    {
        var target = Report("2025-11-27");
        var byAddress = await Remembered(target);
        var answered = Server.Shortcuts().Answered;
        var byName = $"localhost:{new Uri(Server.App.Urls.First()).Port}";

        var full = await Send(target, host: byName);
        Assert.Equal(answered, Server.Shortcuts().Answered);
        var shortcut = await Send(target, host: byName);

        Assert.Equal(answered + 1, Server.Shortcuts().Answered);
        Assert.Equal(full, shortcut);
        Assert.Equal(byAddress, shortcut);
    }

    [Fact]
    public async Task A_PDF_chosen_by_Accept_is_remembered_apart_from_the_JSON_of_the_same_target()
    {
        var target = Report("2025-12-01");
        await Send(target);
        var answered = Server.Shortcuts().Answered;

        var pdf = await Send(target, headers: ["Accept: application/pdf"]);

        Assert.Equal(answered, Server.Shortcuts().Answered);
        Assert.Contains("\r\nContent-Type: application/pdf\r\n", pdf);
        var (full, shortcut) = await FullThenShortcut(target, target + "&", ["Accept: application/pdf"]);
        Assert.Equal(full, shortcut);
        Assert.Contains("\r\nContent-Disposition: inline; filename=\"customer_success_2025-12-01_2026-10-31.pdf\"\r\n", shortcut);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Authorization: Bearer cxr_not-a-key-anyone-has-made-0000000000000000")]
    [InlineData("Authorization: Basic dXNlcjpwYXNz")]
    [InlineData("Authorization: Bearer")]
    [InlineData("Authorization: ")]
    public async Task Without_a_registered_key_the_full_pipeline_answers_401(string? authorization)
    {
        var target = Report("2025-11-10");
        await Remembered(target);
        var answered = Server.Shortcuts().Answered;

        var response = await Send(target, key: null, headers: authorization is null ? [] : [authorization]);

        Assert.StartsWith("HTTP/1.1 401 Unauthorized\r\n", response);
        Assert.Equal(answered, Server.Shortcuts().Answered);
    }

    [Fact]
    public async Task Two_keys_in_two_headers_are_refused_as_the_auth_handler_refuses_them()
    {
        var target = Report("2025-11-11");
        await Remembered(target);
        var answered = Server.Shortcuts().Answered;

        var response = await Send(target, key: null, headers: [$"Authorization: Bearer {Server.Keys[ApiScope.Read]}", $"Authorization: Bearer {Server.Keys[ApiScope.Read]}"]);

        Assert.StartsWith("HTTP/1.1 401 Unauthorized\r\n", response);
        Assert.Equal(answered, Server.Shortcuts().Answered);
    }

    [Theory]
    [InlineData(ApiScope.Run)]
    [InlineData(ApiScope.Admin)]
    public async Task Keys_of_higher_scopes_read_through_the_shortcut_as_they_read_through_the_full_pipeline(ApiScope scope)
    {
        var from = scope == ApiScope.Run ? "2025-11-12" : "2025-11-13";
        await Send(Report(from));

        var (full, shortcut) = await FullThenShortcut(Report(from), Report(from, "&plan=pro&"), key: Server.Keys[scope]);

        Assert.Equal(full, shortcut);
        Assert.Contains("\r\nX-Cache: hit\r\n", shortcut);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_by_the_very_next_request()
    {
        var admin = Server.Client(ApiScope.Admin);
        var created = await (await admin.PostAsJsonAsync("/api/keys", new { scope = "read" })).Json(HttpStatusCode.Created);
        var key = created.GetProperty("key").GetString()!;
        var target = Report("2025-11-14");
        await Remembered(target, key);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/keys/{created.GetProperty("id").GetString()}")).StatusCode);
        var answered = Server.Shortcuts().Answered;
        var response = await Send(target, key);

        Assert.StartsWith("HTTP/1.1 401 Unauthorized\r\n", response);
        Assert.Contains("\r\nWWW-Authenticate: Bearer error=\"invalid_token\"\r\n", response);
        Assert.Equal(answered, Server.Shortcuts().Answered);
    }

    [Fact]
    public async Task A_Host_the_server_does_not_answer_to_is_refused_as_before()
    {
        var target = Report("2025-11-15");
        await Remembered(target);
        var answered = Server.Shortcuts().Answered;

        var response = await Send(target, host: "attacker.example");

        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", response);
        Assert.Equal(answered, Server.Shortcuts().Answered);
    }

    [Fact]
    public async Task HEAD_is_left_to_the_full_pipeline_which_allows_only_GET()
    {
        var target = Report("2025-11-16");
        await Remembered(target);
        var answered = Server.Shortcuts().Answered;

        var response = await Send(target, method: "HEAD");

        Assert.StartsWith("HTTP/1.1 405 Method Not Allowed\r\n", response);
        Assert.Contains("\r\nAllow: GET\r\n", response);
        Assert.Equal(answered, Server.Shortcuts().Answered);
    }

    [Fact]
    public async Task A_cross_site_GET_is_answered_as_the_guard_answers_it_letting_it_through()
    {
        var from = "2025-11-17";
        await Send(Report(from));

        var (full, shortcut) = await FullThenShortcut(Report(from), Report(from, "&plan=pro&"), ["Origin: https://attacker.example", "Sec-Fetch-Site: cross-site"]);

        Assert.Equal(full, shortcut);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", shortcut);
    }

    [Fact]
    public async Task An_entry_dropped_from_the_cache_is_not_served_and_the_full_pipeline_evaluates_again()
    {
        var target = Report("2025-11-18");
        await Remembered(target);
        var answered = Server.Shortcuts().Answered;

        await Server.App.Services.GetRequiredService<ResultCache>().Invalidate(ResultCache.ReportTag("customer_success"));
        var response = await Send(target);

        Assert.Contains("\r\nX-Cache: miss\r\n", response);
        Assert.Equal(answered, Server.Shortcuts().Answered);
    }

    [Fact]
    public async Task Targets_that_differ_never_share_a_remembered_answer()
    {
        var pro = Report("2025-11-19");
        var proBody = Body(await Remembered(pro));
        var answered = Server.Shortcuts().Answered;

        // Another value, a name in another case, the same value percent-encoded, the same target with a trailing '&':
        // each is a request of its own, answered by the full pipeline first.
        var enterprise = await Send(Report("2025-11-19", "&plan=enterprise"));
        var upper = await Send(Report("2025-11-19", "&Plan=pro"));
        var encoded = await Send(Report("2025-11-19", "&plan=%70ro"));
        var upperName = await Send("/api/reports/Customer_Success?from=2025-11-19&to=2026-10-31&plan=pro");

        Assert.Equal(answered, Server.Shortcuts().Answered);
        Assert.NotEqual(proBody, Body(enterprise));
        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", upper);
        Assert.Contains("\"parameter\":\"Plan\"", upper);
        Assert.Equal(proBody, Body(encoded));
        Assert.Contains("\r\nX-Cache: hit\r\n", encoded);
        Assert.StartsWith("HTTP/1.1 404 Not Found\r\n", upperName);
    }

    [Theory]
    [InlineData("/api/reports/{long}?from=2025-11-20&to=2026-10-31", "HTTP/1.1 400 Bad Request")]
    [InlineData("/api/reports/customer%00success?from=2025-11-20&to=2026-10-31", "HTTP/1.1 400 Bad Request")]
    [InlineData("/api/reports/customer_success?from=2025-11-20&to=2026-10-31&plan=pro&plan=pro", "HTTP/1.1 400 Bad Request")]
    [InlineData("/api/reports/customer_success?from=2025-11-20&to=2026-10-31&plan=pro&plan=enterprise", "HTTP/1.1 400 Bad Request")]
    [InlineData("/api/reports/customer_success?from=2025-11-20&from=2025-11-21&to=2026-10-31", "HTTP/1.1 400 Bad Request")]
    [InlineData("/api/reports/customer_success?from=2025-11-20&to=2026-10-31&plan=pro%00", "HTTP/1.1 400 Bad Request")]
    [InlineData("/api/reports/customer_success\0?from=2025-11-20&to=2026-10-31", "HTTP/1.1 400 Bad Request")]
    [InlineData("/api/reports/..%2F..%2Fetc%2Fpasswd", "HTTP/1.1 400 Bad Request")]
    public async Task A_hostile_target_gets_the_full_pipelines_refusal_every_time(string target, string status)
    {
        target = target.Replace("{long}", new string('a', 5000));
        var answered = Server.Shortcuts().Answered;

        var first = await Send(target);
        var second = await Send(target);

        Assert.StartsWith(status + "\r\n", first);
        Assert.StartsWith(status + "\r\n", second);
        Assert.Equal(answered, Server.Shortcuts().Answered);
    }

    [Fact]
    public async Task A_target_with_dot_segments_or_escapes_is_the_path_the_router_matched_and_is_answered_as_that_path()
    {
        var plain = await Remembered(Report("2025-11-22"));
        var answered = Server.Shortcuts().Answered;

        // Kestrel resolves dot segments and decodes the path before anything reads it: to the router and the route
        // these are the plain request, so they get its answer; a query string is compared as sent.
        var dotted = await Send("/api/reports/../reports/customer_success?from=2025-11-22&to=2026-10-31&plan=pro");
        var escaped = await Send("/api/reports/customer%5Fsuccess?from=2025-11-22&to=2026-10-31&plan=pro");

        Assert.Equal(answered + 2, Server.Shortcuts().Answered);
        Assert.Equal(plain, dotted);
        Assert.Equal(plain, escaped);
    }

    [Fact]
    public async Task A_target_longer_than_the_remembered_limit_always_goes_the_full_way()
    {
        // Empty query members mean nothing: the same report, period and plan behind 1,100 ampersands.
        var target = "/api/reports/customer_success?" + new string('&', ReportShortcuts.MaxTextLength + 76) + "from=2025-11-23&to=2026-10-31&plan=pro";
        await Send(Report("2025-11-23"));
        var answered = Server.Shortcuts().Answered;

        var first = await Send(target);
        var second = await Send(target);

        Assert.Contains("\r\nX-Cache: hit\r\n", first);
        Assert.Equal(first, second);
        Assert.Equal(answered, Server.Shortcuts().Answered);
    }

    /// <summary>
    /// Warms <paramref name="warm"/> (evaluated and cached), then asks <paramref name="target"/> twice: the first answer
    /// from the full pipeline (the shortcut does not know the target yet), the second from the shortcut.
    /// </summary>
    private async Task<(string Full, string Shortcut)> FullThenShortcut(string warm, string target, string[]? headers = null, string? key = null)
    {
        key ??= Server.Keys[ApiScope.Read];
        headers ??= [];
        await Send(warm);
        var answered = Server.Shortcuts().Answered;
        var full = await Send(target, key, headers: headers);
        Assert.Equal(answered, Server.Shortcuts().Answered);
        var shortcut = await Send(target, key, headers: headers);
        Assert.Equal(answered + 1, Server.Shortcuts().Answered);
        return (full, shortcut);
    }

    /// <summary>Asks <paramref name="target"/> until the shortcut answers it (the second time), and returns that answer.</summary>
    private async Task<string> Remembered(string target, string? key = null)
    {
        await Send(target, key ?? Server.Keys[ApiScope.Read]);
        var answered = Server.Shortcuts().Answered;
        var response = await Send(target, key ?? Server.Keys[ApiScope.Read]);
        Assert.Equal(answered + 1, Server.Shortcuts().Answered);
        return response;
    }

    private Task<string> Send(string target, string? key = "", string method = "GET", string? host = null, params string[] headers) =>
        Server.Raw(target, key == "" ? Server.Keys[ApiScope.Read] : key, method, host, headers);

    private static string Header(string response, string name) =>
        response.Split("\r\n").First(l => l.StartsWith(name + ": ", StringComparison.OrdinalIgnoreCase))[(name.Length + 2)..];

    private static string Body(string response) => response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
}

/// <summary>Requests to a test server on a real socket, written by hand, and its shortcut's count.</summary>
internal static class ShortcutRequests
{
    public static ReportShortcuts Shortcuts(this TestServer server) => server.App.Services.GetRequiredService<ReportShortcuts>();

    /// <summary>
    /// One request on its own connection, with <c>X-Request-Id: shortcut-test</c> (so two answers can be compared) unless
    /// <paramref name="headers"/> give one, and the key as a bearer token when given; the whole answer without its Date line.
    /// </summary>
    public static async Task<string> Raw(this TestServer server, string target, string? key, string method = "GET", string? host = null, params string[] headers)
    {
        var url = new Uri(server.App.Urls.First());
        using var raw = await RawHttp.Connect(url);
        var lines = new List<string> { $"{method} {target} HTTP/1.1", $"Host: {host ?? url.Authority}", "Connection: close" };
        if (!headers.Any(h => h.StartsWith("X-Request-Id:", StringComparison.OrdinalIgnoreCase))) lines.Add("X-Request-Id: shortcut-test");
        if (key is not null) lines.Add($"Authorization: Bearer {key}");
        lines.AddRange(headers);
        await raw.Send(string.Join("\r\n", lines) + "\r\n\r\n");
        var (_, text) = await raw.Response();
        return string.Join("\r\n", text.Split("\r\n").Where(l => !l.StartsWith("Date: ", StringComparison.Ordinal)));
    }
}
