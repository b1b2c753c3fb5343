using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;

namespace CxReports.LanguageServer.Symbols;

/// <summary>
/// The names of a model, from its syntax trees alone (so it works while a file has errors): every declaration and
/// field, and every use resolved to what it names. A path's first segment is a declaration (<c>responses.score</c>)
/// or a field of the sources in scope: the source being declared, a score's entity, the sources a block's metrics
/// read; later segments follow links. A use the index cannot tell apart is left out rather than guessed.
/// </summary>
internal sealed class SymbolIndex
{
    private readonly Dictionary<string, Declaration> _globals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, SourceMember>> _fields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Occurrence>> _byFile = new(StringComparer.Ordinal);
    private readonly Dictionary<SymbolKey, List<Occurrence>> _byKey = [];
    private readonly Dictionary<string, List<CallUse>> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlySet<string>> _metricSources = new(StringComparer.Ordinal);
    // By reference: a syntax record's own equality compares (and hashes) its whole content.
    private readonly Dictionary<ReportDeclaration, IReadOnlyList<string>> _reportSources = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Query, IReadOnlyList<string>> _querySources = new(ReferenceEqualityComparer.Instance);

    /// <summary>Every declaration by name; of two with one name, the first (as the binder keeps it).</summary>
    public IReadOnlyDictionary<string, Declaration> Globals => _globals;

    private readonly IReadOnlyList<SyntaxFile> _files;
    private bool _walked;

    private SymbolIndex(IReadOnlyList<SyntaxFile> files) => _files = files;

    /// <summary>Declarations and fields at once; the uses (a walk of every tree) on first need, which completion does not have.</summary>
    public static SymbolIndex Build(IReadOnlyList<SyntaxFile> files)
    {
        var index = new SymbolIndex(files);
        foreach (var declaration in files.SelectMany(f => f.Declarations)) index.Declare(declaration);
        return index;
    }


    public static SymbolKind? KindOf(Declaration declaration) => declaration switch
    {
        SourceDeclaration => SymbolKind.Source,
        MetricDeclaration => SymbolKind.Metric,
        ScoreDeclaration => SymbolKind.Score,
        ScenarioDeclaration => SymbolKind.Scenario,
        ReportDeclaration => SymbolKind.Report,
        _ => null,
    };

    /// <summary>The fields of a source (keys, columns, times, links, dimensions) by name; empty for an unknown source.</summary>
    public IReadOnlyDictionary<string, SourceMember> FieldsOf(string source) =>
        _fields.TryGetValue(source, out var fields) ? fields : new Dictionary<string, SourceMember>();

    /// <summary>The source a link field points at, or null when the field is not a link.</summary>
    public string? LinkTarget(string source, string field) =>
        FieldsOf(source).TryGetValue(field, out var member) && member is LinkMember link ? link.Target.Text : null;

    /// <summary>The symbol whose name is written at the offset (the end of a name counts, where the cursor sits after typing it).</summary>
    public Occurrence? At(string file, int offset) =>
        Walked()._byFile.TryGetValue(file, out var list)
            ? list.FirstOrDefault(o => o.Span.Offset <= offset && offset <= o.Span.Offset + o.Span.Length)
            : null;

    /// <summary>The function call whose name is written at the offset.</summary>
    public CallUse? CallAt(string file, int offset) =>
        Walked()._calls.TryGetValue(file, out var list)
            ? list.FirstOrDefault(c => c.Span.Offset <= offset && offset <= c.Span.Offset + c.Span.Length)
            : null;

    /// <summary>Every resolved name written in a file, in the order the walk met them.</summary>
    public IReadOnlyList<Occurrence> OccurrencesIn(string file) => Walked()._byFile.GetValueOrDefault(file) ?? [];

    /// <summary>Every function name called in a file.</summary>
    public IReadOnlyList<CallUse> CallsIn(string file) => Walked()._calls.GetValueOrDefault(file) ?? [];

    /// <summary>Every place the symbol is written, its definition included.</summary>
    public IReadOnlyList<Occurrence> OccurrencesOf(SymbolKey key) => Walked()._byKey.TryGetValue(key, out var list) ? list : [];

    private SymbolIndex Walked()
    {
        if (_walked) return this;
        _walked = true;
        foreach (var file in _files) Walk(file);
        return this;
    }

