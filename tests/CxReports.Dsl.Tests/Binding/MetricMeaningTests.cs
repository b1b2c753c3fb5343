using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests.Binding;

public class MetricMeaningTests
{
    /// <summary>Every function of the catalog with what its values mean; a new function needs its row here.</summary>
    public static TheoryData<string, Unit, int?, Direction, bool> Catalog => new()
    {
        { "count", Unit.Count, 0, Direction.Neutral, true },
        { "distinct", Unit.Count, 0, Direction.Neutral, true },
        { "sum", Unit.None, null, Direction.Neutral, true },
        { "mean", Unit.None, null, Direction.Neutral, true },
        { "median", Unit.None, null, Direction.Neutral, true },
        { "percentile", Unit.None, null, Direction.Neutral, true },
        { "min", Unit.None, null, Direction.Neutral, true },
        { "max", Unit.None, null, Direction.Neutral, true },
        { "share", Unit.Percent, 1, Direction.Neutral, false },
        { "first", Unit.None, null, Direction.Neutral, true },
        { "last", Unit.None, null, Direction.Neutral, true },
        { "nps", Unit.Score, 1, Direction.HigherIsBetter, false },
        { "nps_margin", Unit.Score, 1, Direction.LowerIsBetter, false },
        { "csat", Unit.Percent, 1, Direction.HigherIsBetter, false },
        { "ces", Unit.Score, 1, Direction.LowerIsBetter, false },
        { "active", Unit.Count, 0, Direction.HigherIsBetter, true },
        { "new", Unit.Count, 0, Direction.HigherIsBetter, true },
        { "churned", Unit.Count, 0, Direction.LowerIsBetter, true },
        { "churn_rate", Unit.Percent, 1, Direction.LowerIsBetter, false },
        { "loss_to_gain", Unit.Ratio, 2, Direction.LowerIsBetter, false },
        { "retention", Unit.Percent, 1, Direction.HigherIsBetter, false },
        { "mrr", Unit.Currency, null, Direction.HigherIsBetter, true },
        { "paying", Unit.Count, 0, Direction.HigherIsBetter, true },
        { "arpa", Unit.Currency, null, Direction.HigherIsBetter, true },
        { "mrr_new", Unit.Currency, null, Direction.HigherIsBetter, true },
        { "mrr_reactivation", Unit.Currency, null, Direction.HigherIsBetter, true },
        { "mrr_expansion", Unit.Currency, null, Direction.HigherIsBetter, true },
        { "mrr_contraction", Unit.Currency, null, Direction.LowerIsBetter, true },
        { "mrr_churned", Unit.Currency, null, Direction.LowerIsBetter, true },
        { "mrr_churn", Unit.Percent, 1, Direction.LowerIsBetter, false },
        { "net_mrr_churn", Unit.Percent, 1, Direction.LowerIsBetter, false },
        { "nrr", Unit.Percent, 1, Direction.HigherIsBetter, false },
        { "grr", Unit.Percent, 1, Direction.HigherIsBetter, false },
    };

    [Theory]
    [MemberData(nameof(Catalog))]
    public void Each_function_of_the_catalog_states_its_unit_decimals_direction_and_whether_a_relative_change_fits(
        string function, Unit unit, int? decimals, Direction direction, bool relativeChange) =>
        Assert.Equal(new Meaning(null, unit, decimals, direction, relativeChange), FunctionCatalog.Aggregates[function].Meaning);

    [Fact]
    public void The_table_above_covers_every_function_of_the_catalog() =>
        Assert.Equal(FunctionCatalog.Aggregates.Keys.Order(), Catalog.Select(row => (string)row[0]).Order());

    private const string Sources = """
        source customers from "customers.csv" {
          key id
          lifecycle started_at .. ended_at
          column started_at: date
          column ended_at: date
        }
        source responses from "responses.csv" {
          time at: date
          column score: integer
        }
        source tickets from "tickets.csv" {
          time opened_at: timestamp
          column answered_at: timestamp
        }
        """;

