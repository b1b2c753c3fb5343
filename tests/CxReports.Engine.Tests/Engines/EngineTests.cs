using CxReports.Engine.Tests.Metrics;

namespace CxReports.Engine.Tests.Engines;

/// <summary>
/// Base of the test classes that run on every engine: a subclass per engine (<c>...OnDuckDb</c>, <c>...OnPostgres</c>)
/// passes its engine, and the cases load and query through it.
/// </summary>
public abstract class EngineTests(TestEngine engine)
{
    protected TestEngine Engine => engine;

    /// <summary>Loads the files into a new warehouse of this engine; a failed load fails the test.</summary>
    protected MetricWarehouse Load(string cxr, params (string Path, string Text)[] files) => MetricWarehouse.Load(engine, cxr, files);

    /// <summary>As <see cref="Load"/>, leaving failed loads for the test to inspect.</summary>
    protected MetricWarehouse TryLoad(string cxr, params (string Path, string Text)[] files) => MetricWarehouse.TryLoad(engine, cxr, files);
}
