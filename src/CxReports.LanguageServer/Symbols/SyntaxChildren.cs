using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using CxReports.Dsl.Syntax.Tree;

namespace CxReports.LanguageServer.Symbols;

/// <summary>
/// The child nodes of a syntax node, read from the record's properties: the tree has no visitor, and walking every
/// node kind by hand would have to change with each new construct of the language.
/// </summary>
internal static class SyntaxChildren
{
    private static readonly ConcurrentDictionary<Type, Func<SyntaxNode, IEnumerable<SyntaxNode>>> Readers = new();

    public static IEnumerable<SyntaxNode> Of(SyntaxNode node) => Readers.GetOrAdd(node.GetType(), ReaderFor)(node);

    private static Func<SyntaxNode, IEnumerable<SyntaxNode>> ReaderFor(Type type)
    {
        var members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != nameof(SyntaxNode.Span))
            .Select(p => (Property: p, IsDefault: NodeArrayIsDefault(p.PropertyType)))
            .Where(m => typeof(SyntaxNode).IsAssignableFrom(m.Property.PropertyType) || m.IsDefault is not null)
            .ToArray();
        return node => Children(node, members);
    }

    private static IEnumerable<SyntaxNode> Children(SyntaxNode node, (PropertyInfo Property, PropertyInfo? IsDefault)[] members)
    {
        foreach (var (property, isDefault) in members)
        {
            var value = property.GetValue(node);
            if (value is SyntaxNode child)
            {
                yield return child;
                continue;
            }
            if (value is null || isDefault is null || (bool)isDefault.GetValue(value)!) continue;
            foreach (var item in (IEnumerable)value)
                if (item is SyntaxNode element) yield return element;
        }
    }

    /// <summary>The <c>IsDefault</c> property of an <c>ImmutableArray</c> of nodes (enumerating a default one throws); null for other types.</summary>
    private static PropertyInfo? NodeArrayIsDefault(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>)
                           && typeof(SyntaxNode).IsAssignableFrom(type.GetGenericArguments()[0])
            ? type.GetProperty("IsDefault")
            : null;
}
