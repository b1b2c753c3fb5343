namespace CxReports.Engine.Reports;

/// <summary>
/// What a caller asks of a report: an optional period override and typed parameter values (an edge types the text
/// it was given with <see cref="ParamValues.Parse"/>); parameters left out take their defaults.
/// </summary>
public sealed record ReportRequest(DateOnly? From = null, DateOnly? To = null, IReadOnlyDictionary<string, object?>? Params = null);

/// <summary>A request the report cannot accept: names the parameter at fault and what it allows.</summary>
public sealed class ReportArgumentException(string parameter, string message, IReadOnlyList<string>? allowed = null) : Exception(message)
{
    public string Parameter { get; } = parameter;
    public IReadOnlyList<string> Allowed { get; } = allowed ?? [];
}
