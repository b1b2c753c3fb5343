using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Dsl.Text;
using CxReports.Engine.Execution;
using CxReports.Engine.Loading;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Engine.Tests.Engines;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Tests.Reports;

/// <summary>A temporary data directory with CSV files, a model over them, loaded, and a report evaluated on a fixed day.</summary>
internal sealed class ReportFixture(TestEngine engine) : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cxr-report-").FullName;
    private IWarehouse? _warehouse;

    public SemanticModel Model { get; private set; } = null!;

    public ReportFixture File(string name, string text)
    {
        System.IO.File.WriteAllText(Path.Combine(_data, name), text);
        return this;
    }

    public ReportFixture Compile(string cxr)
    {
        var result = ModelBinder.Compile([new SourceFile("m.cxr", cxr)]);
        Assert.True(result.Model is not null, string.Join("\n", result.Diagnostics));
        Model = result.Model!;
        _warehouse = engine.Open(_data);
        var outcomes = new WarehouseLoader(_warehouse, TimeProvider.System).LoadAll(Model, force: true).ToList();
        Assert.All(outcomes, o => Assert.True(o.Status == LoadStatus.Loaded, string.Join("\n", o.Diagnostics)));
        return this;
    }

    public EvaluatedReport Evaluate(string report, DateOnly today, ReportRequest? request = null) =>
        new ReportEvaluator(Model, _warehouse!, new FixedTime(today), TimeSpan.FromSeconds(30))
            .Evaluate(Model.Reports[report], request ?? new ReportRequest());

    /// <summary>A typed query (<c>cxr query</c>, <c>/api/query</c>) over the dates given, in the zone asked for (null: the model's).</summary>
    public ResultTable Query(string text, DateOnly from, DateOnly to, string? timeZone = null)
    {
        var (query, diagnostics) = ModelBinder.BindQuery(Model, text);
        Assert.True(query is not null, string.Join("\n", diagnostics));
        return AdHocQuery.Run(Model, _warehouse!, query!, AdHocQuery.Period(from, to, to.AddDays(1)), timeZone, locale: null,
            EvaluationLimits.Default, TimeSpan.FromSeconds(30));
    }

    public static EvaluatedBlock Block(EvaluatedReport report, string id) =>
        report.Sections.SelectMany(s => s.Blocks).Single(b => b.Id == id);

    public void Dispose()
    {
        if (_warehouse is not null) engine.Release(_warehouse);
        Directory.Delete(_data, recursive: true);
    }

    private sealed class FixedTime(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }
}
