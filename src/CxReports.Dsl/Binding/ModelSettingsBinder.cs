using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Model;
using CxReports.Dsl.Syntax.Tree;

namespace CxReports.Dsl.Binding;

/// <summary>
/// Binds the <c>model { }</c> block (at most one per model, in any file) and the top-level <c>currency</c> lines that
/// came before it: the model's time zone, locale and currency, each value checked as a report's is.
/// </summary>
internal sealed class ModelSettingsBinder(BinderContext context)
{
    private static readonly string[] Known = ["timezone", "locale", "currency"];

    private readonly SettingValues _values = new(context);

    public ModelSettings Bind()
    {
        var blocks = context.ModelDeclarations.OrderBy(d => d.Span.File, StringComparer.Ordinal).ThenBy(d => d.Span.Offset).ToArray();
        foreach (var extra in blocks.Skip(1))
            context.Error(DiagnosticCode.ModelBlockTwice, extra.Name.Span, $"the model block is already written at {blocks[0].Name.Span}",
                "a model has one model block; move these settings into it");
        var settings = Settings(blocks.FirstOrDefault());
        return new ModelSettings(
            _values.TimeZone(settings.GetValueOrDefault("timezone")) ?? ModelSettings.Default.TimeZone,
            _values.Locale(settings.GetValueOrDefault("locale")) ?? ModelSettings.Default.Locale,
            Currency(settings.GetValueOrDefault("currency")));
    }

    private Dictionary<string, Setting> Settings(ModelDeclaration? block)
    {
        var settings = new Dictionary<string, Setting>(StringComparer.Ordinal);
        foreach (var setting in block?.Settings ?? [])
        {
            var name = setting.Keyword.Text;
            if (!Known.Contains(name))
                context.Error(DiagnosticCode.UnknownModelSetting, setting.Keyword.Span, $"unknown model setting '{name}'",
                    DidYouMean.Hint(name, Known) ?? "the model block sets timezone, locale and currency");
            else if (!settings.TryAdd(name, setting))
                context.Error(DiagnosticCode.DuplicateName, setting.Keyword.Span, $"'{name}' is set twice in the model block (first at {settings[name].Span})");
        }
        return settings;
    }

    /// <summary>
    /// The one currency of the model, from the block or a top-level <c>currency</c> line (kept for models written
    /// before the block), checked; null when none (or only wrong ones) is declared. A second one names the first.
    /// </summary>
    private string? Currency(Setting? inBlock)
    {
        var written = context.CurrencyDeclarations.Select(d => (At: (SyntaxNode)d, d.Code)).ToList();
        if (inBlock is not null && _values.Text(inBlock) is not null) written.Add((inBlock, (StringLiteral)inBlock.Values[0]));
        string? currency = null;
        SyntaxNode? first = null;
        foreach (var (at, code) in written.OrderBy(w => w.At.Span.File, StringComparer.Ordinal).ThenBy(w => w.At.Span.Offset))
        {
            if (first is not null)
            {
                context.Error(DiagnosticCode.InvalidCurrency, at.Span, $"the model's currency is already declared at {first.Span}",
                    "a model has one currency; delete this line");
                continue;
            }
            first = at;
            if (Currencies.IsKnown(code.Value)) currency = code.Value;
            else
                context.Error(DiagnosticCode.InvalidCurrency, code.Span, $"unknown currency \"{code.Value}\"",
                    Currencies.Suggest(code.Value) is { } suggestion
                        ? $"did you mean \"{suggestion}\"?"
                        : "write an ISO 4217 code in capitals, such as \"TRY\", \"EUR\" or \"USD\"");
        }
        return currency;
    }
}
