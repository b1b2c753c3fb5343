using CxReports.Dsl.Text;

namespace CxReports.Dsl.Diagnostics;

/// <summary>Collects the diagnostics of one phase, in the order they were found.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public void Add(DiagnosticCode code, SourceSpan span, string message, string? hint = null) =>
        _items.Add(new Diagnostic(code, span, message, hint));

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);
}
