using System.Globalization;
using System.Text.RegularExpressions;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Text;
using CxReports.Engine.Planning;

namespace CxReports.Benchmarks;

/// <summary>The statements EngineBenchmark times, as text with the parameters written in (for reading and EXPLAIN ANALYZE).</summary>
public static partial class EngineSql
{
    public static void Print(TextWriter output)
    {
        var root = ScaleDataset.RepositoryRoot();
        var files = ReportFiles.Read([Path.Combine(root, "reports"), Path.Combine(AppContext.BaseDirectory, "engine_bench.cxr")], root);
        var model = ModelBinder.Compile(files).Model ?? throw new InvalidOperationException("the sample model has errors: run cxr check");
        var plans = EngineBenchmark.Plans.Create(model);
        foreach (var (name, plan) in new[]
                 {
                     ("nps engine", plans.NpsEngine), ("nps hand", plans.NpsHand), ("nps epoch", plans.NpsEpoch),
                     ("first response engine", plans.FirstResponseEngine), ("first response hand", plans.FirstResponseHand),
                     ("first response epoch", plans.FirstResponseEpoch), ("churn engine", plans.ChurnEngine), ("churn hand", plans.ChurnHand),
                     ("cohort engine", plans.CohortEngine), ("cohort hand", plans.CohortHand), ("health engine", plans.HealthEngine), ("health hand", plans.HealthHand),
                 })
            output.WriteLine($"-- {name}\n{Inline(plan)};\n");
    }

    /// <summary>$n replaced by the n-th value as a SQL literal (highest first, so $1 does not eat $10).</summary>
    public static string Inline(PlannedQuery plan) => Placeholder().Replace(plan.Sql, m =>
    {
        var value = plan.Parameters[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - 1];
        return value switch
        {
            null => "NULL",
            DateOnly d => $"DATE '{d:yyyy-MM-dd}'",
            string s => $"'{s.Replace("'", "''")}'",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString()!,
        };
    });

    [GeneratedRegex(@"\$(\d+)")]
    private static partial Regex Placeholder();
}
