using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Parsing;
using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Binding;

/// <summary>The outcome of binding: a model when there are no errors, and every diagnostic found.</summary>
public sealed record BindResult(SemanticModel? Model, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// Binds the files of a reports directory into one <see cref="SemanticModel"/>: names are global, order does
/// not matter, and every check runs before anything executes. Passes: declare, sources, metrics, scores,
/// scenarios, reports.
/// </summary>
public static class ModelBinder
{
    /// <summary>Parses and binds CXR files; syntax and binding diagnostics come back together, in file order.</summary>
    public static BindResult Compile(IEnumerable<SourceFile> sources)
    {
        var parsed = sources.Select(CxrParser.ParseFile).ToArray();
        var bound = Bind(parsed.Select(p => p.Value).ToArray());
        var diagnostics = parsed.SelectMany(p => p.Diagnostics).Concat(bound.Diagnostics)
            .OrderBy(d => d.Span.File, StringComparer.Ordinal).ThenBy(d => d.Span.Offset).ToArray();
        var hasErrors = diagnostics.Any(d => d.Severity == Severity.Error);
        return new BindResult(hasErrors ? null : bound.Model, diagnostics);
    }

    /// <summary>Binds already parsed files.</summary>
    public static BindResult Bind(IReadOnlyList<SyntaxFile> files)
    {
        var context = new BinderContext(files);
        Declare(context, files);
        context.Settings = new ModelSettingsBinder(context).Bind();
        new SourceBinder(context).BindAll();
        new MetricBinder(context).BindAll();
        new ScoreBinder(context).BindAll();
        new ScenarioBinder(context).BindAll();
        new ReportBinder(context).BindAll();
        var alerts = new AlertBinder(context).BindAll();

        var model = new SemanticModel(context.Sources, context.Metrics, context.Scores, context.Scenarios, context.Reports)
        {
            Settings = context.Settings,
            Alerts = alerts,
        };
        return new BindResult(context.Diagnostics.HasErrors ? null : model, context.Diagnostics.WithSummary());
    }

    /// <summary>Binds a query typed on the command line or sent over HTTP against a bound model.</summary>
    public static (BoundQuery? Query, IReadOnlyList<Diagnostic> Diagnostics) BindQuery(SemanticModel model, string text)
    {
        var parsed = CxrParser.ParseQuery(text);
        if (parsed.Value is null) return (null, parsed.Diagnostics);
        var context = new BinderContext([]);
        context.RegisterText(new SourceFile("<query>", text));
        foreach (var (name, source) in model.Sources) context.Sources[name] = source;
        foreach (var (name, metric) in model.Metrics) context.Metrics[name] = metric;
        context.Settings = model.Settings;
        var query = new QueryBinder(context, new ExpressionBinder(context, new MetricBinder(context))).Bind(parsed.Value, new Dictionary<string, ParamModel>());
        return (context.Diagnostics.HasErrors ? null : query, context.Diagnostics.WithSummary());
    }

    private static void Declare(BinderContext context, IReadOnlyList<SyntaxFile> files)
    {
        foreach (var declaration in files.SelectMany(f => f.Declarations))
        {
            switch (declaration)
            {
                case CurrencyDeclaration currency:
                    context.CurrencyDeclarations.Add(currency);
                    continue;
                case ModelDeclaration block:
                    context.ModelDeclarations.Add(block);
                    continue;
            }
            var name = declaration.Name.Text;
            if (context.Declarations.TryGetValue(name, out var first))
            {
                context.Error(DiagnosticCode.DuplicateName, declaration.Name.Span,
                    $"'{name}' is already defined as a {first.Keyword} at {first.Name.Span}",
                    "names of sources, metrics, scores, scenarios and reports share one namespace; rename one");
                continue;
            }
            context.Declarations[name] = declaration;
        }
    }
}
