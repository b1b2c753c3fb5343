using System.Diagnostics;
using CxReports.Demo;
using CxReports.Server.Tests.Cli;

namespace CxReports.Server.Tests.Settings;

/// <summary>
/// The command line reads its settings from the environment the way the server does: the documented <c>CXR_*</c>
/// delivery variables, and over them the <c>Delivery</c> section (<c>Delivery__OutputRoot</c>). Run as a real child
/// process, since environment variables belong to the whole process and other tests run beside these.
/// </summary>
public sealed class EnvironmentSettingsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cxr-env-").FullName;

    public EnvironmentSettingsTests()
    {
        var reports = Path.Combine(_root, "reports");
        Directory.CreateDirectory(Path.Combine(reports, "model"));
        foreach (var file in Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot(), "reports", "model")))
            File.Copy(file, Path.Combine(reports, "model", Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(reports, "filed.cxr"), """
            report filed "Filed" {
              period previous 12 months
              schedule "0 0 1 1 *" {
                folder "cx" as json
              }
              section "S" {
                kpi nps
              }
            }
            """);
        DemoDataGenerator.Generate(new DemoOptions(Path.Combine(_root, "data"), Customers: 200));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Cxr_run_delivers_under_the_output_root_CXR_OUTPUT_ROOT_names()
    {
        var (exit, stderr) = RunAndDeliver(new() { ["CXR_OUTPUT_ROOT"] = Path.Combine(_root, "from-cxr") });

        Assert.True(exit == 0, stderr);
        Assert.Single(Directory.GetFiles(Path.Combine(_root, "from-cxr", "cx"), "filed_*.json"));
    }

    [Fact]
    public void Cxr_run_reads_the_Delivery_section_from_the_environment_over_the_CXR_variables_as_the_server_does()
    {
        var (exit, stderr) = RunAndDeliver(new()
        {
            ["CXR_OUTPUT_ROOT"] = Path.Combine(_root, "from-cxr"),
            ["Delivery__OutputRoot"] = Path.Combine(_root, "from-section"),
        });

        Assert.True(exit == 0, stderr);
        Assert.Single(Directory.GetFiles(Path.Combine(_root, "from-section", "cx"), "filed_*.json"));
        Assert.False(Directory.Exists(Path.Combine(_root, "from-cxr")));
    }

    [Fact]
    public void A_delivery_setting_that_does_not_read_as_its_type_is_named_before_anything_runs_or_is_written()
    {
        var (exit, stderr) = RunAndDeliver(new()
        {
            ["CXR_OUTPUT_ROOT"] = Path.Combine(_root, "from-cxr"),
            ["CXR_SMTP_PORT"] = "abc",
            ["Delivery__SmtpSecurity"] = "bogus",
        });

        Assert.Equal(2, exit);
        Assert.Contains("CXR_SMTP_PORT must be a whole number", stderr);
        Assert.Contains("Delivery:SmtpSecurity must be one of None, StartTls, SslOnConnect (got 'bogus')", stderr);
        Assert.DoesNotContain("   at ", stderr); // one line each, no stack trace
        Assert.False(Directory.Exists(Path.Combine(_root, "from-cxr")));
    }

    private (int Exit, string Stderr) RunAndDeliver(Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "cxr.dll"), "run", "filed", "--reports", "reports", "--data", "data", "--deliver"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _root,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet cxr.dll run");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            throw new TimeoutException("cxr run did not finish in two minutes");
        }
        return (process.ExitCode, stderr.Result + stdout.Result[..Math.Min(200, stdout.Result.Length)]);
    }
}
