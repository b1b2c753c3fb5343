using CxReports.Dsl.Diagnostics;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>Every diagnostic code has tests in this folder that trigger it; a new code without one fails here.</summary>
public class DiagnosticCoverageTests
{
    /// <summary>The codes the tests of this folder trigger and check, by the file that checks them.</summary>
    private static readonly DiagnosticCode[] Covered =
    [
        // SyntaxDiagnosticsTests
        DiagnosticCode.UnexpectedCharacter, DiagnosticCode.UnterminatedString, DiagnosticCode.InvalidEscape,
        DiagnosticCode.SyntaxError, DiagnosticCode.InvalidLiteral,
        // NameDiagnosticsTests
        DiagnosticCode.UnknownName, DiagnosticCode.DuplicateName,
        // TypeDiagnosticsTests
        DiagnosticCode.TypeMismatch, DiagnosticCode.NestedAggregate, DiagnosticCode.WrongArguments, DiagnosticCode.NotAggregated,
        DiagnosticCode.MixedSources, DiagnosticCode.NotMonthly,
        // ModelRuleDiagnosticsTests
        DiagnosticCode.Unreachable, DiagnosticCode.NoLifecycle, DiagnosticCode.MetricCycle, DiagnosticCode.UnknownTimeZone,
        DiagnosticCode.PathOutsideData, DiagnosticCode.NoRecurring, DiagnosticCode.InvalidSetting, DiagnosticCode.NoTimeAxis,
        DiagnosticCode.LinkTargetWithoutKey, DiagnosticCode.InvalidScore,
        // ReportDiagnosticsTests
        DiagnosticCode.InvalidCron, DiagnosticCode.ParamDefaultNotInChoices, DiagnosticCode.GrainTooFine, DiagnosticCode.ScoresShowRepeats,
        // ReportSettingDiagnosticsTests
        DiagnosticCode.UntranslatedLocale,
        // LimitDiagnosticsTests
        DiagnosticCode.NestedTooDeeply, DiagnosticCode.ExpandsTooLarge,
        // TextSafetyDiagnosticsTests
        DiagnosticCode.ControlCharacter, DiagnosticCode.MixedScripts, DiagnosticCode.BidiControl,
        // DiagnosticCountLimitTests
        DiagnosticCode.TooManyDiagnostics,
        // MeasuredScenarioDiagnosticsTests
        DiagnosticCode.MeasureWithoutInputs,
        // ReportSettingDiagnosticsTests (spreadsheet output)
        DiagnosticCode.ReservedParamName,
        // DeliveryCollisionTests
        DiagnosticCode.DeliveryCollision,
        // WebhookFormatTests
        DiagnosticCode.UnsentWebhookFormat,
        // MeaningDiagnosticsTests
        DiagnosticCode.InvalidCurrency, DiagnosticCode.InvalidMeaning, DiagnosticCode.MoneyWithoutCurrency, DiagnosticCode.MomentOfFlow,
        // OrderAndLabelDiagnosticsTests
        DiagnosticCode.UnknownOrderKey, DiagnosticCode.OrderedTwice, DiagnosticCode.LabelOutsideChoices, DiagnosticCode.DuplicateLabel,
        DiagnosticCode.EmptyLabel,
        // FieldLabelDiagnosticsTests
        DiagnosticCode.InvalidLabel,
        // ModelBlockDiagnosticsTests
        DiagnosticCode.ModelBlockTwice, DiagnosticCode.UnknownModelSetting, DiagnosticCode.MisplacedModelBlock,
        // AlertDiagnosticsTests
        DiagnosticCode.AlertWithoutCondition, DiagnosticCode.InvalidAlertCondition, DiagnosticCode.SignificanceWithoutTest,
        DiagnosticCode.InvalidAlertGuard, DiagnosticCode.InvalidAlertTarget,
    ];

    [Fact]
    public void Every_diagnostic_code_is_exercised_by_a_test()
    {
        var missing = DiagnosticCode.All.Select(c => c.Id).Except(Covered.Select(c => c.Id)).ToArray();
        Assert.True(missing.Length == 0, $"no test triggers {string.Join(", ", missing)}: add one to tests/CxReports.Dsl.Tests/Diagnostics");
    }

    [Fact]
    public void Every_diagnostic_code_has_a_distinct_id_of_the_form_CXR0NN()
    {
        Assert.All(DiagnosticCode.All, c => Assert.Matches(@"^CXR\d{3}$", c.Id));
        Assert.Equal(DiagnosticCode.All.Count, DiagnosticCode.All.Select(c => c.Id).Distinct().Count());
    }
}
