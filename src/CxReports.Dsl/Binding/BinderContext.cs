using CxReports.Dsl.Model;
using System.Runtime.CompilerServices;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Binding;

/// <summary>State shared by the binding passes: the declarations by name, what is bound so far, and the diagnostics.</summary>
internal sealed class BinderContext(IReadOnlyList<SyntaxFile> files)
{
    public DiagnosticBag Diagnostics { get; } = new(DiagnosticBag.DefaultLimit);
    public Dictionary<string, Declaration> Declarations { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, SourceModel> Sources { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, MetricModel> Metrics { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ScoreModel> Scores { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ScenarioModel> Scenarios { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ReportModel> Reports { get; } = new(StringComparer.Ordinal);

    /// <summary>The top-level <c>currency</c> lines of every file (they name nothing, so they are not in <see cref="Declarations"/>).</summary>
    public List<CurrencyDeclaration> CurrencyDeclarations { get; } = [];

    /// <summary>The <c>model { }</c> blocks of every file (one is allowed; they name nothing either).</summary>
    public List<ModelDeclaration> ModelDeclarations { get; } = [];

    /// <summary>The model's settings once bound (time zone, locale, currency); the defaults before.</summary>
    public ModelSettings Settings { get; set; } = ModelSettings.Default;

    private readonly Dictionary<string, SourceFile> _texts = files.GroupBy(f => f.Source.Path).ToDictionary(g => g.Key, g => g.First().Source);

    /// <summary>What expressions expand to once their metrics and dimensions are written out (CXR031, CXR032).</summary>
    public Expansions Expansions => _expansions ??= new Expansions(this);
    private Expansions? _expansions;

    private int _nesting;

    /// <summary>Goes one binding level deeper, or answers false at the limit (or when the stack runs low).</summary>
    public bool TryEnterNesting()
    {
        if (_nesting >= CxrLimits.MaxExpandedDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack()) return false;
        _nesting++;
        return true;
    }

    public void ExitNesting() => _nesting--;

    public IEnumerable<T> DeclarationsOf<T>() where T : Declaration => Declarations.Values.OfType<T>();

    public void Error(DiagnosticCode code, SourceSpan span, string message, string? hint = null) =>
        Diagnostics.Add(code, span, message, hint);

    /// <summary>The text a node was written as (query column names are "as written").</summary>
    public string TextOf(SyntaxNode node)
    {
        if (!_texts.TryGetValue(node.Span.File, out var file) || node.Span.Offset + node.Span.Length > file.Text.Length)
            return node switch { PathExpression p => p.Text, _ => node.ToString() };
        return file.Text.Substring(node.Span.Offset, node.Span.Length);
    }

    public void RegisterText(SourceFile file) => _texts[file.Path] = file;

    /// <summary>CXR010 <c>unknown {what} '{name}' [in {owner}]</c>, with the closest candidate as a hint.</summary>
    public void UnknownName(SyntaxNode at, string what, string name, IEnumerable<string> candidates, string? extraHint = null, string? owner = null) =>
        Error(DiagnosticCode.UnknownName, at.Span, $"unknown {what} '{name}'{(owner is null ? "" : $" in {owner}")}", DidYouMean.Hint(name, candidates) ?? extraHint);
}
