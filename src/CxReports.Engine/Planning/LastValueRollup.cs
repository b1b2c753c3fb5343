using System.Text;
using CxReports.Dsl.Model;
using CxReports.Engine.Dialects;
using CxReports.Engine.Planning.SqlTree;

namespace CxReports.Engine.Planning;

/// <summary>
/// A score component <c>last(x)</c> without a window (the entity's last value up to the as-of date) made once per
/// load: per entity, its last value over the whole load and the time of the last row that counts. Up to an as-of
/// date after that time the last value is the entity's last one; only the entities with rows after it (none or a
/// few for the latest period) are computed from their rows (<see cref="ScorePlanner"/>). Without it every score
/// groups every answer ever given by customer (10M answers into 1M groups on the scale demo). Its name carries a
/// hash of its definition and of the source's load, so a report reads the pre-aggregate of the data it would read
/// or none; it is made only for a value and filter that read the source's own columns, so no other load or a
/// report parameter changes it.
/// </summary>
public static class LastValueRollup
{
    /// <summary>The columns besides the entity: the last value and the time of the last row that counts.</summary>
    public const string Value = "v", LastAt = "last_at";

    /// <summary>How <see cref="PlanContext.Rollups"/> names a component's pre-aggregate (a source name holds no dot).</summary>
    public static string Key(ScoreModel score, ScoreComponentModel component) => $"{score.Name}.{component.Name}";

    public static bool Applies(SemanticModel model, ScoreComponentModel component) =>
        component is { Window: null, Value.Function.Name: "last" }
        && model.Sources.TryGetValue(component.Value.Source, out var source) && source.TimeAxis is not null
        && component.Value.Arguments.Append(component.Value.Filter).OfType<BoundExpression>().All(OwnColumnsOnly);

    private static bool OwnColumnsOnly(BoundExpression expression) =>
        ExpressionFields.All(expression, f => f.Links.Count == 0, parameters: false);

    /// <summary>
    /// Every pre-aggregate of one component starts so (the older one is dropped when a new one is made): the
    /// source's name, or a hash of it where the name would pass PostgreSQL's 63 bytes, and a hash of the component.
    /// </summary>
    public static string Prefix(ScoreModel score, ScoreComponentModel component)
    {
        var source = component.Value.Source;
        var head = Encoding.UTF8.GetByteCount(source) <= 30 ? source : "s" + DerivedTableName.Hash(source)[..16];
        return $"{head}__last_{DerivedTableName.Hash(Key(score, component))[..8]}_";
    }

    /// <summary>The pre-aggregate as made from the source's load <paramref name="load"/>; null when none applies.</summary>
    public static string? TableName(SemanticModel model, ScoreModel score, ScoreComponentModel component, ISqlDialect dialect, string? load)
    {
        if (!Applies(model, component) || load is null) return null;
        var (sql, values) = Statement(model, score, component, dialect);
        return DerivedTableName.Of(Prefix(score, component), $"{sql}\n{string.Join("\n", values)}\n{load}");
    }

    /// <summary>The field of the component's source that leads to the score's entity (its key when the source is the entity).</summary>
    public static FieldModel EntityLink(ScoreModel score, SourceModel source) =>
        source.Name == score.Entity ? source.Key! : source.Links.First(l => l.LinkTarget == score.Entity);

    /// <summary>The SELECT that makes the pre-aggregate, with its parameter values.</summary>
    public static (string Sql, IReadOnlyList<object?> Values) Statement(SemanticModel model, ScoreModel score, ScoreComponentModel component, ISqlDialect dialect)
    {
        var source = model.Sources[component.Value.Source];
        var parameters = new SqlParameters(dialect);
        var joins = new JoinPlan(model, source.Name, "r");
        var rows = new RowSql(dialect, joins, parameters, new Dictionary<string, object?>());
        var time = rows.Compile(new BoundField(source.Name, [], source.TimeAxis!, source.TimeAxis!.Span));
        var inputs = AggregateInputs.Of(component.Value, rows, time);
        var link = $"r.{Sql.Identifier(EntityLink(score, source).Name)}";
        var counted = inputs.ValueNeverNull ? inputs.Filter : $"{inputs.Filter} AND {inputs.Value} IS NOT NULL";
        var select = new SqlSelect([
            new SqlColumn(link, "entity"),
            new SqlColumn(AggregateLowering.Lower(dialect, "last", inputs), Value),
            new SqlColumn($"max({time}) FILTER (WHERE {counted} AND {time} IS NOT NULL)", LastAt),
        ])
        {
            From = joins.From,
            Where = [$"{link} IS NOT NULL"],
            GroupBy = SqlSelect.FirstColumns(1),
        };
        return (SqlWriter.Write(select), parameters.Values);
    }
}
