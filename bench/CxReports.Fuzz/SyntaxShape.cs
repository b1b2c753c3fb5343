using System.Collections;
using System.Reflection;
using System.Text;
using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;

namespace CxReports.Fuzz;

/// <summary>
/// A syntax tree as text without positions or comments, so the tree of a file and of its formatted text can be
/// compared for meaning. Written by reflection, so it knows nothing the formatter knows.
/// </summary>
public static class SyntaxShape
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static string Of(SyntaxFile file)
    {
        var text = new StringBuilder();
        foreach (var declaration in file.Declarations) Write(declaration, text);
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
