using System.Globalization;
using CxReports.Engine.Dialects;
using CxReports.Engine.Planning.SqlTree;
using CxReports.Engine.Results;
using CxReports.Dsl.Model;

namespace CxReports.Engine.Planning;

/// <summary>
/// A score per entity on the as-of date T (metrics.md): each component aggregates the entity's linked rows dated
/// in (T - window, T] (all rows up to T without a window), is scaled to 0..100 and clamped, keeping "no data"
/// null; the score is the weighted mean of the components present; bands are tried in order.
/// </summary>
public sealed class ScorePlanner(PlanContext context)
{
    public PlannedQuery Plan(ScoresBlockModel block)
    {
        var score = context.Model.Scores[block.Score];
        var entity = context.Model.Sources[score.Entity];
        var key = entity.Key!;
        var d = context.Dialect;
        var asOf = $"CAST({context.Parameters.Shared("asof", context.Period.AsOf)} AS DATE)";

        var entityJoins = new JoinPlan(context.Model, LifecycleRollup.Table(context, entity), "r");
        var entityRows = new RowSql(d, entityJoins, context.Parameters, context.ParamValues);
        var current = new List<string>();
        if (entity.Lifecycle is not null)
        {
            var (start, end, endJoin) = EntityDates.Of(context, entity, entityRows);
            current.Add($"{start} <= {asOf} AND ({end} IS NULL OR {asOf} < {end})");
            entityJoins = entityJoins.WithExtra(endJoin);
        }
        current.AddRange(context.RowFilters(entity.Name, entityRows, null));
        var entitySql = new SqlSelect(["r.*"]) { From = entityJoins.From, Where = current };

        var tables = new List<TableSql> { new("entities", entitySql, false) };
        var components = new List<(ScoreComponentModel Component, string Table)>();
        foreach (var component in score.Components)
        {
            var table = $"component_{component.Name}";
            tables.Add(new TableSql(table, context.Rollups.TryGetValue(LastValueRollup.Key(score, component), out var rollup)
                ? FromLastValues(score, component, rollup, asOf)
                : Component(component, entity, asOf), false));
            components.Add((component, table));
        }

        var scaled = components.Select(c => (c.Component, Sql: Scaled(c.Component, $"{Sql.Identifier(c.Table)}.v", c.Component.Value.Function.ZeroWhenEmpty))).ToArray();
        var weighted = string.Join(" + ", scaled.Select(s => $"coalesce({Number(s.Component.Weight)} * {s.Sql}, 0)"));
        // A scaled value is null exactly when the raw one is (the binder refuses a scale with equal ends), and a
        // count always has one; asking the raw value keeps the expression small where DuckDB inlines it (a filter
        // on the band repeats the score, and the score every component, for every current customer).
        var weights = string.Join(" + ", components.Select(c => c.Component.Value.Function.ZeroWhenEmpty
            ? Number(c.Component.Weight)
            : $"CASE WHEN {Sql.Identifier(c.Table)}.v IS NULL THEN 0 ELSE {Number(c.Component.Weight)} END"));
        var scoredColumns = new List<SqlColumn> { "e.*", new(d.SafeDivide($"({weighted})", $"({weights})"), "score") };
        scoredColumns.AddRange(scaled.Select(s => new SqlColumn(s.Sql, s.Component.Name)));
        var scoredFrom = new SqlFrom(new SqlTableSource("entities", "e"), components.Select(c => new SqlJoin(SqlJoinKind.Left,
            new SqlTableSource(c.Table), $"{Sql.Identifier(c.Table)}.entity = e.{Sql.Identifier(key.Name)}")).ToArray());
        tables.Add(new TableSql("scored", new SqlSelect(scoredColumns) { From = scoredFrom }, false));
        tables.Add(new TableSql("banded", new SqlSelect(["*", new SqlColumn(Band(score), "band")]) { From = new SqlFrom(new SqlTableSource("scored")) }, false));

        var resultJoins = new JoinPlan(context.Model, "banded", "s");
        var resultRows = new RowSql(d, resultJoins, context.Parameters, context.ParamValues);
        var where = block.Where is null ? [] : new[] { resultRows.Compile(block.Where) };
        var keys = new List<ScoreSortKey> { new(block.Top?.OrderBy ?? "score", block.Top?.Ascending ?? true) };
        keys.AddRange(block.ThenBy);
        var shown = block.Show.Select(f => f.Field.Name).ToList();
        var fixedColumns = new[] { key.Name, "score", "band" }.Concat(score.Components.Select(c => c.Name)).Concat(shown).ToList();
        var extra = keys.Select(k => k.Column).Distinct().Where(c => !fixedColumns.Contains(c)).ToArray();
        SqlColumn[] select =
        [
            $"s.{Sql.Identifier(key.Name)}",
            .. block.Show.Select(f => new SqlColumn(resultRows.Compile(f), f.Field.Name)),
            "s.score", "s.band",
            .. score.Components.Select(c => new SqlColumn($"s.{Sql.Identifier(c.Name)}")),
            .. extra.Select(c => new SqlColumn($"s.{Sql.Identifier(c)}")),
        ];
        var statement = new SqlSelect(select)
        {
            With = tables.Select(t => t.AsCte).ToArray(),
            From = resultJoins.From,
            Where = where,
            // The entity key breaks the last ties, so the cut of a top list is the same on every run and engine.
            OrderBy = [.. keys.Select(k => $"s.{Sql.Identifier(k.Column)} {(k.Ascending ? "ASC" : "DESC")} NULLS LAST"), $"s.{Sql.Identifier(key.Name)}"],
            Limit = block.Top?.Count,
        };

        var locale = context.Locale;
        var columns = new List<ResultColumn> { new(key.Name, ColumnType.Text, Labelled(key.Label, locale)) };
        columns.AddRange(block.Show.Select(f => new ResultColumn(f.Field.Name, SelectColumnsPass.TypeOf(f.Field.Type), Labelled(f.Field.Label, locale))
        {
            Labels = f.Field.Labels?.ToDictionary(l => ValueKey.Of(l.Code)!, l => l.Label, StringComparer.Ordinal),
        }));
        columns.Add(new("score", ColumnType.Number, Points) { Word = "score" });
        columns.Add(new("band", ColumnType.Text)
        {
            Word = "band",
            Levels = BestFirst(score.Bands),
            Labels = BandLabels(score.Bands, locale),
        });
        columns.AddRange(score.Components.Select(c => new ResultColumn(c.Name, ColumnType.Number, Points with { Label = c.Label.For(locale) })));
        columns.AddRange(extra.Select(c => new ResultColumn(c, entity.Field(c)?.Type is Dsl.Model.ValueType.Text ? ColumnType.Text : ColumnType.Number,
            Labelled(entity.Field(c)?.Label ?? LocalizedLabel.None, locale))));
        return new PlannedQuery(SqlWriter.Write(statement), context.Parameters.Values, columns);
    }

