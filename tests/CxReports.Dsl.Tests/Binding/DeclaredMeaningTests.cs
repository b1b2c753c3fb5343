using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Dsl.Tests.Diagnostics;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests.Binding;

/// <summary>A metric's meaning block overrides its function's meaning; the model's currency and labels per locale reach every query.</summary>
public class DeclaredMeaningTests
{
    private static SemanticModel Bind(string text)
    {
        var result = ModelBinder.Compile([Cxr.ModelFile, new SourceFile("x.cxr", text)]);
        Assert.True(result.Model is not null, string.Join("\n", result.Diagnostics.Select(d => d.Headline)));
        return result.Model;
    }

    [Fact]
    public void A_declared_unit_brings_its_defaults_and_declared_decimals_direction_and_relative_change_override_them()
    {
        var model = Bind("""
            currency "TRY"
            metric spend "Spend" = sum(costs.team) {
              unit currency
              decimals 0
              lower is better
              no relative change
            }
            """);
        Assert.Equal(new Meaning("Spend", Unit.Currency, 0, Direction.LowerIsBetter, false, "TRY", false), model.Metrics["spend"].Meaning);
        Assert.Equal(Unit.Currency, model.Metrics["spend"].Unit);
    }

    [Fact]
    public void Without_a_block_the_function_decides_and_money_of_the_catalog_takes_the_model_currency()
    {
        var model = Bind("currency \"EUR\"\nmetric mrr_total = mrr(invoices)");
        // arpa of the test model: the catalog's money, per month, now in the model's currency.
        Assert.Equal(Meaning.Of(Unit.Currency, Direction.HigherIsBetter, "mrr_total") with { Currency = "EUR", PerMonth = true },
            model.Metrics["mrr_total"].Meaning);
        Assert.Equal("EUR", model.Metrics["arpa"].Meaning.Currency);
        Assert.Equal("EUR", model.Settings.Currency);
        Assert.Null(model.Metrics["nps"].Meaning.Currency);
    }

    [Fact]
    public void Neutral_declares_a_catalog_direction_away()
    {
        Assert.Equal(Direction.Neutral, Bind("metric c = churn_rate(customers) { neutral }").Metrics["c"].Meaning.Direction);
        Assert.Equal(Direction.HigherIsBetter, Bind("metric c = count(responses) { higher is better }").Metrics["c"].Meaning.Direction);
    }

    [Fact]
    public void An_inline_money_function_in_a_query_takes_the_model_currency()
    {
        var model = Bind("currency \"TRY\"");
        var (query, diagnostics) = ModelBinder.BindQuery(model, "mrr(invoices), arpa by customer.plan");
        Assert.Empty(diagnostics);
        Assert.All(query!.Metrics, m => Assert.Equal("TRY", m.Meaning.Currency));
        Assert.All(query.Metrics, m => Assert.True(m.Meaning.PerMonth));
    }

    private const string Labelled = """
        metric customers_active "Active customers" = active(customers) {
          label "tr-TR" "Aktif müşteriler"
          label "de" "Aktive Kunden"
        }
        report {0} {
          locale "{1}"
          section "s" {
            kpi customers_active
            table customers_active by customer.plan
          }
        }
        """;

    [Theory]
    [InlineData("tr-TR", "Aktif müşteriler")]
    [InlineData("de-DE", "Aktive Kunden")]
    [InlineData("en-US", "Active customers")]
    [InlineData("en-GB", "Active customers")]
    public void The_report_locale_picks_the_label_and_the_written_label_is_the_default(string locale, string label)
    {
        var report = Bind(Labelled.Replace("{0}", "r").Replace("{1}", locale)).Reports["r"];
        var blocks = report.Sections[0].Blocks;
        Assert.Equal(label, ((KpiBlockModel)blocks[0]).Metrics[0].Meaning.Label);
        Assert.Equal(label, ((TableBlockModel)blocks[1]).Query.Metrics[0].Meaning.Label);
    }

    [Fact]
    public void Snapshots_are_taken_at_the_end_in_kpis_and_tables_without_time_and_at_bucket_start_by_time()
    {
        var report = Bind("""
            metric customers_active = active(customers)
            metric doubled = customers_active * 2
            report r {
              section "s" {
                kpi customers_active, customers_active at start, doubled, responses_n, churned(customers) / active(customers)
                table customers_active, responses_n by customer.plan
                chart line customers_active by month
              }
            }
            """).Reports["r"];
        var blocks = report.Sections[0].Blocks;
        Assert.Equal([Moment.End, Moment.Start, Moment.End, null, null], ((KpiBlockModel)blocks[0]).Metrics.Select(m => m.At));
        Assert.Equal([Moment.End, null], ((TableBlockModel)blocks[1]).Query.Metrics.Select(m => m.At));
        Assert.Equal([Moment.Start], ((ChartBlockModel)blocks[2]).Query.Metrics.Select(m => m.At));
    }
}