    private static SemanticModel Compile(string metrics)
    {
        var result = ModelBinder.Compile([new SourceFile("model.cxr", Sources + "\n" + metrics)]);
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        return result.Model!;
    }

    [Fact]
    public void A_declared_label_is_the_metrics_label_with_its_Turkish_letters_and_a_metric_without_one_is_labelled_by_its_name()
    {
        var model = Compile("""
            metric yanit "Yanıt sayısı — İstanbul, Şişli, Çağlayan, Ğ Ö Ü" = count(responses)
            metric churn = churn_rate(customers)
            """);

        Assert.Equal(new Meaning("Yanıt sayısı — İstanbul, Şişli, Çağlayan, Ğ Ö Ü", Unit.Count, 0, Direction.Neutral, true), model.Metrics["yanit"].Meaning);
        Assert.Equal(new Meaning("churn", Unit.Percent, 1, Direction.LowerIsBetter, false), model.Metrics["churn"].Meaning);
    }

    [Fact]
    public void An_average_or_median_of_hours_or_days_is_in_hours_or_days_and_of_a_plain_number_has_no_unit()
    {
        var model = Compile("""
            metric wait_h = median(hours(tickets.answered_at - tickets.opened_at))
            metric wait_d = mean(days(tickets.answered_at - tickets.opened_at))
            metric score = mean(responses.score)
            """);

        Assert.Equal(new Meaning("wait_h", Unit.Hours, 1, Direction.Neutral, true), model.Metrics["wait_h"].Meaning);
        Assert.Equal(new Meaning("wait_d", Unit.Days, 1, Direction.Neutral, true), model.Metrics["wait_d"].Meaning);
        Assert.Equal(new Meaning("score", Unit.None, null, Direction.Neutral, true), model.Metrics["score"].Meaning);
    }

    [Fact]
    public void A_metric_built_on_another_keeps_its_direction_through_a_positive_scale_and_loses_it_in_other_arithmetic()
    {
        var model = Compile("""
            metric nps "NPS" = nps(responses.score)
            metric nps_scaled = nps / 10
            metric nps_doubled = 2 * nps
            metric gap = nps - csat_like
            metric csat_like = nps(responses.score) where responses.score > 5
            metric inverted = -nps
            metric renamed "Net Promoter Skoru" = nps
            """);

        Assert.Equal(new Meaning("Net Promoter Skoru", Unit.Score, 1, Direction.HigherIsBetter, false), model.Metrics["renamed"].Meaning);
        Assert.Equal(Direction.HigherIsBetter, model.Metrics["nps_scaled"].Meaning.Direction);
        Assert.Equal(Direction.HigherIsBetter, model.Metrics["nps_doubled"].Meaning.Direction);
        Assert.Equal(Direction.Neutral, model.Metrics["gap"].Meaning.Direction);
        Assert.Equal(Direction.Neutral, model.Metrics["inverted"].Meaning.Direction);
        Assert.Equal("nps_scaled", model.Metrics["nps_scaled"].Meaning.Label);
    }

    [Fact]
    public void A_reported_metric_carries_the_named_metrics_meaning_and_an_inline_aggregate_is_labelled_as_written()
    {
        var model = Compile("""
            metric nps "Net Promoter Skoru" = nps(responses.score)
            report r {
              section "s" { table t: nps, count(responses), churn_rate(customers) by month }
            }
            """);
        var table = (TableBlockModel)model.Reports["r"].Sections[0].Blocks[0];

        Assert.Equal(new Meaning("Net Promoter Skoru", Unit.Score, 1, Direction.HigherIsBetter, false), table.Query.Metrics[0].Meaning);
        Assert.Equal(new Meaning("count(responses)", Unit.Count, 0, Direction.Neutral, true), table.Query.Metrics[1].Meaning);
        Assert.Equal(new Meaning("churn_rate(customers)", Unit.Percent, 1, Direction.LowerIsBetter, false), table.Query.Metrics[2].Meaning);
    }
}
