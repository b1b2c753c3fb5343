using System.Globalization;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Dsl.Text;
using CxReports.Engine.Alerts;
using CxReports.Engine.Execution;
using CxReports.Engine.Loading;
using CxReports.Engine.Scheduling;
using CxReports.Engine.Warehouse;
using CxReports.Rendering.Alerts;
using CxReports.Server.Delivery;
using CxReports.Server.Settings;
using Microsoft.Extensions.Time.Testing;

namespace CxReports.Server.Tests.Delivery;

/// <summary>
/// Survey answers by channel and month in a real DuckDB warehouse, alerts over them, and the scheduler driven by a fake
/// clock through the real alert runner and channels. NPS answers are (promoters, passives, detractors) scored 10, 8, 3;
/// NPS = 100·(promoters - detractors) / answers:
/// <code>
///          January        February       March          April
/// phone    (60,30,10) 50  (40,30,30) 10  (20,30,50) -30 (60,30,10) 50
/// web      (2,2,0)    50  (1,2,1)     0  (1,2,1)     0  (2,2,0)    50   4 answers a month: under any min of 30
/// email    (20,10,10) 25  (16,12,12) 10  (16,12,12) 10  (16,12,12) 10
/// chat     (16,12,12) 10  (16,12,12) 10  (16,12,12) 10  (16,12,12) 10
/// </code>
/// A check on the 1st of a month at 09:00 UTC judges the month before against the one before it.
/// </summary>
internal sealed class AlertFixture : IDisposable
{
    public const string Model = """
        source responses from "responses.csv" {
          key id
          time at: timestamp
          column channel
          column score: integer
        }
        metric responses_n = count(responses)
        metric nps = nps(responses.score)
        """;

    private static readonly (string Channel, int Month, int Promoters, int Passives, int Detractors)[] Answers =
    [
        ("phone", 1, 60, 30, 10), ("phone", 2, 40, 30, 30), ("phone", 3, 20, 30, 50), ("phone", 4, 60, 30, 10),
        ("web", 1, 2, 2, 0), ("web", 2, 1, 2, 1), ("web", 3, 1, 2, 1), ("web", 4, 2, 2, 0),
        ("email", 1, 20, 10, 10), ("email", 2, 16, 12, 12), ("email", 3, 16, 12, 12), ("email", 4, 16, 12, 12),
        ("chat", 1, 16, 12, 12), ("chat", 2, 16, 12, 12), ("chat", 3, 16, 12, 12), ("chat", 4, 16, 12, 12),
    ];

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("cxr-alerts-").FullName;
    public DuckDbWarehouse Warehouse { get; }
    public SemanticModel Semantic { get; }
    public RunLog Log { get; }
    public AlertStateStore States { get; }

    /// <summary>The clock starts mid-February 2025, when the scheduler first sees the alerts.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 2, 15, 12, 0, 0, TimeSpan.Zero));

    public AlertFixture(string alerts)
    {
        File.WriteAllText(Path.Combine(Directory, "responses.csv"), Csv(new DateOnly(2025, 1, 1)));
        var bound = ModelBinder.Compile([new SourceFile("m.cxr", Model + "\n" + alerts)]);
        Semantic = bound.Model ?? throw new InvalidOperationException(string.Join("\n", bound.Diagnostics));
        Warehouse = DuckDbWarehouse.Open(new WarehouseOptions(Directory));
        foreach (var outcome in new WarehouseLoader(Warehouse, TimeProvider.System).LoadAll(Semantic, force: true))
            if (outcome.Status == LoadStatus.Failed) throw new InvalidOperationException(string.Join("\n", outcome.Diagnostics));
        Log = new RunLog(Warehouse).EnsureCreated();
        States = new AlertStateStore(new DirectWarehouseAccess(Warehouse)).EnsureCreated();
    }

    /// <summary>The answers of the table above, each on the 15th of its month, January being <paramref name="january"/>'s month.</summary>
    public static string Csv(DateOnly january)
    {
        var rows = new List<string> { "id,at,channel,score" };
        foreach (var (channel, month, promoters, passives, detractors) in Answers)
        {
            var date = new DateOnly(january.Year, january.Month, 15).AddMonths(month - 1);
            foreach (var score in Enumerable.Repeat(10, promoters).Concat(Enumerable.Repeat(8, passives)).Concat(Enumerable.Repeat(3, detractors)))
                rows.Add($"n{rows.Count},{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}T10:00:00Z,{channel},{score}");
        }
        return string.Join("\n", rows) + "\n";
    }

    /// <summary>
    /// A project for a real <c>cxr</c> under <paramref name="root"/>: <c>reports/alerts.cxr</c>, the model and then
    /// <paramref name="alerts"/>, and <c>data/responses.csv</c>, the table's January and February being the month before
    /// last and last month, so a check now judges February against January, where only phone drops significantly
    /// (50 -> 10, p = 0.0002; see AlertNotifyTests).
    /// </summary>
    public static void WriteProject(string root, string alerts)
    {
        var reports = System.IO.Directory.CreateDirectory(Path.Combine(root, "reports")).FullName;
        var data = System.IO.Directory.CreateDirectory(Path.Combine(root, "data")).FullName;
        var now = DateTime.UtcNow;
        File.WriteAllText(Path.Combine(data, "responses.csv"), Csv(new DateOnly(now.Year, now.Month, 1).AddMonths(-2)));
        File.WriteAllText(Path.Combine(reports, "alerts.cxr"), Model + "\n" + alerts);
    }

    /// <summary>
    /// An alert on the drop by channel (min 30 answers, significant at 95%) that <c>cxr serve</c> checks every 5 seconds
    /// in UTC, telling the targets of <paramref name="notify"/> in their order (<c>slack "URL", teams "URL"</c>).
    /// </summary>
    public static string CheckedEvery5Seconds(string name, string label, string notify) => $$"""
        alert {{name}} "{{label}}" {
          when nps by channel drops 5 points vs previous period
          min responses_n 30
          significance 95%
          check "*/5 * * * * *" timezone "UTC"
          notify {{notify}}
        }
        """;

    /// <summary>The check slot of the 1st of <paramref name="month"/> 2025, 09:00 UTC.</summary>
    public static DateTimeOffset Slot(int month) => new(2025, month, 1, 9, 0, 0, TimeSpan.Zero);

    public AlertRunner Runner(DeliveryOptions options, HttpClient http, int attempts = 3) => new(Log, States,
        (alert, slot) => new AlertEvaluator(Semantic, Warehouse, EvaluationLimits.Default, TimeSpan.FromSeconds(30)).Evaluate(alert, slot),
        new AlertMessageWriter(), DeliveryChannels.Messages(options, http, Clock), Clock, new RetryPolicy(attempts, TimeSpan.Zero, TimeSpan.Zero));

    /// <summary>The scheduler over the alerts (no reports), on the fake clock; <paramref name="model"/> stands for hot reload.</summary>
    public Scheduler Scheduler(AlertRunner alerts, Func<SemanticModel?>? model = null) =>
        new(model ?? (() => Semantic), Log, new ReportRunner(Log, (_, _) => throw new InvalidOperationException("no report is scheduled"), [], [], Clock), Clock, alerts);

    /// <summary>Moves the clock to <paramref name="at"/> and runs what is due.</summary>
    public Task<DateTimeOffset?> RunDueAt(Scheduler scheduler, DateTimeOffset at)
    {
        Clock.SetUtcNow(at);
        return scheduler.RunDueAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        Warehouse.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
