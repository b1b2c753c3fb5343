using CxReports.Engine.Dialects;
using CxReports.Engine.Planning;
using CxReports.Engine.Results;
using CxReports.Engine.Tests.Engines;

namespace CxReports.Engine.Tests.Dialects;

/// <summary>
/// A dialect's local date of an instant is .NET's, inside the range whose offsets the planner worked out and outside
/// it, where the engine converts: the range decides only how the date is computed, never which date it is.
/// </summary>
public abstract class LocalDateTests(TestEngine engine) : EngineTests(engine)
{
    private static readonly DateTime RangeFrom = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), RangeTo = new(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [MemberData(nameof(ZoneSamples.Zones), MemberType = typeof(ZoneSamples))]
    public void Every_instant_has_the_local_date_dotnet_gives_it_inside_and_outside_the_planned_range(string id)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(id);
        var instants = ZoneSamples.Instants(zone)
            .Concat([RangeFrom.AddSeconds(-1), RangeFrom, RangeTo.AddSeconds(-1), RangeTo])
            .Distinct().Order().ToList();
        using var w = Load(ZoneSamples.Model, ZoneSamples.EventsFile(instants));
        var offsets = ZoneOffsets.Of(zone, RangeFrom, RangeTo);
        var sql = $"SELECT CAST(r.id AS BIGINT) AS id, {w.Dialect.LocalDate("r.at", w.Dialect.Parameter(1), offsets)} AS local FROM events r ORDER BY 1";

        var rows = w.Execute(new PlannedQuery(sql, [id], [new ResultColumn("id", ColumnType.Integer), new ResultColumn("local", ColumnType.Date)]), sql).Rows;

        var wrong = rows.Where(r => (DateOnly)r[1]! != ZoneSamples.LocalDate(instants[(int)(long)r[0]!], zone)).ToList();
        Assert.True(rows.Count == instants.Count && wrong.Count == 0,
            $"{rows.Count} of {instants.Count} rows; wrong local dates in {id}: " +
            string.Join(", ", wrong.Take(5).Select(r => $"{instants[(int)(long)r[0]!]:O} -> {(DateOnly)r[1]!:yyyy-MM-dd}")));
    }
}

public sealed class LocalDateTestsOnDuckDb() : LocalDateTests(TestEngine.DuckDb);

public sealed class LocalDateTestsOnPostgres() : LocalDateTests(TestEngine.Postgres);
