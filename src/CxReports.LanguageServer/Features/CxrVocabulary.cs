namespace CxReports.LanguageServer.Features;

/// <summary>
/// The words CXR expects in each place, for completion. Keywords are contextual (grammar/README.md), so what is
/// offered depends on the block the cursor is in and the words before it on the line.
/// </summary>
internal static class CxrVocabulary
{
    public static readonly string[] Declarations = ["model", "source", "metric", "score", "scenario", "report", "alert"];
    public static readonly string[] ModelSettings = ["timezone", "locale", "currency"];
    public static readonly string[] SourceMembers = ["key", "column", "time", "link", "lifecycle", "dimension", "recurring", "options"];
    public static readonly string[] Options = ["delimiter", "header", "quote", "escape", "encoding", "timezone", "skip", "null", "max_shrink"];
    public static readonly string[] FieldTypes = ["text", "integer", "decimal", "boolean", "date", "timestamp"];
    public static readonly string[] Constraints = ["required", "range", "in", "default", "labels", "format", "thousands", "label"];
    public static readonly string[] ReportMembers = ["description", "period", "grain", "timezone", "locale", "param", "filter", "schedule", "section"];
    public static readonly string[] Blocks = ["kpi", "chart", "table", "cohort", "scores", "scenario", "text"];
    public static readonly string[] ChartKinds = ["line", "bar", "area", "stacked"];
    public static readonly string[] Grains = ["day", "week", "month", "quarter", "year"];
    public static readonly string[] ScheduleItems = ["email", "folder", "webhook", "skip"];
    public static readonly string[] Formats = ["pdf", "json", "csv", "xlsx", "zip"];
    public static readonly string[] ScenarioSettings = ["retain", "value", "margin", "churn", "cost", "discount", "horizon", "customers", "measure"];
    public static readonly string[] MeaningItems = ["unit", "decimals", "higher", "lower", "neutral", "relative", "no", "label"];
    public static readonly string[] Units = ["count", "percent", "score", "currency", "ratio", "hours", "days", "none"];
    public static readonly string[] PeriodWords = ["last", "this", "previous"];
    public static readonly string[] AlertMembers = ["when", "min", "significance", "grain", "check", "notify"];
    public static readonly string[] AlertChannels = ["slack", "teams", "email", "webhook"];
    public static readonly string[] ExpressionWords = ["where", "by", "and", "or", "not", "in", "between", "per", "order", "top", "compare", "asc", "desc"];
}
