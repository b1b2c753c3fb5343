using System.Net;
using CxReports.Server.Security;
using CxReports.Server.Tests.Cli;

namespace CxReports.Server.Tests.Http;

[Collection(SharedServerCollection.Name)]
public sealed class CheckEndpointTests(SharedServer shared)
{
    private TestServer Server => shared.Server;

    private static string Sample(string file) => File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot(), "reports", file));

    [Fact]
    public async Task A_valid_file_checked_in_place_of_its_served_version_is_200()
    {
        var result = await (await Server.Client(ApiScope.Read).PostAsync("/api/check?file=advocacy.cxr", new StringContent(Sample("advocacy.cxr")))).Json();
        Assert.Equal(0, result.GetProperty("errors").GetInt32());
    }

    [Fact]
    public async Task A_file_with_errors_is_422_with_file_line_and_column_of_each()
    {
        var text = Sample("advocacy.cxr").Replace("kpi nps, nps_margin", "kpi nsp, nps_margin");
        var problem = await (await Server.Client(ApiScope.Read).PostAsync("/api/check?file=advocacy.cxr", new StringContent(text))).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, problem.GetProperty("errors").GetInt32());
        var diagnostic = problem.GetProperty("diagnostics").EnumerateArray().Single();
        var line = text.Split('\n').ToList().FindIndex(l => l.Contains("kpi nsp")) + 1;
        Assert.Equal(("advocacy.cxr", line, 9), (diagnostic.GetProperty("file").GetString(), diagnostic.GetProperty("line").GetInt32(), diagnostic.GetProperty("column").GetInt32()));
        Assert.Equal("unknown metric 'nsp'", diagnostic.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Text_checked_alone_cannot_see_the_served_model()
    {
        var problem = await (await Server.Client(ApiScope.Read).PostAsync("/api/check", new StringContent(Sample("advocacy.cxr")))).Problem(HttpStatusCode.UnprocessableEntity);
        Assert.All(problem.GetProperty("diagnostics").EnumerateArray(), d => Assert.Equal("request.cxr", d.GetProperty("file").GetString()));
    }

    [Theory]
    [InlineData("../secrets.cxr")]
    [InlineData("model/../../x.cxr")]
    [InlineData("/etc/passwd")]
    [InlineData("advocacy.txt")]
    public async Task A_file_name_outside_the_reports_directory_is_400(string file)
    {
        var problem = await (await Server.Client(ApiScope.Read).PostAsync($"/api/check?file={Uri.EscapeDataString(file)}", new StringContent("x"))).Problem(HttpStatusCode.BadRequest);
        Assert.Equal("file", problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        var problem = await (await Server.Client(ApiScope.Read).PostAsync("/api/check", new StringContent(new string('#', 300 * 1024)))).Problem(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("Cxr:MaxCheckBytes", problem.GetProperty("detail").GetString());
    }
}
