using CxReports.Engine.Dialects;
using CxReports.Engine.Planning.SqlTree;
using CxReports.Dsl.Model;

namespace CxReports.Engine.Planning;

/// <summary>
/// The joins of one source's rows to the sources its links lead to. Each distinct link path gets one
/// <c>LEFT JOIN</c> and alias, so a field reached twice is joined once; joins follow declared links only.
/// </summary>
public sealed class JoinPlan(SemanticModel model, string rootTable, string rootAlias)
{
    private readonly Dictionary<string, string> _aliases = new() { [""] = rootAlias };
    private readonly List<SqlJoin> _joins = [];

    /// <summary>The same plan with a join written by the caller (a derived table) appended; none leaves it as it is.</summary>
    public JoinPlan WithExtra(SqlJoin? join)
    {
        if (join is not null) _joins.Add(join);
        return this;
    }

    /// <summary>
    /// The same plan reading the fields across <paramref name="link"/> from the root rows themselves: a table that
    /// carries the linked entity's fields beside its own (a revenue rollup), so no join is added for them.
    /// </summary>
    public JoinPlan Carrying(FieldModel link)
    {
        _aliases[Step("", link)] = rootAlias;
        return this;
    }

    private static string Step(string path, FieldModel link) => path + "/" + link.Source + "." + link.Name;

    /// <summary>The source's rows and every join added so far.</summary>
    public SqlFrom From => new(new SqlTableSource(rootTable, rootAlias), _joins.ToArray());

    /// <summary>The alias of the rows reached from <paramref name="fromAlias"/> through <paramref name="links"/>, adding joins as needed.</summary>
    public string AliasFor(IReadOnlyList<FieldModel> links, string? fromAlias = null)
    {
        var alias = fromAlias ?? rootAlias;
        var path = alias == rootAlias ? "" : _aliases.First(a => a.Value == alias).Key;
        foreach (var link in links)
        {
            path = Step(path, link);
            if (!_aliases.TryGetValue(path, out var next))
            {
                var target = model.Sources[link.LinkTarget!];
                next = $"j{_aliases.Count}";
                _joins.Add(new SqlJoin(SqlJoinKind.Left, new SqlTableSource(target.Name, next),
                    $"{alias}.{Sql.Identifier(link.Name)} = {next}.{Sql.Identifier(target.Key!.Name)}"));
                _aliases[path] = next;
            }
            alias = next;
        }
        return alias;
    }
}
