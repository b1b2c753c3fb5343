using CxReports.Engine.Scheduling;

namespace CxReports.Engine.Tests.Scheduling;

public sealed class RedactedTargetTests
{
    [Theory]
    [InlineData("https://u:p@host/hook?token=abc", "https://***@host/hook?token=***")]
    [InlineData("https://user@hooks.example.com:8443/a/b?x=1&y=2#frag", "https://***@hooks.example.com:8443/a/***?x=***&y=***#***")]
    [InlineData("https://hooks.slack.com/services/T0001/B0001/XXXXXXXXXXXXXXXXXXXXXXXX", "https://hooks.slack.com/services/***")]
    [InlineData("https://discord.com/api/webhooks/123/tok-en", "https://discord.com/api/***")]
    [InlineData("http://127.0.0.1:9000/hook/?s3cr3t", "http://127.0.0.1:9000/hook/?***")]
    [InlineData("http://[::1]:9000/hook?=v", "http://[::1]:9000/hook?***")]
    [InlineData("https://hooks.example.com/cx", "https://hooks.example.com/cx")]
    [InlineData("ceo@example.com", "ceo@example.com")]
    [InlineData("cx/weekly", "cx/weekly")]
    public void Credentials_query_values_and_path_after_the_first_segment_of_a_url_are_masked_and_other_targets_shown_as_they_are(string target, string shown) =>
        Assert.Equal(shown, RedactedTarget.Of(target));
}