    /// <summary>A field's column: no unit, headed by its label for the report's locale (its name without one).</summary>
    private static Meaning Labelled(LocalizedLabel label, string locale) => Meaning.None with { Label = label.For(locale) };

    /// <summary>The name documents show for each band (JSON keeps the band's name); null when no band has a label.</summary>
    private static Dictionary<string, string>? BandLabels(IReadOnlyList<ScoreBandModel> bands, string locale)
    {
        var labels = bands.Where(b => b.Label.For(locale) is not null).ToDictionary(b => b.Name, b => b.Label.For(locale)!, StringComparer.Ordinal);
        return labels.Count == 0 ? null : labels;
    }

    /// <summary>Score points: 0..100, more is better (a component's scale maps its worst to 0 and its best to 100).</summary>
    private static readonly Meaning Points = Meaning.Of(Unit.Score, Direction.HigherIsBetter);

    /// <summary>
    /// The bands from the highest scores to the lowest: as declared when they are tried with <c>&gt;=</c> or
    /// <c>&gt;</c> (the first holds the top), reversed when tried with <c>&lt;=</c> or <c>&lt;</c>.
    /// </summary>
    private static IReadOnlyList<string> BestFirst(IReadOnlyList<ScoreBandModel> bands)
    {
        var names = bands.Select(b => b.Name).ToList();
        if (bands.FirstOrDefault(b => b.Operator is not null)?.Operator is BinaryOperator.Less or BinaryOperator.LessOrEqual) names.Reverse();
        return names;
    }

