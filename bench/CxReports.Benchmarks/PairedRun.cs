using System.Diagnostics;
using CxReports.Engine.Execution;
using CxReports.Engine.Planning;

namespace CxReports.Benchmarks;

/// <summary>
/// A check of EngineBenchmark's ratios for a shared, noisy machine: the hand-written and the engine statement of
/// each query run alternately (which goes first alternates too), so a change of load hits both alike, and both the
/// wall time and the process CPU time of every run are kept. Prints the medians and their ratios.
/// Run: dotnet run -c Release --project bench/CxReports.Benchmarks -- --paired [rounds]
/// </summary>
public static class PairedRun
{
    public static void Run(TextWriter output, int rounds)
    {
        var data = ScaleDataset.Instance;
        var plans = EngineBenchmark.Plans.Create(data.Model).Verified(data);
        var executor = new QueryExecutor(data.Warehouse, TimeSpan.FromMinutes(5));
        var pairs = new (string Name, PlannedQuery Hand, PlannedQuery Engine)[]
        {
            ("NPS by month and channel, against epoch-offset SQL", plans.NpsEpoch, plans.NpsEngine),
            ("NPS by month and channel, against timezone() SQL", plans.NpsHand, plans.NpsEngine),
            ("first response by month, against epoch-offset SQL", plans.FirstResponseEpoch, plans.FirstResponseEngine),
            ("first response by month, against timezone() SQL", plans.FirstResponseHand, plans.FirstResponseEngine),
            ("churn by month", plans.ChurnHand, plans.ChurnEngine),
            ("cohort matrix (12 months)", plans.CohortHand, plans.CohortEngine),
            ("health score (at risk, top 25)", plans.HealthHand, plans.HealthEngine),
        };
        output.WriteLine($"// {rounds} rounds, hand-written and engine alternating; medians of wall and CPU time");
        output.WriteLine("| query | hand wall ms | engine wall ms | ratio wall | hand cpu ms | engine cpu ms | ratio cpu |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, hand, engine) in pairs)
        {
            Measure(executor, hand);
            Measure(executor, engine); // warm-up
            var handTimes = new List<(double Wall, double Cpu)>();
            var engineTimes = new List<(double Wall, double Cpu)>();
            for (var round = 0; round < rounds; round++)
            {
                if (round % 2 == 0)
                {
                    handTimes.Add(Measure(executor, hand));
                    engineTimes.Add(Measure(executor, engine));
                }
                else
                {
                    engineTimes.Add(Measure(executor, engine));
                    handTimes.Add(Measure(executor, hand));
                }
            }
            double hw = Median(handTimes.Select(t => t.Wall)), ew = Median(engineTimes.Select(t => t.Wall));
            double hc = Median(handTimes.Select(t => t.Cpu)), ec = Median(engineTimes.Select(t => t.Cpu));
            output.WriteLine($"| {name} | {hw:F0} | {ew:F0} | {ew / hw:F2} | {hc:F0} | {ec:F0} | {ec / hc:F2} |");
        }
    }

    private static (double Wall, double Cpu) Measure(QueryExecutor executor, PlannedQuery plan)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        executor.Execute(plan);
        var wall = watch.Elapsed.TotalMilliseconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalMilliseconds);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
