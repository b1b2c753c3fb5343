using CxReports.Dsl.Binding;
using CxReports.Dsl.Text;
using CxReports.Server.Serving;

namespace CxReports.Server.Tests.Serving;

/// <summary>
/// A report's fingerprint follows its own text and the shared definitions, read from the compiled model: editing a
/// report changes only its own, editing a metric or the model block (zone, locale, currency) changes every report's, and text between
/// declarations (a comment) changes none.
/// </summary>
public sealed class ModelFingerprintsTests
{
    private const string Shared = """
        currency "TRY"
        source responses from "responses.csv" {
          time answered: date
          column score: integer
        }
        metric answers = count(responses)
        """;

    private const string Reports = """
        report first "First" {
          section "S" { kpi answers }
        }
        report second "Second" {
          section "S" { kpi answers }
        }
        """;

    private static ModelFingerprints.Fingerprints Of(string shared, string reports)
    {
        IReadOnlyList<SourceFile> files = [new("model.cxr", shared), new("reports.cxr", reports)];
        var bound = ModelBinder.Compile(files);
        Assert.True(bound.Model is not null, string.Join("\n", bound.Diagnostics));
        return ModelFingerprints.Of(bound.Model!, files);
    }

    [Fact]
    public void Editing_a_report_changes_its_fingerprint_only()
    {
        var before = Of(Shared, Reports);
        var after = Of(Shared, Reports.Replace("report first \"First\"", "report first \"First, renamed\""));

        Assert.NotEqual(before.Reports["first"], after.Reports["first"]);
        Assert.Equal(before.Reports["second"], after.Reports["second"]);
        Assert.Equal(before.Shared, after.Shared);
    }

    [Theory]
    [InlineData("metric answers = count(responses)", "metric answers = count(responses) where score > 0")]
    [InlineData("currency \"TRY\"", "currency \"EUR\"")]
    [InlineData("currency \"TRY\"", "currency \"TRY\"\nmodel {\n  timezone \"Europe/Istanbul\"\n}")]
    [InlineData("currency \"TRY\"", "model {\n  currency \"TRY\"\n  locale \"tr-TR\"\n}")]
    [InlineData("column score: integer", "column score: decimal")]
    public void Editing_a_shared_definition_changes_every_reports_fingerprint(string written, string edited)
    {
        var before = Of(Shared, Reports);
        var after = Of(Shared.Replace(written, edited), Reports);

        Assert.NotEqual(before.Shared, after.Shared);
        Assert.NotEqual(before.Reports["first"], after.Reports["first"]);
        Assert.NotEqual(before.Reports["second"], after.Reports["second"]);
    }

    [Fact]
    public void A_comment_between_declarations_changes_no_fingerprint()
    {
        var before = Of(Shared, Reports);
        var after = Of("# the shared model\n" + Shared, Reports.Replace("report second", "# the second report\nreport second"));

        Assert.Equal(before.Shared, after.Shared);
        Assert.Equal(before.Reports.OrderBy(r => r.Key), after.Reports.OrderBy(r => r.Key));
    }
}
