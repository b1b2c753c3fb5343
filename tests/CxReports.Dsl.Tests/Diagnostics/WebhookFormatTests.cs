using CxReports.Dsl.Diagnostics;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>CXR039: a webhook POSTs one document, so the other formats of its `as` list would be dropped without a word.</summary>
public class WebhookFormatTests
{
    private static string Report(string delivery) => $$"""
        report weekly {
          schedule "0 8 * * MON" {
            {{delivery}}
          }
        }
        """;

    [Fact]
    public void The_formats_besides_the_json_a_webhook_sends_are_warned_at()
    {
        Cxr.Single(Report("webhook \"https://intranet.example/hook\" as pdf, json")).Is(DiagnosticCode.UnsentWebhookFormat, "x.cxr:3:48",
            "a webhook POSTs one document, the json: pdf is not sent", "deliver pdf by email or to a folder, or give the webhook one format");
    }

    [Fact]
    public void Without_json_the_first_format_is_sent_and_each_other_one_warned_at()
    {
        var found = Cxr.Compile(Report("webhook \"https://intranet.example/hook\" as xlsx, pdf, csv"));

        Assert.All(found, d => Assert.Equal(DiagnosticCode.UnsentWebhookFormat, d.Code));
        Assert.Equal(["a webhook POSTs one document, the xlsx: pdf is not sent", "a webhook POSTs one document, the xlsx: csv is not sent"], found.Select(d => d.Message));
    }

    [Theory]
    [InlineData("webhook \"https://intranet.example/hook\" as json")]
    [InlineData("webhook \"https://intranet.example/hook\" as pdf")]
    [InlineData("webhook \"https://intranet.example/hook\"")]
    [InlineData("email \"cx@example.com\" as pdf, xlsx")]
    [InlineData("folder \"cx\" as pdf, json, csv")]
    public void One_format_and_other_channels_are_fine(string delivery) => Assert.Empty(Cxr.Compile(Report(delivery)));
}
