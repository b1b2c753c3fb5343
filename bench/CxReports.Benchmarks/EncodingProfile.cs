using System.Diagnostics;
using System.Text;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Text;
using CxReports.Engine.Loading;
using CxReports.Engine.Warehouse;

namespace CxReports.Benchmarks;

/// <summary>
/// What a Turkish code page costs: the survey CSV with Turkish comments, written once as UTF-8 and once as
/// windows-1254 (cached in bench/.data), each loaded by the loader in turns (the windows-1254 one transcoded to UTF-8
/// first), and the transcoding timed alone; medians.
/// Run: dotnet run -c Release --project bench/CxReports.Benchmarks -- encoding --rows 2400000 [--repeats 3]
/// </summary>
public static class EncodingProfile
{
    private static readonly string[] Comments = ["Çok yavaş, ağır işliyor", "Fena değil", "İşçilik güzel, teslimat geç", "Şikâyetim yok", "Öneririm"];

    public static void Run(int rows, int repeats)
    {
        var (utf8, windows1254) = Files(rows);
        Console.WriteLine($"{rows:N0} rows, {new FileInfo(utf8).Length / 1e6:N0} MB as UTF-8, {new FileInfo(windows1254).Length / 1e6:N0} MB as windows-1254");
        var transcode = new List<double>();
        var plain = new List<double>();
        var transcoded = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var target = Path.Combine(Path.GetTempPath(), $"cxr-transcode-{Guid.NewGuid():N}.csv");
            var watch = Stopwatch.StartNew();
            new SingleByteTranscoder(CodePagesEncodingProvider.Instance.GetEncoding(1254)!).Transcode(windows1254, target);
            transcode.Add(watch.Elapsed.TotalSeconds);
            File.Delete(target);
            if (i % 2 == 0)
            {
                plain.Add(Load(utf8, "utf-8"));
                transcoded.Add(Load(windows1254, "windows-1254"));
            }
            else
            {
                transcoded.Add(Load(windows1254, "windows-1254"));
                plain.Add(Load(utf8, "utf-8"));
            }
            Console.WriteLine($"  transcoding alone {transcode[^1]:N2} s; load UTF-8 {plain[^1]:N2} s, load windows-1254 {transcoded[^1]:N2} s");
        }
        var megabytes = new FileInfo(windows1254).Length / 1e6;
        Console.WriteLine($"median of {repeats}: transcoding {Median(transcode):N2} s ({megabytes / Median(transcode):N0} MB/s), " +
                          $"load UTF-8 {Median(plain):N2} s, load windows-1254 {Median(transcoded):N2} s ({Median(transcoded) / Median(plain):N2}x)");
    }

    private static double Load(string csv, string encoding)
    {
        var source = SurveyCsv.Source(Path.GetFileName(csv)).Replace("key id: integer", $"options {{ encoding \"{encoding}\" }}\n  key id: integer");
        var model = ModelBinder.Compile([new SourceFile("bench.cxr", source)]).Model!;
        var scratch = LoadBenchmark.Scratch();
        try
        {
            using var warehouse = DuckDbWarehouse.Open(new WarehouseOptions(Path.GetDirectoryName(csv)!, Path.Combine(scratch, "cxreports.duckdb")));
            var watch = Stopwatch.StartNew();
            var outcome = new WarehouseLoader(warehouse, TimeProvider.System).LoadAll(model, force: true).Single();
            if (outcome.Status != LoadStatus.Loaded) throw new InvalidOperationException(string.Join("\n", outcome.Diagnostics.Take(5)));
            return watch.Elapsed.TotalSeconds;
        }
        finally { Directory.Delete(scratch, true); }
    }

    /// <summary>The survey CSV with its comments in Turkish, as UTF-8 and as windows-1254, cached.</summary>
    private static (string Utf8, string Windows1254) Files(int rows)
    {
        var directory = SurveyCsv.DataDirectory();
        var utf8 = Path.Combine(directory, $"responses-tr-{rows}.csv");
        var windows1254 = Path.Combine(directory, $"responses-tr-{rows}-1254.csv");
        if (File.Exists(utf8) && File.Exists(windows1254)) return (utf8, windows1254);
        var english = new[] { "Fast, friendly support", "Took too long to get an answer", "Great product, but the invoice was wrong", "The new dashboard is confusing", "Would recommend to a colleague" };
        using (var reader = new StreamReader(SurveyCsv.Ensure(rows)))
        using (var toUtf8 = new StreamWriter(utf8, false, new UTF8Encoding(false)))
        using (var to1254 = new StreamWriter(windows1254, false, CodePagesEncodingProvider.Instance.GetEncoding(1254)!))
        {
            while (reader.ReadLine() is { } line)
            {
                for (var i = 0; i < english.Length; i++) line = line.Replace(english[i], Comments[i]);
                toUtf8.Write(line + "\n");
                to1254.Write(line + "\n");
            }
        }
        return (utf8, windows1254);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
