using System.Globalization;
using System.Text;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Dsl.Text;
using CxReports.Engine.Loading;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Tests.Loading;

/// <summary>
/// A fresh data directory with its own warehouse for one test: write fixture files into it, load a CXR model,
/// query the tables. Deleted, warehouse and all, when the test ends. DuckDB unless another engine is given.
/// </summary>
public sealed class TempDataDirectory(Engines.TestEngine? engine = null) : IDisposable
{
    private readonly Engines.TestEngine _engine = engine ?? Engines.TestEngine.DuckDb;
    private IWarehouse? _warehouse;

    public string Root { get; } = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "cxr-load-" + Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>The warehouse of this directory (for DuckDB, <c>cxreports.duckdb</c> inside it), opened on first use.</summary>
    public IWarehouse Warehouse => _warehouse ??= _engine.Open(Root);

    /// <summary>Writes UTF-8 text (no byte order mark) exactly as given: line endings are the test's choice.</summary>
    public string Write(string relative, string text) => WriteBytes(relative, new UTF8Encoding(false).GetBytes(text));

    public string WriteBytes(string relative, byte[] bytes)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static SemanticModel Compile(string cxr)
    {
        var result = ModelBinder.Compile([new SourceFile("m.cxr", cxr)]);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Model!;
    }

    public List<LoadOutcome> LoadAll(string cxr, bool force = false) =>
        new WarehouseLoader(Warehouse, TimeProvider.System).LoadAll(Compile(cxr), force).ToList();

    /// <summary>Loads a model of one source and returns its outcome.</summary>
    public LoadOutcome Load(string cxr, bool force = false) => Assert.Single(LoadAll(cxr, force));

    /// <summary>Loads a model of one source and fails the test, showing every diagnostic, unless it loaded.</summary>
    public LoadOutcome LoadOk(string cxr)
    {
        var outcome = Load(cxr);
        Assert.True(outcome.Status == LoadStatus.Loaded, string.Join("\n", outcome.Diagnostics.Select(d => d.Headline)));
        return outcome;
    }

    /// <summary>Each row as its values joined by <c>|</c>: numbers invariant, dates <c>yyyy-MM-dd</c>, blanks <c>null</c>.</summary>
    public List<string> Rows(string sql) =>
        Warehouse.Query(sql, r => string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => Show(r.IsDBNull(i) ? null : r.GetValue(i)))));

    /// <summary>The headlines of a failed load: <c>file:line:col: error CXR1NN: message</c>.</summary>
    public static List<string> Headlines(LoadOutcome outcome)
    {
        Assert.Equal(LoadStatus.Failed, outcome.Status);
        return outcome.Diagnostics.Select(d => d.Headline).ToList();
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t when t.TimeOfDay == TimeSpan.Zero => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public void Dispose()
    {
        if (_warehouse is not null) _engine.Release(_warehouse);
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { } // a leftover temp directory must not fail the run
    }
}
