using BenchmarkDotNet.Attributes;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Syntax.Parsing;
using CxReports.Dsl.Text;

namespace CxReports.Benchmarks;

/// <summary>
/// Parse and bind of a generated 2,000-line model: what `cxr check` and every hot reload of the server pay.
/// Run: dotnet run -c Release --project bench/CxReports.Benchmarks -- --filter '*ParseAndBind*'
/// </summary>
[MemoryDiagnoser]
public class ParseAndBindBenchmark
{
    private IReadOnlyList<SourceFile> _files = [];

    [Params(2000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _files = GeneratedModel.Create(Lines);
        var result = ModelBinder.Compile(_files);
        if (result.HasErrors) throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Take(5)));
    }

    [Benchmark(Baseline = true)]
    public int Parse() => _files.Sum(f => CxrParser.ParseFile(f).Value.Declarations.Length);

    [Benchmark]
    public int ParseAndBind() => ModelBinder.Compile(_files).Model!.Metrics.Count;
}
