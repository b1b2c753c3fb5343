using CxReports.Demo;

namespace CxReports.Server.Tests.Cli;

/// <summary><c>cxr query --locale</c>: text values sort in that locale's alphabet; an unknown locale is a usage error.</summary>
public sealed class QueryLocaleTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cxr-cli-locale-").FullName;
    private readonly string _root = CliRunner.RepositoryRoot();

    public QueryLocaleTests() => DemoDataGenerator.Generate(new DemoOptions(_data, Customers: 300));

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private (int Exit, string Out, string Err) Cxr(params string[] args) =>
        CliRunner.Run(_root, [.. args, "--reports", Path.Combine(_root, "reports"), "--data", _data]);

    [Fact]
    public void Cities_sort_in_the_turkish_alphabet_under_tr_TR()
    {
        // The demo's cities in the Turkish alphabet (İ after I, so İstanbul and İzmir before Kayseri and Trabzon).
        string[] turkish = ["Ankara", "Antalya", "Bursa", "Eskişehir", "Gaziantep", "İstanbul", "İzmir", "Kayseri", "Kocaeli", "Konya", "Muğla", "Trabzon"];
        var result = Cxr("query", "new_customers by city", "--from", "2024-01-01", "--to", "2026-06-30", "--locale", "tr-TR", "--format", "csv");
        Assert.Equal(0, result.Exit);
        var cities = result.Out.TrimEnd('\n').Split('\n').Skip(1).Select(l => l.Split(',')[0]).Where(c => c.Length > 0).ToArray();
        Assert.Contains("İstanbul", cities);
        Assert.Equal(turkish.Where(cities.Contains), cities);
    }

    [Fact]
    public void An_unknown_locale_is_a_usage_error_naming_the_option()
    {
        var refused = Cxr("query", "nps", "--locale", "xx-YY");
        Assert.Equal(2, refused.Exit);
        Assert.Contains("unknown locale 'xx-YY' for --locale", refused.Err);
    }
}
