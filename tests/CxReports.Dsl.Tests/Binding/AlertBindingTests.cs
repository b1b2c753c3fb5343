using CxReports.Dsl.Binding;
using CxReports.Dsl.Formatting;
using CxReports.Dsl.Model;
using CxReports.Dsl.Syntax.Parsing;
using CxReports.Dsl.Tests.Diagnostics;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests.Binding;

/// <summary>An alert binds to what it watches (a query), when it fires, what guards it, when it is checked and whom it tells.</summary>
public class AlertBindingTests
{
    /// <summary>The issue's example, over the small test model (Diagnostics/Cxr.cs).</summary>
    private const string IssueExample = """
        alert nps_drop "NPS düştü" {
          when nps by channel drops 5 points vs previous period   # also: rises, changes
          min responses_n 30
          significance 95%
          check "0 9 * * *" timezone "Europe/Istanbul"
          notify slack "https://hooks.slack.com/services/T0/B0/x", email "cx@firma.com.tr"
        }
        """;

    private static SemanticModel Bind(string text)
    {
        var result = ModelBinder.Compile([Cxr.ModelFile, new SourceFile("x.cxr", text)]);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Model!;
    }

    [Fact]
    public void The_issue_example_watches_nps_by_channel_guarded_by_responses_and_tested_as_an_nps()
    {
        var alert = Bind(IssueExample).Alerts["nps_drop"];

        Assert.Equal("NPS düştü", alert.Label);
        Assert.Equal(["nps", "responses_n"], alert.Query.Metrics.Select(m => m.Name));
        var channel = Assert.Single(alert.Query.Dimensions);
        Assert.Equal("channel", channel.Name);
        Assert.Equal("channel", channel.BySource["responses"].Field.Name);
        Assert.Equal(new ChangeCondition(ChangeDirection.Drops, 5m, Relative: false, Baseline.Period), alert.Condition);
        Assert.Equal(new MinimumSample("responses_n", 30), alert.Minimum);
        Assert.Equal(0.95m, alert.Significance!.Level);
        Assert.Equal(0.05m, alert.Significance.Alpha);
        Assert.Equal(SignificanceTest.NetPromoter, alert.Significance.Test);
        Assert.Equal("nps", alert.Significance.Sample.Function.Name);
        Assert.Equal("responses", alert.Significance.Sample.Source);
        Assert.Equal(TimeUnit.Month, alert.Grain);
        Assert.Equal("Europe/Istanbul", alert.TimeZone.Id);
        Assert.Equal("0 9 * * *", alert.Check!.Cron);
        // 09:00 in Istanbul (UTC+3 all year) is 06:00 UTC.
        Assert.Equal(new DateTime(2026, 1, 5, 6, 0, 0, DateTimeKind.Utc),
            alert.Check.Slots.GetNextOccurrence(new DateTime(2026, 1, 5, 5, 0, 0, DateTimeKind.Utc), alert.Check.TimeZone));
        Assert.Equal([(AlertChannel.Slack, "https://hooks.slack.com/services/T0/B0/x"), (AlertChannel.Email, "cx@firma.com.tr")],
            alert.Targets.Select(t => (t.Channel, t.Address)));
    }

    [Fact]
    public void A_threshold_on_a_percentage_reads_3_and_3_percent_alike_as_percents()
    {
        var model = Bind("""
            alert churn_high { when churn > 3 }
            alert churn_very_high { when churn >= 4.5% }
            alert nps_low { when nps < -10 }
            """);

        Assert.Equal(new ThresholdCondition(BinaryOperator.Greater, 3m), model.Alerts["churn_high"].Condition);
        Assert.Equal(new ThresholdCondition(BinaryOperator.GreaterOrEqual, 4.5m), model.Alerts["churn_very_high"].Condition);
        Assert.Equal(new ThresholdCondition(BinaryOperator.Less, -10m), model.Alerts["nps_low"].Condition);
        Assert.Empty(model.Alerts["nps_low"].Query.Dimensions);
    }