    /// <summary>The node that defines the symbol: its declaration, or the source member declaring the field.</summary>
    public SyntaxNode? Definition(SymbolKey key) => key.Kind == SymbolKind.Field
        ? FieldsOf(key.Owner).GetValueOrDefault(key.Name)
        : _globals.GetValueOrDefault(key.Name);

    /// <summary>The sources a metric reads, directly or through the metrics it is made of.</summary>
    public IReadOnlySet<string> SourcesOfMetric(string metric) => SourcesOfMetric(metric, []);

    /// <summary>The sources whose fields a bare name may mean at a place: the source declared, a score's entity, a block's metrics' sources.</summary>
    public IReadOnlyList<string> SourcesInScope(Declaration? owner, Block? block) => (owner, block) switch
    {
        (SourceDeclaration s, _) => [s.Name.Text],
        (ScoreDeclaration s, _) => [s.Entity.Text],
        (_, ScoresBlock b) => _globals.GetValueOrDefault(b.Score.Text) is ScoreDeclaration score ? [score.Entity.Text] : [],
        (_, ChartBlock c) => SourcesOfQuery(c.Query),
        (_, TableBlock t) => SourcesOfQuery(t.Query),
        (MetricDeclaration m, _) => SourcesOfMetric(m.Name.Text).ToArray(),
        (ReportDeclaration r, _) => SourcesOfReport(r),
        _ => [],
    };

    private void Declare(Declaration declaration)
    {
        if (KindOf(declaration) is null) return;
        _globals.TryAdd(declaration.Name.Text, declaration);
        if (declaration is not SourceDeclaration source || _fields.ContainsKey(source.Name.Text)) return;
        var fields = new Dictionary<string, SourceMember>(StringComparer.Ordinal);
        foreach (var member in source.Members)
            if (FieldName(member) is { } name) fields.TryAdd(name.Text, member);
        _fields[source.Name.Text] = fields;
    }

    /// <summary>The name a source member declares (a field, link or dimension); null for other lines.</summary>
    public static Name? FieldName(SourceMember member) => member switch
    {
        FieldMember f => f.Name,
        LinkMember l => l.Name,
        DimensionMember d => d.Name,
        _ => null,
    };

    private sealed record Visit(SyntaxNode Node, SyntaxNode? Parent, Declaration? Owner, Block? Block);

    private void Walk(SyntaxFile file)
    {
        // An explicit stack: expressions may nest a hundred levels deep.
        var stack = new Stack<Visit>();
        foreach (var declaration in file.Declarations.Reverse()) stack.Push(new Visit(declaration, null, declaration, null));
        while (stack.TryPop(out var visit))
        {
            var block = visit.Node as Block ?? visit.Block;
            switch (visit.Node)
            {
                case PathExpression path:
                    ResolvePath(path, visit.Owner, block);
                    continue;
                case Name name:
                    Classify(name, visit.Parent, visit.Owner);
                    continue;
            }
            foreach (var child in SyntaxChildren.Of(visit.Node).Reverse())
                stack.Push(new Visit(child, visit.Node, visit.Owner, block));
        }
    }

    private void Classify(Name name, SyntaxNode? parent, Declaration? owner)
    {
        var source = owner as SourceDeclaration;
        switch (parent)
        {
            case Declaration d when ReferenceEquals(d.Name, name) && KindOf(d) is { } kind:
                Add(SymbolKey.Global(kind, name.Text), name.Span, definition: true);
                break;
            case FieldMember or LinkMember or DimensionMember when source is not null && ReferenceEquals(FieldName((SourceMember)parent), name):
                Add(SymbolKey.Field(source.Name.Text, name.Text), name.Span, definition: true);
                break;
            case LinkMember l when ReferenceEquals(l.Target, name):
            case ScoreDeclaration s when ReferenceEquals(s.Entity, name):
            case CohortBlock c when ReferenceEquals(c.Source, name):
            case ScoresBlock b when ReferenceEquals(b.Score, name):
            case ScenarioBlock sb when ReferenceEquals(sb.Scenario, name):
                AddGlobalUse(name);
                break;
            case RecurringMember r when source is not null && ReferenceEquals(r.Field, name) && FieldsOf(source.Name.Text).ContainsKey(name.Text):
                Add(SymbolKey.Field(source.Name.Text, name.Text), name.Span, definition: false);
                break;
            case CallExpression call when ReferenceEquals(call.Function, name):
                List(_calls, name.Span.File).Add(new CallUse(name.Text, name.Span));
                break;
        }
    }

