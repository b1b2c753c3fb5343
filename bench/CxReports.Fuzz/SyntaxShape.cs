using System.Collections;
using System.Reflection;
using System.Text;
using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;

namespace CxReports.Fuzz;

/// <summary>
/// A syntax tree as text without positions or comments, so the tree of a file and of its formatted text can be
/// compared for meaning. Written by reflection, so it knows nothing the formatter knows, but one thing the language
/// says: a top-level <c>currency "TRY"</c> line and the setting <c>currency "TRY"</c> of a model block are the same
/// setting (the formatter writes the line into the block), so the model settings are written together, as a set.
/// </summary>
public static class SyntaxShape
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static string Of(SyntaxFile file)
    {
        var text = new StringBuilder();
        var settings = new List<string>();
        foreach (var declaration in file.Declarations)
        {
            switch (declaration)
            {
                case CurrencyDeclaration currency:
                    settings.Add(Written(new Setting(currency.Name, [currency.Code], null)));
                    break;
                case ModelDeclaration block:
                    settings.AddRange(block.Settings.Select(Written));
                    break;
                default:
                    Write(declaration, text);
                    break;
            }
        }
        text.Append("(model settings");
        foreach (var setting in settings.Order(StringComparer.Ordinal)) text.Append(' ').Append(setting);
        return text.Append(')').ToString();
    }

    private static string Written(SyntaxNode node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    private static void Write(object? value, StringBuilder text)
    {
        switch (value)
        {
            case null:
                text.Append('~');
                return;
            case string s:
                text.Append('"').Append(s.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
                return;
            case decimal d:
                // 1.50 and 1.5 are the same number; the formatter may print either.
                text.Append(d.ToString("G29", System.Globalization.CultureInfo.InvariantCulture));
                return;
            case SourceSpan or SourceFile:
                return;
            case IEnumerable items and not string:
                text.Append('[');
                foreach (var item in items) Write(item, text.Append(' '));
                text.Append(" ]");
                return;
            case SyntaxNode node:
                text.Append('(').Append(node.GetType().Name);
                foreach (var property in Properties.GetOrAdd(node.GetType(), type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                             .Where(p => p.Name is not ("Span" or "EqualityContract") && p.GetIndexParameters().Length == 0).ToArray()))
                {
                    text.Append(' ').Append(property.Name).Append('=');
                    Write(property.GetValue(node), text);
                }
                text.Append(')');
                return;
            default:
                text.Append(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                return;
        }
    }
}
