using System.Net;
using System.Text;
using CxReports.Server.Security;

namespace CxReports.Server.Tests.Http;

/// <summary>POST /api/check lists at most the first diagnostics and runs behind its own limiter, over real HTTP.</summary>
public sealed class CheckLimitTests
{
    [Fact]
    public async Task A_text_with_more_mistakes_than_the_limit_lists_the_first_ones_with_their_positions_and_counts_them_all()
    {
        await using var server = await TestServer.Start(new() { ["Cxr:WatchReports"] = "false" }, kestrel: true);
        var text = string.Concat(Enumerable.Range(1, 300).Select(i => $"metric bad_{i} = nsp(responses.score)\n"));
        var response = await server.Client(ApiScope.Read).PostAsync("/api/check?file=extra.cxr", new StringContent(text));
        var problem = await response.Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal((300, 300), (problem.GetProperty("errors").GetInt32(), problem.GetProperty("total").GetInt32()));
        var shown = problem.GetProperty("diagnostics").EnumerateArray().ToArray();
        Assert.Equal(100, shown.Length);
        // Line i is "metric bad_i = nsp(...)": 'nsp' begins after "metric bad_" (11), the digits of i and " = " (3).
        Assert.All(shown.Select((d, i) => (d, Line: i + 1)), x => Assert.Equal(("extra.cxr", x.Line, 15 + x.Line.ToString().Length, "unknown function 'nsp'"),
            (x.d.GetProperty("file").GetString(), x.d.GetProperty("line").GetInt32(), x.d.GetProperty("column").GetInt32(), x.d.GetProperty("message").GetString())));
        Assert.Contains("the first 100 of 300 diagnostics (Cxr:MaxDiagnostics)", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_of_a_quarter_megabyte_of_unexpected_characters_gets_a_small_answer()
    {
        await using var server = await TestServer.Start(new() { ["Cxr:WatchReports"] = "false" }, kestrel: true);
        var response = await server.Client(ApiScope.Read).PostAsync("/api/check", new StringContent(new string('@', 262_000)));
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True(body.Length < 64 * 1024, $"{body.Length} bytes");
        Assert.InRange(System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("diagnostics").GetArrayLength(), 1, 100);
    }

    [Fact]
    public async Task Checks_past_the_limit_are_refused_with_503_and_retry_after()
    {
        await using var server = await TestServer.Start(new() { ["Cxr:WatchReports"] = "false", ["Cxr:MaxConcurrentChecks"] = "1", ["Cxr:CheckQueueLimit"] = "0" }, kestrel: true);
        var client = server.Client(ApiScope.Read);
        // About 150 KB that takes a second or more to check: twelve at once overlap, so all but one wait for the single
        // permit and, with no queue, are refused. A machine too busy to overlap them gets further rounds.
        var body = string.Concat(Enumerable.Range(1, 4000).Select(i => $"metric m_{i} = nps(responses.score)\n"));
        var responses = new List<HttpResponseMessage>();
        for (var round = 0; round < 5 && responses.All(r => r.StatusCode != HttpStatusCode.ServiceUnavailable); round++)
            responses.AddRange(await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
                client.PostAsync("/api/check", new StringContent(body, Encoding.UTF8, "text/plain")))));
        var busy = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToArray();
        var statuses = string.Join(", ", responses.Select(r => (int)r.StatusCode));
        Assert.True(busy.Length > 0, statuses);
        Assert.True(responses.All(r => r.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.ServiceUnavailable), statuses);
        Assert.Equal("1", busy[0].Headers.RetryAfter?.ToString());
        Assert.Contains("Cxr:MaxConcurrentChecks", (await busy[0].Problem(HttpStatusCode.ServiceUnavailable)).GetProperty("detail").GetString());
    }
}
