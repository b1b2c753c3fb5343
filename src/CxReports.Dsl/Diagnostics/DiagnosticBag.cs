using CxReports.Dsl.Text;

namespace CxReports.Dsl.Diagnostics;

/// <summary>
/// Collects the diagnostics of one phase, in the order they were found, up to a limit: past it they are only counted,
/// so a file of garbage (a quarter of a megabyte of <c>@</c>) costs a bounded list, and one summary says what was left out.
/// </summary>
public sealed class DiagnosticBag(int limit = int.MaxValue)
{
    /// <summary>Diagnostics kept for one file's syntax and for one model's binding; compilers stop long before.</summary>
    public const int DefaultLimit = 1000;

    private readonly List<Diagnostic> _items = [];
    private SourceSpan? _firstDropped;

    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>The limit is reached: further findings are only counted.</summary>
    public bool IsFull => _items.Count >= limit;

    /// <summary>Findings past the limit, not kept.</summary>
    public int Dropped { get; private set; }

    public void Add(DiagnosticCode code, SourceSpan span, string message, string? hint = null)
    {
        if (IsFull)
        {
            Dropped++;
            _firstDropped ??= span;
            return;
        }
        _items.Add(new Diagnostic(code, span, message, hint));
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) Add(d.Code, d.Span, d.Message, d.Hint);
    }

    /// <summary>The kept diagnostics and, when some were dropped, one more at the first dropped place saying how many.</summary>
    public IReadOnlyList<Diagnostic> WithSummary() => _firstDropped is not { } at ? _items :
    [
        .. _items,
        new Diagnostic(DiagnosticCode.TooManyDiagnostics, at,
            $"{Dropped:N0} more finding(s) from here on are not listed (at most {limit:N0} are kept)",
            "fix the ones above first; the text from here on may not be CXR at all"),
    ];
}
