using System.Collections;
using System.Reflection;
using System.Text;
using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests;

/// <summary>
/// Prints a syntax tree as an S-expression without spans and comments, so two trees can be compared for meaning
/// ("parse(fmt(x)) equals parse(x) modulo spans"). Written by reflection, independently of the formatter.
/// </summary>
internal static class SyntaxDump
{
    public static string Of(SyntaxFile file) => string.Join("\n", file.Declarations.Select(d => Of((object)d)));

    public static string Of(object? value)
    {
        var text = new StringBuilder();
        Write(value, text);
        return text.ToString();
    }

    private static void Write(object? value, StringBuilder text)
    {
        switch (value)
        {
            case null:
                text.Append("nil");
                return;
            case string s:
                text.Append('"').Append(s.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
                return;
            case SourceSpan or SourceFile:
                return;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items) { Write(item, text); text.Append(' '); }
                text.Append(']');
                return;
            case SyntaxNode node:
                text.Append('(').Append(node.GetType().Name);
                foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                             .Where(p => p.Name is not ("Span" or "EqualityContract") && p.GetIndexParameters().Length == 0 && p.CanWrite || p.Name == "Value" && node is PercentLiteral)
                             .OrderBy(p => p.Name, StringComparer.Ordinal))
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