    /// <summary>One component's raw value per entity, from the rows linked to it in the window.</summary>
    private SqlSelect Component(ScoreComponentModel component, SourceModel entity, string asOf)
    {
        var aggregate = component.Value;
        var source = context.Model.Sources[aggregate.Source];
        var joins = new JoinPlan(context.Model, source.Name, "r");
        var rows = new RowSql(context.Dialect, joins, context.Parameters, context.ParamValues);
        var link = source.Name == entity.Name ? entity.Key! : source.Links.First(l => l.LinkTarget == entity.Name);
        var time = source.TimeAxis;
        var filters = new List<string> { $"r.{Sql.Identifier(link.Name)} IS NOT NULL" };
        if (time is not null)
        {
            // Local dates in (T - window, T], i.e. from the day after T - window through T.
            var from = component.Window is { } window
                ? context.Dialect.AddUnits(context.Dialect.AddUnits(asOf, window.Unit, -window.Amount), TimeUnit.Day, 1)
                : null;
            filters.Add(context.LocalDateWithin(rows.Compile(new BoundField(source.Name, [], time, time.Span)), time, from, asOf));
        }
        var inputs = AggregateInputs.Of(aggregate, rows, time is null ? null : rows.Compile(new BoundField(source.Name, [], time, time.Span)));
        var value = AggregateLowering.Lower(context.Dialect, aggregate.Function.Name, inputs);
        var key = $"r.{Sql.Identifier(link.Name)}";
        if (link.Type is Dsl.Model.ValueType.Text or Dsl.Model.ValueType.Unknown) key = context.Dialect.Bytewise(key); // loaded as text
        return new SqlSelect([new SqlColumn(key, "entity"), new SqlColumn(value, "v")])
        {
            From = joins.From,
            Where = filters,
            GroupBy = SqlSelect.FirstColumns(1),
        };
    }

    /// <summary>
    /// The same component from its pre-aggregate (<see cref="LastValueRollup"/>): an entity whose last counted row
    /// is up to the as-of date has its last value; only the entities with rows after it are computed from their
    /// rows up to it (a row is up to it exactly when the time of its entity's last counted row is, as later rows
    /// are later). An entity without a counted row has none either way: its component is null.
    /// </summary>
    private SqlUnion FromLastValues(ScoreModel score, ScoreComponentModel component, string rollup, string asOf)
    {
        var source = context.Model.Sources[component.Value.Source];
        var time = source.TimeAxis!;
        var upToAsOf = context.LocalDateWithin($"x.{Sql.Identifier(LastValueRollup.LastAt)}", time, null, asOf);
        var link = LastValueRollup.EntityLink(score, source);
        var key = link.Type is Dsl.Model.ValueType.Text or Dsl.Model.ValueType.Unknown ? context.Dialect.Bytewise("x.entity") : "x.entity";
        var known = new SqlSelect([new SqlColumn(key, "entity"), new SqlColumn($"x.{Sql.Identifier(LastValueRollup.Value)}", "v")])
        {
            From = new SqlFrom(new SqlTableSource(rollup, "x")),
            Where = [upToAsOf],
        };
        var later = Component(component, context.Model.Sources[score.Entity], asOf);
        later = later with
        {
            Where = [.. later.Where, $"r.{Sql.Identifier(link.Name)} IN (SELECT x.entity FROM {Sql.Identifier(rollup)} x WHERE NOT ({upToAsOf}))"],
        };
        return new SqlUnion([known, later]) { All = true };
    }

    /// <summary>
    /// clamp(100 (x - lo) / (hi - lo), 0, 100), null staying null (greatest and least skip nulls, so they only
    /// clamp a value that is there); a count with no rows is 0 rows, not unknown. With whole-number scale ends the
    /// value is subtracted and multiplied as a DOUBLE: a component is a BIGINT count or value or already a DOUBLE,
    /// so that is exact below 2^53 / 100 (the same number) where DuckDB would otherwise widen a BIGINT to a
    /// 128-bit decimal, several times slower on every current customer.
    /// </summary>
    private static string Scaled(ScoreComponentModel component, string value, bool zeroWhenEmpty)
    {
        var x = zeroWhenEmpty ? $"coalesce({value}, 0)" : value;
        var whole = component.ScaleFrom == decimal.Truncate(component.ScaleFrom) && component.ScaleTo == decimal.Truncate(component.ScaleTo);
        var operand = whole ? $"CAST({x} AS DOUBLE PRECISION)" : x;
        var raw = $"(100.0 * ({operand} - {Number(component.ScaleFrom)}) / ({Number(component.ScaleTo)} - {Number(component.ScaleFrom)}))";
        var clamped = $"least(greatest({raw}, 0), 100)";
        return zeroWhenEmpty ? clamped : $"(CASE WHEN {x} IS NOT NULL THEN {clamped} END)";
    }

    private static string Band(ScoreModel score)
    {
        var cases = score.Bands.Select(b => b.Threshold is { } t
            ? $"WHEN score {Operator(b.Operator!.Value)} {Number(t)} THEN {Sql.Literal(b.Name)}"
            : $"WHEN score IS NOT NULL THEN {Sql.Literal(b.Name)}");
        return score.Bands.Count == 0 ? "CAST(NULL AS VARCHAR)" : $"CASE {string.Join(" ", cases)} END";
    }

    private static string Operator(BinaryOperator op) => op switch
    {
        BinaryOperator.GreaterOrEqual => ">=", BinaryOperator.Greater => ">", BinaryOperator.LessOrEqual => "<=", _ => "<",
    };

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
