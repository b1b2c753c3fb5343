using CxReports.Dsl.Model;
using CxReports.Engine.Dialects;
using CxReports.Engine.Planning.SqlTree;

namespace CxReports.Engine.Planning;

/// <summary>
/// A recurring source's MRR per entity and month, paired with the month before and with the entity's first paid
/// month: what <see cref="RevenueTable"/> otherwise sums and pairs from every invoice for each statement, made once
/// per load (Loading/RollupRefresh) so a report reads entity-months instead. Only for a date time axis: a date's month
/// is the same in every zone. It also carries the entity's closed-choice fields (<see cref="Carried"/>: a plan, a
/// segment), so a query by one reads no join of millions of entity-months to the entities. Its name carries a hash
/// of its definition and of the loads of the source and of its entity, so a report reads a rollup of the data it
/// would read itself or none (then it computes from the invoices).
/// </summary>
public static class RevenueRollup
{
    /// <summary>The rollup's columns besides the entity (named as the source's entity link, so links join from it).</summary>
    public const string Month = "m", Previous = "p", Current = "q", FirstPaid = "first_m";

    public static bool Applies(SourceModel source) => source.Recurring is not null && source.TimeAxis is { Type: Dsl.Model.ValueType.Date };

    /// <summary>
    /// The entity's fields the rollup carries beside each entity-month: plain columns with a closed list of values
    /// (<c>in (...)</c>), few distinct values that compress to almost nothing, whose names are not the rollup's own.
    /// </summary>
    public static IReadOnlyList<FieldModel> Carried(SemanticModel model, SourceModel source)
    {
        var entity = source.Recurring!.Entity;
        if (entity.LinkTarget is not { } target || !model.Sources.TryGetValue(target, out var entities)) return [];
        string[] own = [entity.Name, Month, Previous, Current, FirstPaid];
        return entities.Fields.Where(f => f is { Kind: FieldKind.Column, Choices: not null, Derivation: null } && !own.Contains(f.Name, StringComparer.Ordinal)).ToArray();
    }

    /// <summary>The sources whose loads the rollup is made from: the recurring source, and its entities when it carries their fields.</summary>
    public static IReadOnlyList<string> SourcesRead(SemanticModel model, SourceModel source) =>
        Carried(model, source).Count > 0 ? [source.Name, source.Recurring!.Entity.LinkTarget!] : [source.Name];

    /// <summary>Every rollup of a source starts so (<see cref="DerivedTableName"/>): older ones are dropped when a new one is made.</summary>
    public static string Prefix(SourceModel source) => DerivedTableName.Prefix(source.Name, "mrr");

    /// <summary>
    /// The rollup of <paramref name="source"/> as made from the loads <paramref name="load"/> (of the sources in
    /// <see cref="SourcesRead"/>: content hash and time; a reload of the same files under another declaration is
    /// another load); null when none applies.
    /// </summary>
    public static string? TableName(SemanticModel model, SourceModel source, ISqlDialect dialect, string? load)
    {
        if (!Applies(source) || load is null) return null;
        var (sql, values) = Statement(model, source, dialect);
        var definition = $"{sql}\n{string.Join("\n", values)}\n{load}";
        return DerivedTableName.Of(Prefix(source), definition);
    }

    /// <summary>The SELECT that makes the rollup, with its parameter values.</summary>
    public static (string Sql, IReadOnlyList<object?> Values) Statement(SemanticModel model, SourceModel source, ISqlDialect dialect)
    {
        var recurring = source.Recurring!;
        var parameters = new SqlParameters(dialect);
        var joins = new JoinPlan(model, source.Name, "r");
        var rows = new RowSql(dialect, joins, parameters, new Dictionary<string, object?>());
        var time = source.TimeAxis!;
        var entity = Sql.Identifier(recurring.Entity.Name);
        var month = dialect.Truncate(TimeUnit.Month, $"CAST(r.{Sql.Identifier(time.Name)} AS DATE)");
        var sums = new SqlSelect([new SqlColumn($"r.{entity}", "entity"), new SqlColumn(month, "m"), new SqlColumn($"sum(r.{Sql.Identifier(recurring.Amount.Name)})", "q")])
        {
            From = joins.From,
            Where = [$"r.{entity} IS NOT NULL", .. recurring.Where is { } w ? new[] { rows.Compile(w) } : []],
            GroupBy = SqlSelect.FirstColumns(2),
        };
        var firstPaid = new SqlSelect(["entity", new SqlColumn("min(m) FILTER (WHERE q > 0)", "first_m")])
        {
            From = new SqlFrom(new SqlTableSource("sums")),
            GroupBy = SqlSelect.FirstColumns(1),
        };
        var carried = Carried(model, source);
        var attributes = carried.Count == 0 ? [] : new[]
        {
            new SqlJoin(SqlJoinKind.Left, new SqlTableSource(recurring.Entity.LinkTarget!, "a"),
                $"a.{Sql.Identifier(model.Sources[recurring.Entity.LinkTarget!].Key!.Name)} = coalesce(c.entity, p.entity)"),
        };
        var pairs = new SqlSelect([
            new SqlColumn("coalesce(c.entity, p.entity)", recurring.Entity.Name),
            new SqlColumn($"coalesce(c.m, {dialect.AddUnits("p.m", TimeUnit.Month, 1)})", Month),
            new SqlColumn("coalesce(p.q, 0)", Previous), new SqlColumn("coalesce(c.q, 0)", Current),
            new SqlColumn("f.first_m", FirstPaid),
            .. carried.Select(f => new SqlColumn($"a.{Sql.Identifier(f.Name)}", f.Name)),
        ])
        {
            With = [new SqlTable("sums", sums), new SqlTable("first_paid", firstPaid)],
            From = new SqlFrom(new SqlTableSource("sums", "c"), [
                new SqlJoin(SqlJoinKind.Full, new SqlTableSource("sums", "p"), $"p.entity = c.entity AND p.m = {dialect.AddUnits("c.m", TimeUnit.Month, -1)}"),
                new SqlJoin(SqlJoinKind.Left, new SqlTableSource("first_paid", "f"), "f.entity = coalesce(c.entity, p.entity)"),
                .. attributes,
            ]),
        };
        return (SqlWriter.Write(pairs), parameters.Values);
    }

    /// <summary>
    /// Whether a row expression can be read from the rollup: it reads only through the entity's link (the linked
    /// entity's fields, constant per entity) or the link itself, so it keeps or drops whole entity-months.
    /// </summary>
    public static bool ReadsThroughEntity(BoundExpression expression, FieldModel entity) =>
        ExpressionFields.All(expression, f => f.Links.Count == 0 ? f.Field.Name == entity.Name : f.Links[0].Name == entity.Name);

    /// <summary>
    /// Whether every field a row expression reads through the entity's link is one the rollup carries (a plain
    /// column of the entity, one link away), so the rollup's own column stands for it without a join.
    /// </summary>
    public static bool ReadsCarriedOnly(BoundExpression expression, FieldModel entity, IReadOnlyList<FieldModel> carried) =>
        ExpressionFields.All(expression, f => f.Links.Count == 0 || (f.Links.Count == 1 && f.Links[0].Name == entity.Name && carried.Contains(f.Field)));
}
