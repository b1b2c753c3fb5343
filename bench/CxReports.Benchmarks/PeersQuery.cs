using System.Diagnostics;
using System.Text.Json;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Text;
using CxReports.Engine.Execution;
using CxReports.Engine.Reports;
using CxReports.Engine.Warehouse;
using CxReports.Rendering.Json;

namespace CxReports.Benchmarks;

/// <summary>
/// CxReports in process for bench/peers/run.sh: the sample model compiled, the warehouse of a data directory opened
/// as <c>cxr query</c> opens it, then one query run as <c>cxr query</c> runs it (AdHocQuery, default limits). Prints
/// one JSON line: the rows, the query's own time (<c>engineMs</c>, what the peers report for theirs), the time of
/// each step before it, and the query's time when run a second time in the process (<c>againMs</c>: without the
/// JIT), so a slow whole process can be taken apart.
/// Run: dotnet bench/CxReports.Benchmarks/bin/Release/net10.0/CxReports.Benchmarks.dll peers DATA "nps by month, channel" FROM TO ZONE
/// </summary>
public static class PeersQuery
{
    public static void Run(TextWriter output, string dataDirectory, string text, DateOnly from, DateOnly to, string zone)
    {
        var root = ScaleDataset.RepositoryRoot();
        var watch = Stopwatch.StartNew();
        var model = ModelBinder.Compile(ReportFiles.Read([Path.Combine(root, "reports")], root)).Model
                    ?? throw new InvalidOperationException("the sample reports have errors: run cxr check");
        var (query, diagnostics) = ModelBinder.BindQuery(model, text);
        if (query is null) throw new InvalidOperationException(string.Join("\n", diagnostics));
        var compileMs = watch.Elapsed.TotalMilliseconds;

        watch.Restart();
        using var warehouse = Warehouses.Open(new WarehouseOptions(Path.GetFullPath(dataDirectory)));
        var openMs = watch.Elapsed.TotalMilliseconds;

        watch.Restart();
        var period = AdHocQuery.Period(from, to, DateOnly.FromDateTime(DateTime.UtcNow));
        var table = AdHocQuery.Run(model, warehouse, query, period, zone, null, EvaluationLimits.Default, TimeSpan.FromMinutes(5));
        var engineMs = watch.Elapsed.TotalMilliseconds;

        // The same query again in the same process: what the first run spent compiling our code (JIT) rather than querying.
        watch.Restart();
        AdHocQuery.Run(model, warehouse, query, period, zone, null, EvaluationLimits.Default, TimeSpan.FromMinutes(5));
        var againMs = watch.Elapsed.TotalMilliseconds;

        using var json = new Utf8JsonWriter(Console.OpenStandardOutput());
        json.WriteStartObject();
        json.WriteNumber("engineMs", engineMs);
        json.WriteNumber("compileMs", compileMs);
        json.WriteNumber("openMs", openMs);
        json.WriteNumber("againMs", againMs);
        json.WritePropertyName("rows");
        json.WriteStartArray();
        foreach (var row in table.Rows)
        {
            json.WriteStartArray();
            foreach (var value in row) ResultTableJson.WriteValue(json, value);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteLine();
    }
}
