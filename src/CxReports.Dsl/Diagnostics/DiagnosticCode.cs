namespace CxReports.Dsl.Diagnostics;

/// <summary>A diagnostic kind: stable id (<c>CXR0NN</c>), severity and what it means for the analyst.</summary>
public sealed record DiagnosticCode(string Id, string Title, Severity Severity = Severity.Error)
{
    // Syntax: the text could not be read as CXR.
    public static readonly DiagnosticCode UnexpectedCharacter = new("CXR001", "unexpected character");
    public static readonly DiagnosticCode UnterminatedString = new("CXR002", "string not closed before end of line");
    public static readonly DiagnosticCode InvalidEscape = new("CXR003", "unknown escape sequence in string");
    public static readonly DiagnosticCode SyntaxError = new("CXR004", "syntax error");
    public static readonly DiagnosticCode InvalidLiteral = new("CXR005", "invalid number, date or duration");

    // Names.
    public static readonly DiagnosticCode UnknownName = new("CXR010", "unknown name");
    public static readonly DiagnosticCode DuplicateName = new("CXR011", "name defined twice");

    // Types and shapes of expressions.
    public static readonly DiagnosticCode TypeMismatch = new("CXR012", "type mismatch");
    public static readonly DiagnosticCode NestedAggregate = new("CXR013", "aggregate of an aggregate");
    public static readonly DiagnosticCode Unreachable = new("CXR014", "field not reachable through links");
    public static readonly DiagnosticCode NoLifecycle = new("CXR015", "lifecycle function on a source without lifecycle");
    public static readonly DiagnosticCode MetricCycle = new("CXR016", "metrics depend on each other in a cycle");
    public static readonly DiagnosticCode InvalidCron = new("CXR017", "invalid cron expression");
    public static readonly DiagnosticCode UnknownTimeZone = new("CXR018", "unknown time zone");
    public static readonly DiagnosticCode PathOutsideData = new("CXR019", "path leaves the data directory");
    public static readonly DiagnosticCode ParamDefaultNotInChoices = new("CXR020", "parameter default not among its choices");
    public static readonly DiagnosticCode WrongArguments = new("CXR021", "wrong arguments to a function");
    public static readonly DiagnosticCode NotAggregated = new("CXR022", "row value used where a metric is expected");
    public static readonly DiagnosticCode NoRecurring = new("CXR023", "revenue function on a source without recurring");
    public static readonly DiagnosticCode GrainTooFine = new("CXR024", "per-month metric grouped by a grain finer than a month");
    public static readonly DiagnosticCode MixedSources = new("CXR025", "one aggregate reads rows of unrelated sources");
    public static readonly DiagnosticCode NotMonthly = new("CXR026", "input must be a monthly quantity");
    public static readonly DiagnosticCode InvalidSetting = new("CXR027", "invalid setting value");
    public static readonly DiagnosticCode NoTimeAxis = new("CXR028", "grouped by time but the source has no time field");
    public static readonly DiagnosticCode LinkTargetWithoutKey = new("CXR029", "link target has no key");
    public static readonly DiagnosticCode InvalidScore = new("CXR030", "invalid score definition");

    // Order and value labels.
    public static readonly DiagnosticCode UnknownOrderKey = new("CXR045", "order by a name that is not a column of the query");
    public static readonly DiagnosticCode OrderedTwice = new("CXR046", "column ordered by twice");
    public static readonly DiagnosticCode LabelOutsideChoices = new("CXR047", "label for a value the column cannot hold");
    public static readonly DiagnosticCode DuplicateLabel = new("CXR048", "value or label given twice");
    public static readonly DiagnosticCode EmptyLabel = new("CXR049", "empty value label");

    // Limits and text safety.
    public static readonly DiagnosticCode NestedTooDeeply = new("CXR031", "expression nested too deeply");
    public static readonly DiagnosticCode ExpandsTooLarge = new("CXR032", "expression too large with its metrics written out");
    public static readonly DiagnosticCode ControlCharacter = new("CXR033", "control character in a string");
    public static readonly DiagnosticCode MixedScripts = new("CXR034", "name mixes writing systems", Severity.Warning);
    public static readonly DiagnosticCode BidiControl = new("CXR035", "invisible bidirectional control character", Severity.Warning);
    public static readonly DiagnosticCode TooManyDiagnostics = new("CXR036", "too many findings to list");
    public static readonly DiagnosticCode InvalidLabel = new("CXR037", "invalid label of a field, dimension, score component or band");
    public static readonly DiagnosticCode MeasureWithoutInputs = new("CXR065", "measured effect without a churn metric or customers");

    // Documents.
    public static readonly DiagnosticCode UntranslatedLocale = new("CXR055", "locale without translated words", Severity.Warning);
    public static readonly DiagnosticCode ScoresShowRepeats = new("CXR056", "column shown twice in a scores list");

    // The model block (CXR070-CXR074).
    public static readonly DiagnosticCode ModelBlockTwice = new("CXR070", "a second model block");
    public static readonly DiagnosticCode UnknownModelSetting = new("CXR071", "unknown model setting");
    public static readonly DiagnosticCode MisplacedModelBlock = new("CXR072", "model block inside another declaration");

    // Deliveries.
    public static readonly DiagnosticCode DeliveryCollision = new("CXR038", "two reports deliver to the same file");

    // Spreadsheet output (CXR060-CXR064).
    public static readonly DiagnosticCode ReservedParamName = new("CXR060", "parameter name the report API keeps for itself");

    // What metrics mean.
    public static readonly DiagnosticCode InvalidCurrency = new("CXR040", "invalid currency");
    public static readonly DiagnosticCode InvalidMeaning = new("CXR041", "invalid meaning of a metric");
    public static readonly DiagnosticCode UnsentWebhookFormat = new("CXR039", "format a webhook does not send", Severity.Warning);
    public static readonly DiagnosticCode MoneyWithoutCurrency = new("CXR042", "money without a currency", Severity.Warning);
    public static readonly DiagnosticCode MomentOfFlow = new("CXR043", "a moment given for a metric that is not a snapshot");

    // Alerts (CXR120-CXR139).
    public static readonly DiagnosticCode AlertWithoutCondition = new("CXR120", "alert without a when line");
    public static readonly DiagnosticCode InvalidAlertCondition = new("CXR121", "invalid alert condition");
    public static readonly DiagnosticCode SignificanceWithoutTest = new("CXR122", "significance where no test applies");
    public static readonly DiagnosticCode InvalidAlertGuard = new("CXR123", "invalid minimum sample or significance level");
    public static readonly DiagnosticCode InvalidAlertTarget = new("CXR124", "invalid notification target");

    /// <summary>Every code, in id order: the reference table of <c>grammar/README.md</c> is checked against it.</summary>
    public static IReadOnlyList<DiagnosticCode> All { get; } = typeof(DiagnosticCode)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticCode))
        .Select(f => (DiagnosticCode)f.GetValue(null)!)
        .OrderBy(c => c.Id, StringComparer.Ordinal)
        .ToArray();
}