    private void AddGlobalUse(Name name)
    {
        if (_globals.TryGetValue(name.Text, out var declaration) && KindOf(declaration) is { } kind)
            Add(SymbolKey.Global(kind, name.Text), name.Span, definition: false);
    }

    private void ResolvePath(PathExpression path, Declaration? owner, Block? block)
    {
        var segments = path.Segments;
        if (segments.IsDefaultOrEmpty) return;
        var first = segments[0].Text;
        if (owner is ReportDeclaration report && segments.Length == 1 && report.Members.OfType<ParamMember>().Any(p => p.Name.Text == first))
            return; // a report parameter, local to its report
        string? current;
        var next = 0;
        if (_globals.TryGetValue(first, out var declaration))
        {
            AddGlobalUse(segments[0]);
            if (declaration is not SourceDeclaration) return;
            current = first;
            next = 1;
        }
        else
        {
            current = OwnerOfField(first, owner, block);
        }
        for (var i = next; i < segments.Length && current is not null; i++)
        {
            var field = segments[i].Text;
            if (!FieldsOf(current).ContainsKey(field)) return;
            Add(SymbolKey.Field(current, field), segments[i].Span, definition: false);
            current = LinkTarget(current, field);
        }
    }

    /// <summary>The one source in scope with a field of that name, else the one source of the model with it; null when none or several.</summary>
    private string? OwnerOfField(string field, Declaration? owner, Block? block)
    {
        var inScope = SourcesInScope(owner, block).Where(s => FieldsOf(s).ContainsKey(field)).Distinct().ToArray();
        if (inScope.Length == 1) return inScope[0];
        if (inScope.Length > 1) return null;
        var anywhere = _fields.Where(f => f.Value.ContainsKey(field)).Select(f => f.Key).Take(2).ToArray();
        return anywhere.Length == 1 ? anywhere[0] : null;
    }

    /// <summary>The sources a chart's or table's metrics read; asked once for each field name in the block, so kept.</summary>
    private IReadOnlyList<string> SourcesOfQuery(Query query)
    {
        if (_querySources.TryGetValue(query, out var known)) return known;
        var sources = query.Metrics.SelectMany(PathsIn).Where(p => !p.Segments.IsDefaultOrEmpty)
            .SelectMany(p => SourcesOfMetric(p.Segments[0].Text)).Distinct().ToArray();
        _querySources[query] = sources;
        return sources;
    }

    private IReadOnlyList<string> SourcesOfReport(ReportDeclaration report)
    {
        if (_reportSources.TryGetValue(report, out var known)) return known;
        var sources = PathsIn(report).Where(p => !p.Segments.IsDefaultOrEmpty)
            .SelectMany(p => SourcesOfMetric(p.Segments[0].Text)).Distinct().ToArray();
        _reportSources[report] = sources;
        return sources;
    }

    private IReadOnlySet<string> SourcesOfMetric(string name, HashSet<string> visiting)
    {
        if (_metricSources.TryGetValue(name, out var known)) return known;
        if (_globals.GetValueOrDefault(name) is not MetricDeclaration metric || !visiting.Add(name)) return new HashSet<string>();
        var sources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in PathsIn(metric).Where(p => !p.Segments.IsDefaultOrEmpty))
        {
            var first = path.Segments[0].Text;
            if (_globals.GetValueOrDefault(first) is SourceDeclaration) sources.Add(first);
            else sources.UnionWith(SourcesOfMetric(first, visiting));
        }
        _metricSources[name] = sources;
        return sources;
    }

    private static IEnumerable<PathExpression> PathsIn(SyntaxNode root)
    {
        var stack = new Stack<SyntaxNode>([root]);
        while (stack.TryPop(out var node))
        {
            if (node is PathExpression path) yield return path;
            else foreach (var child in SyntaxChildren.Of(node)) stack.Push(child);
        }
    }

    private void Add(SymbolKey key, SourceSpan span, bool definition)
    {
        var occurrence = new Occurrence(key, span, definition);
        List(_byFile, span.File).Add(occurrence);
        if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
        list.Add(occurrence);
    }

    private static List<T> List<T>(Dictionary<string, List<T>> lists, string file)
    {
        if (!lists.TryGetValue(file, out var list)) lists[file] = list = [];
        return list;
    }
}
