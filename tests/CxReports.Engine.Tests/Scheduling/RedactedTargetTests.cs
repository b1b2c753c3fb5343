using CxReports.Engine.Scheduling;

namespace CxReports.Engine.Tests.Scheduling;

public sealed class RedactedTargetTests
{
    [Theory]
    [InlineData("https://u:p@host/hook?token=abc", "https://***@host/hook?token=***")]
    [InlineData("https://user@hooks.example.com:8443/a/b?x=1&y=2#frag", "https://***@hooks.example.com:8443/a/b?x=***&y=***#***")]
    [InlineData("http://127.0.0.1:9000/hook/?s3cr3t", "http://127.0.0.1:9000/hook/?***")]
    [InlineData("http://[::1]:9000/hook?=v", "http://[::1]:9000/hook?***")]
    [InlineData("https://hooks.example.com/cx", "https://hooks.example.com/cx")]
    [InlineData("ceo@example.com", "ceo@example.com")]
    [InlineData("cx/weekly", "cx/weekly")]
    public void Credentials_and_query_values_of_a_url_are_masked_and_other_targets_shown_as_they_are(string target, string shown) =>
        Assert.Equal(shown, RedactedTarget.Of(target));
}
