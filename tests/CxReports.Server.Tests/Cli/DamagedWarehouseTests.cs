using System.Diagnostics;
using CxReports.Demo;

namespace CxReports.Server.Tests.Cli;

/// <summary>
/// A warehouse file cut short and a disk that fills up during <c>cxr load</c>: each command ends with one line that
/// names the file and says what to do, exit code 1, no stack trace; <c>cxr serve</c> too, before it listens.
/// </summary>
public sealed class DamagedWarehouseTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cxr-damaged-").FullName;
    private string Data => Path.Combine(_directory, "data");
    private string Warehouse => Path.Combine(Data, "cxreports.duckdb");
    private static string Reports => Path.Combine(CliRunner.RepositoryRoot(), "reports");

    public DamagedWarehouseTests() => DemoDataGenerator.Generate(new DemoOptions(Data, Customers: 200));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (int Exit, string Out, string Err) Cxr(params string[] args) =>
        CliRunner.Run(_directory, ["--reports", Reports, "--data", Data, .. args]);

    [Theory]
    [InlineData(100)]
    [InlineData(5000)]
    public void A_warehouse_cut_short_at_its_start_is_one_line_in_every_command(int length)
    {
        Assert.Equal(0, Cxr("load").Exit);
        using (var file = File.OpenWrite(Warehouse)) file.SetLength(length);

        foreach (var args in new[] { new[] { "query", "nps" }, ["load"], ["run", "advocacy"], ["serve", "--urls", "http://127.0.0.1:0"] })
        {
            var (exit, _, stderr) = Cxr(args);
            Assert.True(exit == 1, $"{args[0]}: exit {exit}: {stderr}");
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("cxr", StringComparison.Ordinal));
            Assert.Contains($"the warehouse file '{Warehouse}' is damaged (", line);
            Assert.EndsWith("); restore it from a backup, or move it aside and run cxr load to load every source anew (API keys and run history are kept in it and would need recreating)", line);
            Assert.DoesNotContain("   at ", stderr);
        }
    }

    [Fact]
    public void A_warehouse_cut_to_a_third_fails_the_load_in_one_line()
    {
        Assert.Equal(0, Cxr("load").Exit);
        using (var file = File.OpenWrite(Warehouse)) file.SetLength(file.Length / 3);

        var (exit, _, stderr) = Cxr("load");

        Assert.Equal(1, exit);
        Assert.Contains($"cxr load: the warehouse file '{Warehouse}' is damaged (", stderr);
        Assert.DoesNotContain("   at ", stderr);
        Assert.DoesNotContain("Unhandled", stderr);
    }

    [Fact]
    public void A_disk_that_fills_up_during_a_load_is_one_line_naming_the_warehouse()
    {
        // A real full disk: the data directory on a tmpfs with 64 KiB to spare after the demo files (in 4 KiB pages), where
        // the warehouse needs about 2.5 MB. Mounting needs root (CAP_SYS_ADMIN), which the test machine and CI have.
        var small = Directory.CreateDirectory(Path.Combine(_directory, "small")).FullName;
        var pages = Directory.EnumerateFiles(Data, "*", SearchOption.AllDirectories).Sum(f => (new FileInfo(f).Length + 4095) / 4096);
        Run("mount", "-t", "tmpfs", "-o", $"size={pages * 4 + 64}k", "tmpfs", small);
        try
        {
            foreach (var file in Directory.EnumerateFiles(Data, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(small, Path.GetRelativePath(Data, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var (exit, stdout, stderr) = CliRunner.Run(_directory, "--reports", Reports, "--data", small, "load");

            Assert.Equal(1, exit);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("cxr load:", StringComparison.Ordinal));
            Assert.StartsWith($"cxr load: the warehouse file '{Path.Combine(small, "cxreports.duckdb")}' could not be written: the disk is full (", line);
            Assert.Contains("No space left on device", line);
            Assert.EndsWith("); free space and run the command again (a source whose load did not finish keeps its previous table)", line);
            Assert.DoesNotContain("No space left", stdout); // not blamed on each source's file
            Assert.DoesNotContain("   at ", stderr);
        }
        finally
        {
            Run("umount", "-l", small);
        }
    }

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{start.FileName} {string.Join(' ', args)} failed (the full-disk test needs root to mount a small tmpfs): {error}");
    }
}
