using System.Text.Json;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Dsl.Text;
using CxReports.Engine.Alerts;
using CxReports.Engine.Planning;
using CxReports.Engine.Statistics;
using CxReports.Rendering.Alerts;

namespace CxReports.Rendering.Tests.Alerts;

/// <summary>
/// What an alert tells each channel: the same segments and numbers, in Slack's Block Kit, a Teams Adaptive Card, an
/// email and the generic webhook JSON, each in the shape the channel documents.
/// </summary>
public class AlertPayloadTests
{
    private static readonly AlertModel Alert = ModelBinder.Compile([new SourceFile("a.cxr", """
        source responses from "r.csv" {
          time at: timestamp
          column channel
          column score: integer
        }
        metric responses_n = count(responses)
        metric nps = nps(responses.score)
        alert nps_drop "NPS düştü" {
          when nps by channel drops 5 points
          min responses_n 30
          significance 95%
        }
        """)]).Model!.Alerts["nps_drop"];

    private static readonly ChangeSignificance Test = new(-40, 10.677078, 0.000179431, -60.93, -19.07, 0.95);

    private static readonly AlertSegment Phone = new(["phone"], 10, 50, -40, 100, Test, AlertOutcome.Fired) { Name = "channel=phone", PreviousGuard = 80 };
    private static readonly AlertSegment Chat = new(["chat"], 20, 10, 10, 40, null, AlertOutcome.Quiet) { Name = "channel=chat" };
    private static readonly AlertSegment Web = new(["web"], 0, 50, -50, 4, null, AlertOutcome.SuppressedByMinimum) { Name = "channel=web" };