    [Fact]
    public void A_relative_change_is_a_share_of_the_earlier_value_and_by_is_optional()
    {
        var model = Bind("""
            alert arpa_rise {
              when arpa rises by 10% vs previous year
              grain quarter
            }
            alert team_cost_moves { when team_cost changes 250 points }
            """);

        Assert.Equal(new ChangeCondition(ChangeDirection.Rises, 0.1m, Relative: true, Baseline.Year), model.Alerts["arpa_rise"].Condition);
        Assert.Equal(TimeUnit.Quarter, model.Alerts["arpa_rise"].Grain);
        Assert.Equal(new ChangeCondition(ChangeDirection.Changes, 250m, Relative: false, Baseline.Period), model.Alerts["team_cost_moves"].Condition);
    }

    [Fact]
    public void Without_a_check_the_alert_is_evaluated_on_demand_in_the_model_zone_and_without_notify_tells_no_one()
    {
        var alert = Bind("""
            model { timezone "Europe/Berlin" }
            alert churn_high { when churn > 3 }
            """).Alerts["churn_high"];

        Assert.Null(alert.Check);
        Assert.Equal("Europe/Berlin", alert.TimeZone.Id);
        Assert.Empty(alert.Targets);
        Assert.Null(alert.Minimum);
        Assert.Null(alert.Significance);
    }

    [Fact]
    public void Churn_rate_is_tested_as_a_proportion()
    {
        var alert = Bind("alert a {\n  when churn rises 1 point\n  significance 99%\n}").Alerts["a"];
        Assert.Equal(SignificanceTest.Proportion, alert.Significance!.Test);
        Assert.Equal(0.99m, alert.Significance.Level);
    }

    [Fact]
    public void Formatting_an_alert_gives_the_canonical_lines_is_idempotent_and_binds_to_the_same_alert()
    {
        const string messy = """
            alert nps_drop "NPS düştü" {  when nps by channel drops by 5 points   # noise guard below
              min responses_n 30 significance 95%
              check "0 9 * * *" timezone "Europe/Istanbul"   notify slack "https://hooks.slack.com/services/T0/B0/x",email "cx@firma.com.tr"
            }
            alert churn_high { when churn >= 4.5% grain week }
            """;
        const string canonical = """
            alert nps_drop "NPS düştü" {  # noise guard below
              when nps by channel drops 5 points
              min responses_n 30
              significance 95%
              check "0 9 * * *" timezone "Europe/Istanbul"
              notify slack "https://hooks.slack.com/services/T0/B0/x", email "cx@firma.com.tr"
            }

            alert churn_high {
              when churn >= 4.5%
              grain week
            }

            """;
        var once = CxrFormatter.Format(CxrParser.ParseFile(new SourceFile("x.cxr", messy)).Value);

        Assert.Equal(canonical.ReplaceLineEndings("\n"), once);
        Assert.Equal(once, CxrFormatter.Format(CxrParser.ParseFile(new SourceFile("x.cxr", once)).Value));
        var before = Bind(messy).Alerts;
        var after = Bind(once).Alerts;
        foreach (var name in before.Keys)
        {
            var (a, b) = (before[name], after[name]);
            Assert.Equal((a.Label, a.Condition, a.Minimum, a.Significance?.Level, a.Significance?.Test, a.Grain, a.TimeZone, a.Check?.Cron),
                (b.Label, b.Condition, b.Minimum, b.Significance?.Level, b.Significance?.Test, b.Grain, b.TimeZone, b.Check?.Cron));
            Assert.Equal(a.Query.Metrics.Select(m => m.Name), b.Query.Metrics.Select(m => m.Name));
            Assert.Equal(a.Query.Dimensions.Select(d => d.Name), b.Query.Dimensions.Select(d => d.Name));
            Assert.Equal(a.Targets.Select(t => (t.Channel, t.Address)), b.Targets.Select(t => (t.Channel, t.Address)));
        }
    }
}
