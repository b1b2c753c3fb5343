using System.Globalization;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Dsl.Text;
using CxReports.Engine.Dialects;
using CxReports.Engine.Execution;
using CxReports.Engine.Loading;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Engine.Tests.Engines;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Tests.Metrics;

/// <summary>
/// A small warehouse for metric tests: writes CSV fixtures to a temp directory, compiles a model, loads it and
/// runs queries end to end (bind, plan, execute), so each test states only its data, its query and the value
/// worked out by hand.
/// </summary>
public sealed class MetricWarehouse : IDisposable
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly string _directory;
    private readonly TestEngine _engine;
    private readonly IWarehouse _warehouse;

    private MetricWarehouse(string directory, TestEngine engine, SemanticModel model, IWarehouse warehouse, IReadOnlyList<LoadOutcome> outcomes)
    {
        _directory = directory;
        _engine = engine;
        Model = model;
        _warehouse = warehouse;
        Outcomes = outcomes;
    }

    public SemanticModel Model { get; }

    /// <summary>The loaded warehouse, for tests of what runs queries of its own (alerts).</summary>
    public IWarehouse Warehouse => _warehouse;

    /// <summary>The SQL dialect of the engine the warehouse runs on.</summary>
    public ISqlDialect Dialect => _warehouse.Dialect;

    public IReadOnlyList<LoadOutcome> Outcomes { get; }

    /// <summary>Writes the files (relative path, text), compiles <paramref name="cxr"/> and loads every source; a failed load fails the test.</summary>
    public static MetricWarehouse Load(TestEngine engine, string cxr, params (string Path, string Text)[] files) => Open(engine, cxr, files, requireLoaded: true);

    /// <summary>As <see cref="Load"/>, but leaves failed loads in <see cref="Outcomes"/> for the test to inspect.</summary>
    public static MetricWarehouse TryLoad(TestEngine engine, string cxr, params (string Path, string Text)[] files) => Open(engine, cxr, files, requireLoaded: false);

    private static MetricWarehouse Open(TestEngine engine, string cxr, (string Path, string Text)[] files, bool requireLoaded)
    {
        string directory = Path.Combine(Path.GetTempPath(), "cxr-metrics-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        foreach ((string path, string text) in files)
        {
            string full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        BindResult bound = ModelBinder.Compile([new SourceFile("m.cxr", cxr)]);
        if (bound.Model is null)
            throw new InvalidOperationException("model does not compile:\n" + string.Join("\n", bound.Diagnostics));
        IWarehouse warehouse = engine.Open(directory);
        List<LoadOutcome> outcomes = new WarehouseLoader(warehouse, TimeProvider.System).LoadAll(bound.Model, force: true).ToList();
        MetricWarehouse result = new(directory, engine, bound.Model, warehouse, outcomes);
        LoadOutcome? failed = outcomes.FirstOrDefault(o => o.Status == LoadStatus.Failed);
        if (requireLoaded && failed is not null)
        {
            result.Dispose();
            throw new InvalidOperationException($"source '{failed.Source}' did not load:\n" + string.Join("\n", failed.Diagnostics));
        }
        return result;
    }

    /// <summary>The pre-aggregates of the data as loaded now (what a report evaluation may read): revenue rollups by source, month totals by source + ":months", lifecycle rollups by source + ":ended".</summary>
    public IReadOnlyDictionary<string, string> Rollups => RollupTables.Current(Model, _warehouse);

    /// <summary>Whether a table of that name is in the warehouse.</summary>
    public bool HasTable(string name) => _warehouse.TableExists(name);

    /// <summary>Rewrites a file and loads what changed, as <c>cxr load --allow-shrink</c> does.</summary>
    public void Reload(string path, string text)
    {
        File.WriteAllText(Path.Combine(_directory, path), text);
        foreach (LoadOutcome outcome in new WarehouseLoader(_warehouse, TimeProvider.System).LoadAll(Model, force: false, allowShrink: true))
            if (outcome.Status == LoadStatus.Failed) throw new InvalidOperationException($"source '{outcome.Source}' did not reload");
    }

    /// <summary>
    /// Plans a query over the inclusive period <paramref name="from"/> .. <paramref name="to"/> (as-of date: <paramref name="today"/> or the period end),
    /// reading the pre-aggregates when <paramref name="rollups"/> is set (the revenue month totals among them unless
    /// <paramref name="totals"/> is false).
    /// </summary>
    public PlannedQuery Plan(string query, string from, string to, string timeZone = "UTC", string? today = null, string locale = "en-US", bool rollups = false,
        bool totals = true)
    {
        (BoundQuery? bound, IReadOnlyList<Dsl.Diagnostics.Diagnostic> diagnostics) = ModelBinder.BindQuery(Model, query);
        if (bound is null)
            throw new InvalidOperationException($"query '{query}' does not bind:\n" + string.Join("\n", diagnostics));
        DateOnly end = Day(to);
        PlanContext context = new(Model, _warehouse.Dialect, ResolvedPeriod.Of(Day(from), end, today is null ? end : Day(today)),
            timeZone, new Dictionary<string, object?>(), []) { Locale = locale, Rollups = !rollups ? new Dictionary<string, string>()
                : totals ? Rollups : Rollups.Where(r => !r.Key.EndsWith(":months", StringComparison.Ordinal)).ToDictionary() };
        return new QueryPlanner(context).Plan(bound);
    }

    /// <summary>Runs a query; the SQL is in the message when the engine rejects it.</summary>
    public ResultTable Query(string query, string from, string to, string timeZone = "UTC", string? today = null, string locale = "en-US", bool rollups = false) =>
        Execute(Plan(query, from, to, timeZone, today, locale, rollups), query);

    /// <summary>Runs a statement written by the test (or planned); the SQL is in the message when the engine rejects it.</summary>
    public ResultTable Execute(PlannedQuery plan, string query)
    {
        try
        {
            return new QueryExecutor(_warehouse, TimeSpan.FromSeconds(30)).Execute(plan);
        }
        catch (System.Data.Common.DbException e)
        {
            throw new InvalidOperationException($"{e.Message}\n--- SQL of '{query}':\n{plan.Sql}", e);
        }
    }

    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", Inv);

    /// <summary>A CSV file's text from its lines (the first is the header).</summary>
    public static string Csv(params string[] lines) => string.Join("\n", lines) + "\n";

    public void Dispose()
    {
        _engine.Release(_warehouse);
        try { Directory.Delete(_directory, recursive: true); }
        catch (IOException) { } // a leftover temp directory must not fail the run
    }
}

/// <summary>Reading results by row keys: the leading dimension values (dates as <c>yyyy-MM-dd</c> text, null for a null group).</summary>
public static class ResultReading
{
    /// <summary>The key of the group whose dimension value is null (a bare <c>null</c> would be the whole key array).</summary>
    public static readonly object? NullGroup = null;

    /// <summary>The row whose leading columns equal <paramref name="keys"/>; exactly one must match.</summary>
    public static object?[] Row(this ResultTable table, params object?[] keys)
    {
        List<object?[]> matches = table.Rows.Where(r => keys.Select((k, i) => Same(r[i], k)).All(x => x)).ToList();
        Assert.True(matches.Count == 1, $"{matches.Count} rows match ({string.Join(", ", keys)}); rows:\n{Dump(table)}");
        return matches[0];
    }

    /// <summary>A number of the row with these keys (null when undefined).</summary>
    public static double? Number(this ResultTable table, string column, params object?[] keys) =>
        table.Row(keys)[table.IndexOf(column)] switch
        {
            null => null,
            double d => d,
            long l => l,
            var other => throw new InvalidOperationException($"'{column}' holds {other.GetType().Name} '{other}', not a number"),
        };

    /// <summary>A count of the row with these keys: an integer column, never null.</summary>
    public static long Count(this ResultTable table, string column, params object?[] keys) =>
        Assert.IsType<long>(table.Row(keys)[table.IndexOf(column)]);

    /// <summary>The same rows (in any order) with the same values, numbers to 9 digits.</summary>
    public static void AssertSameRows(ResultTable expected, ResultTable actual)
    {
        Assert.True(expected.Rows.Count > 0);
        Assert.Equal(expected.Rows.Count, actual.Rows.Count);
        var order = Comparer<object?[]>.Create((a, b) => string.CompareOrdinal(Key(a), Key(b)));
        foreach (var (e, a) in expected.Rows.Order(order).Zip(actual.Rows.Order(order)))
            for (var i = 0; i < e.Length; i++)
                if (e[i] is double x) Assert.Equal(x, Assert.IsType<double>(a[i]), 9);
                else Assert.Equal(e[i], a[i]);
        // Rows in the same order on both sides: by their dimension values (the values that are not numbers).
        static string Key(object?[] row) => string.Join("|", row.Where(v => v is not (double or long)).Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "null"));
    }

    /// <summary>The only row's number (ungrouped queries).</summary>
    public static double? Single(this ResultTable table, string column)
    {
        Assert.Single(table.Rows);
        return table.Number(column);
    }

    public static string Dump(ResultTable table) =>
        string.Join(" | ", table.Columns.Select(c => c.Name)) + "\n" +
        string.Join("\n", table.Rows.Select(r => string.Join(" | ", r.Select(v => v switch
        {
            null => "null",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => v.ToString(),
        }))));

    private static bool Same(object? value, object? key) => (value, key) switch
    {
        (null, null) => true,
        (DateOnly d, string s) => d == MetricWarehouse.Day(s),
        (long l, int i) => l == i,
        _ => Equals(value, key),
    };
}
