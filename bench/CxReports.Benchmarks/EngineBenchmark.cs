using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CxReports.Engine.Dialects;
using CxReports.Dsl.Model;
using CxReports.Engine.Execution;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;

namespace CxReports.Benchmarks;

/// <summary>
/// The metric engine against hand-written DuckDB SQL for the same numbers, in the same run, on the scale demo
/// (1,000,000 customers, about 10 million survey answers, see <see cref="ScaleDataset"/>): NPS by month and
/// channel, monthly churn, the 12-month cohort matrix and the health score (the at-risk accounts of the
/// customer-success report, which scores every current customer). Each pair is one category whose baseline is
/// the hand-written SQL, so the Ratio column is engine time / hand-written time. Before timing, both forms are
/// run once and must give the same numbers. Both go through the same executor (same reading of the rows).
/// Run: dotnet run -c Release --project bench/CxReports.Benchmarks -- --filter '*EngineBenchmark*'
/// </summary>
[Config(typeof(Config))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EngineBenchmark
{
    /// <summary>
    /// In process (the dataset is opened once for all cases), few iterations of about a second each: the queries of a
    /// second or more run once per iteration, the ones under 100 ms several times, which evens out a busy machine.
    /// </summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(9)
                .WithIterationTime(Perfolizer.Horology.TimeInterval.FromSeconds(1))
                .WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(StatisticColumn.Median, StatisticColumn.Min);
        }
    }

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private static readonly Lazy<Plans> Shared = new(() => Plans.Create(ScaleDataset.Instance.Model).Verified(ScaleDataset.Instance));

    private Plans _plans = null!;
    private QueryExecutor _executor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plans = Shared.Value;
        _executor = new QueryExecutor(ScaleDataset.Instance.Warehouse, Timeout);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("a_nps_month_channel")]
    public int NpsEpoch() => Run(_plans.NpsEpoch);

    [Benchmark, BenchmarkCategory("a_nps_month_channel")]
    public int NpsHand() => Run(_plans.NpsHand);

    [Benchmark, BenchmarkCategory("a_nps_month_channel")]
    public int NpsEngine() => Run(_plans.NpsEngine);

    [Benchmark(Baseline = true), BenchmarkCategory("b_churn_month")]
    public int ChurnHand() => Run(_plans.ChurnHand);

    [Benchmark, BenchmarkCategory("b_churn_month")]
    public int ChurnEngine() => Run(_plans.ChurnEngine);

    [Benchmark(Baseline = true), BenchmarkCategory("c_cohort_matrix")]
    public int CohortHand() => Run(_plans.CohortHand);

    [Benchmark, BenchmarkCategory("c_cohort_matrix")]
    public int CohortEngine() => Run(_plans.CohortEngine);

    [Benchmark(Baseline = true), BenchmarkCategory("d_health_score")]
    public int HealthHand() => Run(_plans.HealthHand);

    [Benchmark, BenchmarkCategory("d_health_score")]
    public int HealthEngine() => Run(_plans.HealthEngine);

    [Benchmark(Baseline = true), BenchmarkCategory("e_first_response_month")]
    public int FirstResponseEpoch() => Run(_plans.FirstResponseEpoch);

    [Benchmark, BenchmarkCategory("e_first_response_month")]
    public int FirstResponseHand() => Run(_plans.FirstResponseHand);

    [Benchmark, BenchmarkCategory("e_first_response_month")]
    public int FirstResponseEngine() => Run(_plans.FirstResponseEngine);

    private int Run(PlannedQuery plan) => _executor.Execute(plan).Rows.Count;

    /// <summary>
    /// The engine's statements for the blocks of engine_bench.cxr and their hand-written twins, checked equal once.
    /// Where rows are bucketed by local time there are two twins: through ICU's <c>timezone()</c> (Hand) and as
    /// epoch arithmetic (Epoch), the baseline, since it is the fastest exact form.
    /// </summary>
    public sealed record Plans(
        PlannedQuery NpsEngine, PlannedQuery NpsHand, PlannedQuery NpsEpoch,
        PlannedQuery FirstResponseEngine, PlannedQuery FirstResponseHand, PlannedQuery FirstResponseEpoch,
        PlannedQuery ChurnEngine, PlannedQuery ChurnHand,
        PlannedQuery CohortEngine, PlannedQuery CohortHand,
        PlannedQuery HealthEngine, PlannedQuery HealthHand)
    {
        /// <summary>The as-of date is the period's last day: "today" is the day after.</summary>
        public static readonly DateOnly Today = new(2026, 11, 1);

        /// <summary>Plans the blocks of engine_bench.cxr (no data needed: planning only reads the model).</summary>
        public static Plans Create(SemanticModel model)
        {
            var nps = Engine(model, "nps_by");
            var firstResponse = Engine(model, "first_response_by");
            var churn = Engine(model, "churn_by");
            var cohort = Engine(model, "cohorts");
            var health = Engine(model, "at_risk");
            return new Plans(nps, Hand(HandWrittenSql.NpsByMonthAndChannel, nps), Hand(HandWrittenSql.NpsByMonthAndChannelEpoch, nps),
                firstResponse, Hand(HandWrittenSql.FirstResponseByMonth, firstResponse), Hand(HandWrittenSql.FirstResponseByMonthEpoch, firstResponse),
                churn, Hand(HandWrittenSql.ChurnByMonth, churn),
                cohort, Hand(HandWrittenSql.Cohorts(), cohort), health, Hand(HandWrittenSql.Health(atRiskTop25: true), health));
        }

        /// <summary>The statement of one block of engine_bench.cxr as the report evaluator would run it.</summary>
        public static PlannedQuery Engine(SemanticModel model, string id, ISqlDialect? dialect = null)
        {
            var report = model.Reports["engine_bench"];
            var planner = new ReportPlanner(model, dialect ?? DuckDbDialect.Instance, new FixedTime(Today));
            var (period, values) = planner.Resolve(report, new ReportRequest());
            return planner.Plan(report, report.Sections.SelectMany(s => s.Blocks).Single(b => b.Id == id), period, values)!;
        }

        private static PlannedQuery Hand(string sql, PlannedQuery like) => new(sql, [], like.Columns);

        /// <summary>Runs every pair once and throws unless both give the same numbers (also every customer's health, not only the top 25).</summary>
        public Plans Verified(ScaleDataset data)
        {
            var executor = new QueryExecutor(data.Warehouse, Timeout);
            Console.WriteLine("// checking that the engine and the hand-written SQL give the same numbers");
            Check("nps by month, channel", executor.Execute(NpsEngine), executor.Execute(NpsHand), keyColumns: 2);
            Check("nps by month, channel (epoch offsets)", executor.Execute(NpsEngine), executor.Execute(NpsEpoch), keyColumns: 2);
            Check("first response by month", executor.Execute(FirstResponseEngine), executor.Execute(FirstResponseHand), keyColumns: 1);
            Check("first response by month (epoch offsets)", executor.Execute(FirstResponseEngine), executor.Execute(FirstResponseEpoch), keyColumns: 1);
            Check("churn by month", executor.Execute(ChurnEngine), executor.Execute(ChurnHand), keyColumns: 1);
            Check("cohort matrix", executor.Execute(CohortEngine), executor.Execute(CohortHand), keyColumns: 1);
            Check("health, at risk top 25", executor.Execute(HealthEngine), executor.Execute(HealthHand), keyColumns: 1);
            var everyone = Engine(data.Model, "everyone");
            Check("health, every current customer", executor.Execute(everyone),
                executor.Execute(Hand(HandWrittenSql.Health(atRiskTop25: false), everyone)), keyColumns: 1);
            return this;
        }

        /// <summary>
        /// Same rows (matched on the leading key columns, since rows with equal scores may come in either order)
        /// and the same values: equal text, dates and counts; numbers within 1e-9 relative (the two forms add
        /// the same terms in a different order).
        /// </summary>
        public static void Check(string what, ResultTable engine, ResultTable hand, int keyColumns)
        {
            if (engine.Rows.Count == 0) throw new InvalidOperationException($"{what}: the engine returned no rows");
            if (engine.Rows.Count != hand.Rows.Count)
                throw new InvalidOperationException($"{what}: the engine returned {engine.Rows.Count} rows, the hand-written SQL {hand.Rows.Count}");
            static string Key(object?[] row, int n) => string.Join("|", row.Take(n).Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
            var byKey = hand.Rows.ToDictionary(r => Key(r, keyColumns));
            var cells = 0;
            foreach (var row in engine.Rows)
            {
                if (!byKey.TryGetValue(Key(row, keyColumns), out var other))
                    throw new InvalidOperationException($"{what}: row {Key(row, keyColumns)} is missing from the hand-written result");
                for (var i = 0; i < row.Length; i++, cells++)
                    if (!Same(row[i], other[i]))
                        throw new InvalidOperationException($"{what}: {Key(row, keyColumns)}, column {engine.Columns[i].Name}: engine {row[i] ?? "null"}, hand-written {other[i] ?? "null"}");
            }
            Console.WriteLine($"// {what}: {engine.Rows.Count} rows, {cells} values equal");
        }

        private static bool Same(object? a, object? b) => (a, b) switch
        {
            (null, null) => true,
            (double x, double y) => Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y))),
            _ => Equals(a, b),
        };
    }

    private sealed class FixedTime(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }
}
