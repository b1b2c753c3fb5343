using CxReports.Dsl.Diagnostics;

namespace CxReports.Server.Problems;

/// <summary>
/// An RFC 9457 problem as a value: status, title, detail and the members that say where the fault is
/// (<c>parameter</c>, <c>allowed</c>, <c>suggestion</c>, <c>diagnostics</c>). Services return it; modules turn it into
/// <c>application/problem+json</c>.
/// </summary>
public sealed record ServerProblem(int Status, string Title, string Detail, IReadOnlyDictionary<string, object?> Extensions)
{
    public static ServerProblem Of(int status, string title, string detail, params (string Key, object? Value)[] extensions) =>
        new(status, title, detail, extensions.Where(e => e.Value is not null).ToDictionary(e => e.Key, e => e.Value));

    /// <summary>404 for a report name that is not in the model, with the closest name if one is close.</summary>
    public static ServerProblem UnknownReport(string name, IEnumerable<string> names) => Unknown("report", name, names);

    /// <summary>
    /// 404 for a name of <paramref name="kind"/> (report, alert) that is not in the model, with the closest name if one is
    /// close and every name of that kind (as <c>reports</c>, <c>alerts</c>).
    /// </summary>
    public static ServerProblem Unknown(string kind, string name, IEnumerable<string> names)
    {
        var all = names.Order(StringComparer.Ordinal).ToArray();
        var suggestion = Dsl.Binding.DidYouMean.Suggest(name, all);
        return Of(StatusCodes.Status404NotFound, $"Unknown {kind}",
            $"There is no {kind} '{name}'." + (suggestion is null ? "" : $" Did you mean '{suggestion}'?"),
            ("parameter", "name"), ("suggestion", suggestion), (kind + "s", all));
    }

    /// <summary>400 naming the query-string or route parameter at fault and, when it has a fixed set, what it allows.</summary>
    public static ServerProblem BadParameter(string parameter, string detail, IReadOnlyList<string>? allowed = null) =>
        Of(StatusCodes.Status400BadRequest, "Invalid parameter", detail,
            ("parameter", parameter), ("allowed", allowed is { Count: > 0 } ? allowed : null));

    /// <summary>The same problem said of another parameter (a report name given as <c>?report=</c> rather than in the route).</summary>
    public ServerProblem ForParameter(string parameter) =>
        this with { Extensions = new Dictionary<string, object?>(Extensions) { ["parameter"] = parameter } };

    /// <summary>422 for CXR text with errors: every diagnostic with file, line and column.</summary>
    public static ServerProblem Diagnostics(string title, string detail, IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.Select(DiagnosticJson.From).ToArray();
        return Of(StatusCodes.Status422UnprocessableEntity, title, detail,
            ("errors", list.Count(d => d.Severity == "error")), ("diagnostics", list));
    }

    public static ServerProblem Busy(string detail) =>
        Of(StatusCodes.Status503ServiceUnavailable, "Server busy", detail);

    public static ServerProblem NotImplemented(string title, string detail) =>
        Of(StatusCodes.Status501NotImplemented, title, detail);
}

/// <summary>A diagnostic as JSON: code, severity, where (file, 1-based line and column, length), message and hint.</summary>
public sealed record DiagnosticJson(string Code, string Severity, string File, int Line, int Column, int Length, string Message, string? Hint)
{
    public static DiagnosticJson From(Diagnostic d) => new(d.Code.Id, d.Severity == Dsl.Diagnostics.Severity.Error ? "error" : "warning",
        d.Span.File, d.Span.Line, d.Span.Column, d.Span.Length, d.Message, d.Hint);
}
