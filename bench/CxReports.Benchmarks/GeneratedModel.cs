using System.Text;
using CxReports.Dsl.Text;

namespace CxReports.Benchmarks;

/// <summary>A synthetic model of a given size: sources with linked fields, metrics over them and reports using them.</summary>
public static class GeneratedModel
{
    /// <summary>About <paramref name="lines"/> lines of CXR spread over files of one source, its metrics and a report each.</summary>
    public static IReadOnlyList<SourceFile> Create(int lines)
    {
        var files = new List<SourceFile>
        {
            new("customers.cxr", """
                source customers from "customers.csv" {
                  key id
                  column plan
                  time signup: date
                }
                """),
        };
        var total = 5;
        for (var i = 0; total < lines; i++)
        {
            var text = new StringBuilder();
            text.AppendLine($"source s{i} from \"data/s{i}/*.csv\" {{");
            text.AppendLine($"  key id{i}");
            text.AppendLine("  link customer = customer_id -> customers");
            text.AppendLine("  time at: timestamp");
            text.AppendLine("  column channel required in (\"a\", \"b\", \"c\")");
            text.AppendLine("  column score: integer required range 0 .. 10");
            text.AppendLine("  column amount: decimal format \",\" default 0");
            text.AppendLine("}");
            for (var m = 0; m < 8; m++)
                text.AppendLine($"metric m{i}_{m} \"Metric {i}.{m}\" = nps(s{i}.score) + sum(s{i}.amount) / count(s{i}) where s{i}.channel in (\"a\", \"b\")");
            text.AppendLine($"metric r{i} = m{i}_0 / m{i}_1 - m{i}_2");
            text.AppendLine($"report report{i} \"Report {i}\" {{");
            text.AppendLine("  period last 12 months");
            text.AppendLine("  grain month");
            text.AppendLine("  section \"Main\" {");
            text.AppendLine($"    kpi m{i}_0, m{i}_1, r{i} compare previous period");
            text.AppendLine($"    chart line m{i}_2 by month, channel");
            text.AppendLine($"    table m{i}_3, m{i}_4 by customer.plan where score >= 9 top 10 by m{i}_3");
            text.AppendLine("  }");
            text.AppendLine("}");
            files.Add(new SourceFile($"s{i}.cxr", text.ToString()));
            total += 25;
        }
        return files;
    }
}
