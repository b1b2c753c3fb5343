using CxReports.Dsl.Model;
using CxReports.Engine.Planning.SqlTree;

namespace CxReports.Engine.Planning;

/// <summary>
/// A lifecycle source whose entities end at their earliest linked event (customers and a churn export) kept with
/// that end beside each entity, made once per load: every statement that counts the entities (lifecycle counts,
/// cohorts, scores' current customers) otherwise groups the events by entity and joins them to the entities on
/// their key (1M customers and 265K churns on the scale demo, a tenth of a second or more each time, five times in
/// cx_roi). Only for an end that is a date: a date's day is the same in every zone, so no report's zone changes it.
/// Its name carries a hash of its definition and of the loads of both sources, so a statement reads the ends of the
/// data it would read itself or none.
/// </summary>
public static class LifecycleRollup
{
    /// <summary>The column holding each entity's end (null: still a customer); a source with a field of that name gets no rollup.</summary>
    public const string Ended = "cxr_ended";

    /// <summary>How <see cref="PlanContext.Rollups"/> names a source's lifecycle rollup (a source name holds no colon).</summary>
    public static string Key(SourceModel source) => $"{source.Name}:ended";

    public static bool Applies(SourceModel source) =>
        source is { Key: not null, Lifecycle: { EndLink: not null, End.Type: Dsl.Model.ValueType.Date } } && source.Fields.All(f => f.Name != Ended);

    /// <summary>The sources whose loads it is made from: the entities and their end events.</summary>
    public static IReadOnlyList<string> SourcesRead(SourceModel source) => [source.Name, source.Lifecycle!.End!.Source];

    /// <summary>Every lifecycle rollup of a source starts so (<see cref="DerivedTableName"/>): the older one is dropped when a new one is made.</summary>
    public static string Prefix(SourceModel source) => DerivedTableName.Prefix(source.Name, "life");

    /// <summary>The rollup as made from the loads <paramref name="load"/> of <see cref="SourcesRead"/>; null when none applies.</summary>
    public static string? TableName(SourceModel source, string? load) =>
        !Applies(source) || load is null ? null : DerivedTableName.Of(Prefix(source), $"{Statement(source)}\n{load}");

    /// <summary>The SELECT that makes it: every column of the entities, and the end.</summary>
    public static string Statement(SourceModel source) => SqlWriter.Write(new SqlSelect(["r.*", new SqlColumn("ends.ended", Ended)])
    {
        From = new SqlFrom(new SqlTableSource(source.Name, "r"), [EntityDates.EarliestEnds(source, day => $"CAST({day} AS DATE)")]),
    });

    /// <summary>The table a statement reads the entities of <paramref name="source"/> from: the rollup when current, else the source's own.</summary>
    public static string Table(PlanContext context, SourceModel source) =>
        context.Rollups.TryGetValue(Key(source), out var rollup) ? rollup : source.Name;
}
