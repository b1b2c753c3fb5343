using CxReports.Dsl.Diagnostics;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>CXR120-CXR124 and the shared checks of an alert: names, cron, zone, targets, each at its position.</summary>
public class AlertDiagnosticsTests
{
    [Fact]
    public void An_alert_without_a_when_line_is_CXR120_at_its_name()
    {
        Cxr.Single("alert quiet {\n  notify email \"cx@example.com\"\n}").Is(DiagnosticCode.AlertWithoutCondition, "x.cxr:1:7",
            "alert 'quiet' has no `when` line, so it can never fire",
            "add what it watches, e.g. `when nps by channel drops 5 points vs previous period` or `when churn > 3`");
    }

    [Fact]
    public void A_misspelt_metric_or_dimension_is_CXR010_with_the_closest_name()
    {
        var diagnostics = Cxr.Compile("alert a {\n  when nsp by chanel drops 5 points\n}");
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCode.UnknownName && d.Span.ToString() == "x.cxr:2:8" && d.Hint == "did you mean 'nps'?");

        Cxr.Single("alert a {\n  when nps by chanel drops 5 points\n}").Is(DiagnosticCode.UnknownName, "x.cxr:2:15",
            "cannot group by 'chanel': it is not a field of source 'responses' or of a source linked from it", "did you mean 'channel'?");
    }

    [Fact]
    public void A_grain_among_the_dimensions_is_CXR121_pointing_to_the_grain_line()
    {
        Cxr.Single("alert a {\n  when nps by month drops 5 points\n}").Is(DiagnosticCode.InvalidAlertCondition, "x.cxr:2:15",
            "an alert is not grouped by 'month': it compares whole periods, set by its `grain` line",
            "delete 'month' from `by` and write `grain month` in the alert");
    }

    [Fact]
    public void A_change_in_percent_of_a_score_is_CXR121_suggesting_points()
    {
        Cxr.Single("alert a {\n  when nps drops 10%\n}").Is(DiagnosticCode.InvalidAlertCondition, "x.cxr:2:18",
            "'nps' is a score: a change of it in percent of its earlier value says nothing", "write the change in points, e.g. `drops 10 points`");
    }

    [Fact]
    public void A_change_of_zero_an_unknown_baseline_a_percent_line_for_a_score_and_an_unknown_grain_are_CXR121()
    {
        Cxr.Single("alert a {\n  when nps drops 0 points\n}").Is(DiagnosticCode.InvalidAlertCondition, "x.cxr:2:18",
            "a change of 0 fires on every check", "write how much it must drop to matter, e.g. `drops 5 points`");
        Cxr.Single("alert a {\n  when nps drops 5 points vs previous perod\n}").Is(DiagnosticCode.InvalidAlertCondition, "x.cxr:2:39",
            "cannot compare with previous 'perod'", "did you mean 'period'?");
        Cxr.Single("alert a {\n  when nps < 10%\n}").Is(DiagnosticCode.InvalidAlertCondition, "x.cxr:2:14",
            "'nps' is not a percentage, so 10% has no meaning for it", "write the line as a number in the metric's unit, e.g. `> 10`");
        Cxr.Single("alert a {\n  when churn > \"high\"\n}").Is(DiagnosticCode.InvalidAlertCondition, "x.cxr:2:16",
            "the line an alert compares with must be a number, not \"high\"", "write a number, e.g. `when churn > 3` or `when nps < -10`");
        Cxr.Single("alert a {\n  when churn > 3\n  grain fortnight\n}").Is(DiagnosticCode.InvalidAlertCondition, "x.cxr:3:9",
            "unknown grain 'fortnight'", "grains are day, week, month, quarter and year");
    }

    [Fact]
    public void Significance_for_a_metric_without_a_test_or_for_a_threshold_is_CXR122()
    {
        Cxr.Single("alert a {\n  when arpa drops 5 points\n  significance 95%\n}").Is(DiagnosticCode.SignificanceWithoutTest, "x.cxr:3:3",
            "no significance test applies to 'arpa': a test needs the answers behind one NPS, proportion or mean",
            "the functions with a test are mean, share, nps, csat, ces, churn_rate; delete `significance` or watch a metric built on one of them");
        Cxr.Single("alert a {\n  when churn > 3\n  significance 95%\n}").Is(DiagnosticCode.SignificanceWithoutTest, "x.cxr:3:3",
            "significance tests a change between two periods, and this alert compares with a fixed line",
            "delete `significance`, or watch a change: `when ... drops 5 points vs previous period`");
    }

    [Theory]
    [InlineData("100%")]
    [InlineData("40%")]
    [InlineData("0.95")]
    [InlineData("responses_n")]
    public void A_significance_level_outside_50_to_100_percent_is_CXR123(string level)
    {
        Cxr.Single($"alert a {{\n  when nps drops 5 points\n  significance {level}\n}}").Is(DiagnosticCode.InvalidAlertGuard, "x.cxr:3:16",
            $"a significance level is a percentage from 50% up to (not including) 100%, not {level}",
            "write `significance 95%` (a change that noise would make less than 5% of the time) or `significance 99%`");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("2.5")]
    [InlineData("99999999999")]
    public void A_minimum_that_is_not_a_whole_number_from_1_is_CXR123(string count)
    {
        Cxr.Single($"alert a {{\n  when nps drops 5 points\n  min responses_n {count}\n}}").Is(DiagnosticCode.InvalidAlertGuard, "x.cxr:3:19",
            $"the minimum must be a whole number of at least 1, not {count}",
            "write how many answers a segment needs to be judged, e.g. `min responses_n 30`");
    }

    [Fact]
    public void An_unknown_channel_is_CXR124_with_the_closest_channel()
    {
        Cxr.Single("alert a {\n  when churn > 3\n  notify slak \"https://hooks.slack.com/services/x\"\n}").Is(DiagnosticCode.InvalidAlertTarget, "x.cxr:3:10",
            "unknown channel 'slak'", "did you mean 'slack'?");
        Cxr.Single("alert a {\n  when churn > 3\n  notify sms \"+905551112233\"\n}").Is(DiagnosticCode.InvalidAlertTarget, "x.cxr:3:10",
            "unknown channel 'sms'", "channels are slack, teams, email and webhook");
    }

    [Theory]
    [InlineData("slack", "ftp://hooks.slack.com/x", "is not an http(s) URL", "paste the slack webhook's https address")]
    [InlineData("teams", "../../etc/passwd", "is not an http(s) URL", "paste the teams webhook's https address")]
    [InlineData("webhook", "", "is not an http(s) URL", "paste the webhook webhook's https address")]
    [InlineData("email", "cx.firma.com.tr", "is not an email address", "write an address such as \"cx@firma.com.tr\"")]
    public void An_address_a_channel_cannot_use_is_CXR124_at_the_address(string channel, string address, string problem, string hint)
    {
        Cxr.Single($"alert a {{\n  when churn > 3\n  notify {channel} \"{address}\"\n}}").Is(DiagnosticCode.InvalidAlertTarget, $"x.cxr:3:{11 + channel.Length}",
            $"{channel} \"{address}\" {problem}", hint);
    }

    [Fact]
    public void More_targets_than_the_limit_is_CXR124_at_the_first_one_past_it()
    {
        var targets = string.Join(", ", Enumerable.Range(1, 21).Select(i => $"email \"p{i}@x.example\""));
        var diagnostic = Cxr.Single($"alert a {{\n  when churn > 3\n  notify {targets}\n}}");
        Assert.Equal(DiagnosticCode.InvalidAlertTarget, diagnostic.Code);
        Assert.Equal("an alert notifies at most 20 targets; this one lists 21", diagnostic.Message);
        Assert.Equal(3, diagnostic.Span.Line);
        // "  notify " is 9 characters; targets 1-9 take 22 characters with their ", " and targets 10-20 take 23.
        Assert.Equal(10 + 9 * 22 + 11 * 23, diagnostic.Span.Column);
    }

    [Fact]
    public void A_line_written_twice_or_a_target_listed_twice_is_CXR011()
    {
        Cxr.Single("alert a {\n  when churn > 3\n  when churn > 4\n}").Is(DiagnosticCode.DuplicateName, "x.cxr:3:3",
            "'when' is written twice in alert 'a'", "an alert has one line of each kind; delete one");
        Cxr.Single("alert a {\n  when churn > 3\n  notify email \"a@x.example\", email \"a@x.example\"\n}").Is(DiagnosticCode.DuplicateName, "x.cxr:3:31",
            "email \"a@x.example\" is listed twice", "delete one");
    }

    [Fact]
    public void A_bad_cron_or_zone_in_check_is_reported_as_a_schedule_s()
    {
        Cxr.Single("alert a {\n  when churn > 3\n  check \"0 9 30 2 *\"\n}").Is(DiagnosticCode.InvalidCron, "x.cxr:3:9",
            "invalid cron expression \"0 9 30 2 *\": it names a day that never comes (such as February 30th), so it would never run",
            "minute hour day-of-month month day-of-week, e.g. \"0 8 * * MON\" for Mondays at 08:00");
        Cxr.Single("alert a {\n  when churn > 3\n  check \"0 9 * * *\" timezone \"Europe/Istambul\"\n}").Is(DiagnosticCode.UnknownTimeZone, "x.cxr:3:30",
            "unknown time zone \"Europe/Istambul\"", "did you mean 'Europe/Istanbul'?");
    }

    [Fact]
    public void A_line_that_does_not_parse_is_reported_and_the_lines_after_it_are_still_read()
    {
        var diagnostics = Cxr.Compile("alert a {\n  when nps dips 5 points\n  notify slak \"https://x.example\"\n}");

        Assert.Equal(3, diagnostics.Count);
        diagnostics[0].Is(DiagnosticCode.AlertWithoutCondition, "x.cxr:1:7", "alert 'a' has no `when` line, so it can never fire",
            "add what it watches, e.g. `when nps by channel drops 5 points vs previous period` or `when churn > 3`");
        diagnostics[1].Is(DiagnosticCode.SyntaxError, "x.cxr:2:12",
            "unexpected `dips`, expected `drops`, `rises`, `changes` or a comparison (> >= < <=) in an alert");
        diagnostics[2].Is(DiagnosticCode.InvalidAlertTarget, "x.cxr:3:10", "unknown channel 'slak'", "did you mean 'slack'?");
    }
}
