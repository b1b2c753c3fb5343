using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Dsl.Tests.Diagnostics;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests.Binding;

/// <summary>The model block gives the model its zone, locale and currency, and every report without its own takes them.</summary>
public class ModelSettingsTests
{
    private static SemanticModel Bind(params SourceFile[] files)
    {
        var result = ModelBinder.Compile([Cxr.ModelFile, .. files]);
        Assert.True(result.Model is not null, string.Join("\n", result.Diagnostics.Select(d => d.Headline)));
        Assert.Empty(result.Diagnostics);
        return result.Model;
    }

    [Fact]
    public void Reports_without_their_own_zone_and_locale_take_the_model_blocks_and_reports_with_them_keep_theirs()
    {
        var model = Bind(new SourceFile("x.cxr", """
            model {
              timezone "Europe/Istanbul"
              locale "tr-TR"
              currency "TRY"
            }
            report plain {
              section "s" { kpi nps }
            }
            report own {
              timezone "America/New_York"
              locale "en-US"
              section "s" { kpi nps }
            }
            """));

        Assert.Equal(("Europe/Istanbul", "tr-TR", "TRY"), (model.Settings.TimeZone.Id, model.Settings.Locale.Name, model.Settings.Currency));
        Assert.Equal(("Europe/Istanbul", "tr-TR"), (model.Reports["plain"].TimeZone.Id, model.Reports["plain"].Locale.Name));
        Assert.Equal(("America/New_York", "en-US"), (model.Reports["own"].TimeZone.Id, model.Reports["own"].Locale.Name));
    }

    [Fact]
    public void Without_a_model_block_the_model_is_utc_and_en_US_without_a_currency_as_before()
    {
        var model = Bind(new SourceFile("x.cxr", "report plain {\n  section \"s\" { kpi nps }\n}\n"));

        Assert.Equal(("UTC", "en-US", null), (model.Settings.TimeZone.Id, model.Settings.Locale.Name, model.Settings.Currency));
        Assert.Equal(("UTC", "en-US"), (model.Reports["plain"].TimeZone.Id, model.Reports["plain"].Locale.Name));
    }

    [Fact]
    public void An_empty_block_changes_nothing()
    {
        Assert.Equal(ModelSettings.Default, Bind(new SourceFile("x.cxr", "model {\n}\n")).Settings);
    }

    [Fact]
    public void A_block_in_a_file_of_its_own_gives_money_in_other_files_its_currency()
    {
        var model = Bind(new SourceFile("model.cxr.d/settings.cxr", "model {\n  currency \"EUR\"\n}\n"),
            new SourceFile("x.cxr", "metric spend = sum(costs.team) { unit currency }"));

        Assert.Equal("EUR", model.Metrics["spend"].Meaning.Currency);
        Assert.Equal("EUR", model.Metrics["arpa"].Meaning.Currency);
    }

    [Fact]
    public void A_currency_line_beside_a_block_without_one_is_the_models_currency()
    {
        var model = Bind(new SourceFile("x.cxr", "currency \"TRY\"\nmodel {\n  locale \"tr-TR\"\n}\n"));

        Assert.Equal(("tr-TR", "TRY"), (model.Settings.Locale.Name, model.Settings.Currency));
    }

    [Fact]
    public void A_query_bound_against_the_model_keeps_its_settings()
    {
        var model = Bind(new SourceFile("x.cxr", "model {\n  currency \"TRY\"\n}\n"));

        var (query, diagnostics) = ModelBinder.BindQuery(model, "sum(invoices.amount), arpa");

        Assert.Empty(diagnostics);
        Assert.Equal("TRY", query!.Metrics[1].Meaning.Currency);
    }
}