    private static readonly AlertEvaluation Evaluation = new("nps_drop",
        ResolvedPeriod.Of(new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28), new DateOnly(2025, 3, 10)),
        ResolvedPeriod.Of(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31), new DateOnly(2025, 3, 10)), [Chat, Phone, Web]);

    private static readonly AlertMessage Message = AlertMessage.Of(Alert, Evaluation,
        [new AlertNotice("nps_drop", AlertNoticeKind.Fired, Phone), new AlertNotice("nps_drop", AlertNoticeKind.BackToNormal, Chat)]);

    /// <summary>The message as a server with the public address <c>https://cx.example/cx/</c> writes it.</summary>
    private static readonly AlertMessage Linked = AlertMessage.Of(Alert, Evaluation,
        [new AlertNotice("nps_drop", AlertNoticeKind.Fired, Phone), new AlertNotice("nps_drop", AlertNoticeKind.BackToNormal, Chat)],
        publicUrl: "https://cx.example/cx/");

    [Fact]
    public void With_a_public_address_every_channel_links_to_the_alert_on_the_alerts_page_and_without_one_none_does()
    {
        const string link = "https://cx.example/cx/alerts#alert-nps_drop";
        Assert.Equal(link, Linked.Link);
        using (var slack = JsonDocument.Parse(SlackPayload.Of(Linked)))
        {
            var context = slack.RootElement.GetProperty("blocks").EnumerateArray().Last().GetProperty("elements");
            Assert.Equal($"<{link}|Open in CxReports>", context.EnumerateArray().Last().GetProperty("text").GetString());
        }
        using (var teams = JsonDocument.Parse(TeamsPayload.Of(Linked)))
        {
            var action = teams.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("actions")[0];
            Assert.Equal(("Action.OpenUrl", link), (action.GetProperty("type").GetString(), action.GetProperty("url").GetString()));
        }
        using (var webhook = JsonDocument.Parse(AlertWebhookJson.Of("nps_drop", Evaluation, Linked)))
            Assert.Equal(link, webhook.RootElement.GetProperty("link").GetString());

        Assert.Null(Message.Link);
        Assert.DoesNotContain("Open in CxReports", SlackPayload.Of(Message) + TeamsPayload.Of(Message));
        Assert.DoesNotContain("http", AlertEmail.Of(Message).Text);
    }

    [Fact]
    public void The_message_lists_what_fired_and_what_recovered_with_their_numbers_and_the_segments_not_judged()
    {
        Assert.Equal("NPS düştü: 1 segment fired, 1 segment back to normal", Message.Title);
        Assert.Equal("2025-02-01 .. 2025-02-28 vs 2025-01-01 .. 2025-01-31", Message.Periods);
        Assert.Equal(
        [
            "channel=phone: 10 (was 50, change -40; p = 0.0002, 95% interval -60.93 .. -19.07)",
            "channel=chat back to normal: 20 (was 10, change +10)",
        ], Message.Lines.Select(l => l.Text));
        Assert.Equal("Not judged, fewer than 30 responses_n: channel=web", Message.MinimumNote);
    }

    [Fact]
    public void Slack_gets_a_fallback_text_a_plain_text_header_a_markdown_section_per_segment_and_a_context_line()
    {
        using var json = JsonDocument.Parse(SlackPayload.Of(Message));
        var root = json.RootElement;

        Assert.Equal(Message.Title, root.GetProperty("text").GetString());
        var blocks = root.GetProperty("blocks").EnumerateArray().ToArray();
        Assert.Equal(["header", "section", "section", "context"], blocks.Select(b => b.GetProperty("type").GetString()));
        Assert.Equal("plain_text", blocks[0].GetProperty("text").GetProperty("type").GetString());
        Assert.Equal(Message.Title, blocks[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("mrkdwn", blocks[1].GetProperty("text").GetProperty("type").GetString());
        Assert.Equal(Message.Lines[0].Text, blocks[1].GetProperty("text").GetProperty("text").GetString());
        Assert.Equal([Message.Periods, Message.MinimumNote], blocks[3].GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("text").GetString()));
    }

    [Fact]
    public void Slack_limits_hold_for_a_long_label_many_segments_and_markup_in_the_data()
    {
        var notices = Enumerable.Range(0, 30).Select(i => new AlertNotice("a", AlertNoticeKind.Fired,
            Phone with { Name = $"channel=<b>{i}&" })).ToArray();
        var message = AlertMessage.Of(Alert with { Label = new string('x', 400) }, Evaluation, notices);

        using var json = JsonDocument.Parse(SlackPayload.Of(message));
        var blocks = json.RootElement.GetProperty("blocks").EnumerateArray().ToArray();
        Assert.Equal(150, blocks[0].GetProperty("text").GetProperty("text").GetString()!.Length);
        // 20 segments, a line for the other 10, the header and the context: 23 blocks (Slack takes 50).
        Assert.Equal(23, blocks.Length);
        Assert.Equal("and 10 more", blocks[21].GetProperty("text").GetProperty("text").GetString());
        Assert.StartsWith("channel=&lt;b&gt;0&amp;: 10", blocks[1].GetProperty("text").GetProperty("text").GetString());
    }

    [Fact]
    public void Teams_gets_a_message_with_one_adaptive_card_whose_facts_are_the_segments()
    {
        using var json = JsonDocument.Parse(TeamsPayload.Of(Message));
        var root = json.RootElement;

        Assert.Equal("message", root.GetProperty("type").GetString());
        var attachment = Assert.Single(root.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal(("AdaptiveCard", "1.4"), (card.GetProperty("type").GetString(), card.GetProperty("version").GetString()));
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card.GetProperty("$schema").GetString());
        var body = card.GetProperty("body").EnumerateArray().ToArray();
        Assert.Equal(["TextBlock", "TextBlock", "FactSet", "TextBlock"], body.Select(b => b.GetProperty("type").GetString()));
        Assert.Equal(Message.Title, body[0].GetProperty("text").GetString());
        Assert.Equal(
            [("channel=phone", "10 (was 50, change -40; p = 0.0002, 95% interval -60.93 .. -19.07)"), ("channel=chat", "back to normal: 20 (was 10, change +10)")],
            body[2].GetProperty("facts").EnumerateArray().Select(f => (f.GetProperty("title").GetString(), f.GetProperty("value").GetString())));
    }

    [Fact]
    public void The_email_has_the_title_as_subject_and_a_line_per_segment()
    {
        var (subject, text) = AlertEmail.Of(Linked);

        Assert.Equal("NPS düştü: 1 segment fired, 1 segment back to normal", subject);
        Assert.Equal("""
            2025-02-01 .. 2025-02-28 vs 2025-01-01 .. 2025-01-31

            - channel=phone: 10 (was 50, change -40; p = 0.0002, 95% interval -60.93 .. -19.07)
            - channel=chat back to normal: 20 (was 10, change +10)

            Not judged, fewer than 30 responses_n: channel=web

            https://cx.example/cx/alerts#alert-nps_drop

            """.ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void The_webhook_json_has_the_raw_numbers_and_null_for_what_is_undefined()
    {
        using var json = JsonDocument.Parse(AlertWebhookJson.Of("nps_drop", Evaluation, Message));
        var root = json.RootElement;

        Assert.Equal("nps_drop", root.GetProperty("alert").GetString());
        Assert.Equal("2025-01-01", root.GetProperty("earlier").GetProperty("from").GetString());
        var segments = root.GetProperty("segments").EnumerateArray().ToArray();
        Assert.Equal(("channel=phone", "phone", "fired"), (segments[0].GetProperty("segment").GetString(),
            segments[0].GetProperty("key")[0].GetString(), segments[0].GetProperty("state").GetString()));
        Assert.Equal((10.0, 50.0, -40.0, 0.000179431), (segments[0].GetProperty("value").GetDouble(), segments[0].GetProperty("previous").GetDouble(),
            segments[0].GetProperty("change").GetDouble(), segments[0].GetProperty("pValue").GetDouble()));
        Assert.Equal((100.0, 80.0), (segments[0].GetProperty("guard").GetDouble(), segments[0].GetProperty("previousGuard").GetDouble()));
        Assert.Equal(("back_to_normal", JsonValueKind.Null, JsonValueKind.Null), (segments[1].GetProperty("state").GetString(),
            segments[1].GetProperty("pValue").ValueKind, segments[1].GetProperty("previousGuard").ValueKind));
    }

    [Fact]
    public void A_teams_card_stays_under_28_kb_whatever_the_segment_names_hold_and_counts_what_it_leaves_out()
    {
        // 30 segments named by 5,000 Turkish letters and emoji each (two or four bytes a character in UTF-8).
        var name = string.Concat(Enumerable.Repeat("şğ😀", 2000));
        var notices = Enumerable.Range(0, 30).Select(i => new AlertNotice("a", AlertNoticeKind.Fired, Phone with { Name = $"city={i}{name}" })).ToArray();
        var unjudged = Enumerable.Range(0, 30).Select(i => Web with { Name = $"city=w{i}{name}" });
        var evaluation = Evaluation with { Segments = [.. notices.Select(n => n.Segment), .. unjudged] };
        var message = AlertMessage.Of(Alert with { Label = name }, evaluation, notices);

        var payload = TeamsPayload.Of(message);

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(payload) <= TeamsPayload.MaxBytes, $"{System.Text.Encoding.UTF8.GetByteCount(payload)} bytes");
        using var json = JsonDocument.Parse(payload);
        var body = json.RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("body");
        var facts = body[2].GetProperty("facts").EnumerateArray().ToArray();
        var listed = facts.Length - 1;
        Assert.InRange(listed, 1, AlertMessage.MaxLines - 1);
        Assert.Equal($"and {30 - listed} more", facts[^1].GetProperty("value").GetString());
        // Cut texts end in an ellipsis, never in half an emoji.
        Assert.All(facts[..listed], f => Assert.EndsWith("…", f.GetProperty("title").GetString()));
        Assert.DoesNotContain('\uFFFD', payload);
    }

    [Theory]
    [InlineData("abcdef", 4, "abc…")]
    [InlineData("ab😀cd", 4, "ab…")] // the emoji would be split by a cut after three characters
    [InlineData("abc", 3, "abc")]
    public void Chat_texts_are_cut_whole_characters_at_a_time(string text, int limit, string cut) =>
        Assert.Equal(cut, ChatText.Cut(text, limit));
}
