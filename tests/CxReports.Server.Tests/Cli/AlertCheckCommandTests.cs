using CxReports.Demo;

namespace CxReports.Server.Tests.Cli;

/// <summary>
/// <c>cxr alert check</c> over the demo data and the sample alerts of reports/alerts.cxr: the programme's story (NPS up
/// from July 2025, churn under 2.5% from August) is what fires.
/// </summary>
public sealed class AlertCheckCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("cxr-cli-alert-").FullName;
    private readonly string _root = CliRunner.RepositoryRoot();

    public AlertCheckCommandTests() => DemoDataGenerator.Generate(new DemoOptions(_data));

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private (int Exit, string Out, string Err) Cxr(params string[] args) =>
        CliRunner.Run(_root, [.. args, "--reports", Path.Combine(_root, "reports"), "--data", _data]);

    private static string[] Lines(string output, string alert) =>
        output.Split('\n').SkipWhile(l => !l.StartsWith(alert + " ", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void In_the_programme_s_first_month_churn_is_still_high_and_email_s_nps_rise_is_significant()
    {
        var (exit, output, errors) = Cxr("alert", "check", "--at", "2025-08-02");

        Assert.True(exit == 0, errors);
        Assert.Contains("nps_rise \"NPS yükseldi\": 2025-07-01 .. 2025-07-31 vs 2025-06-01 .. 2025-06-30", output);
        var rise = Lines(output, "nps_rise");
        Assert.Equal(["channel=email"], rise.Where(l => l.Contains("FIRED")).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));
        Assert.Contains(rise, l => l.Contains("too few (min)") && l.Contains("channel=webinar"));
        Assert.Contains(rise, l => l.Contains("not significant") && l.Contains("channel=chat"));
        // A change needs the minimum in both months: a segment held back by June alone shows June's count beside July's.
        var heldByJune = rise.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^  too few \(min\) +(\S+) .* responses_n (\d+) \(previous (\d+)\)$"))
            .Where(m => m.Success && int.Parse(m.Groups[2].Value) >= 30).ToArray();
        Assert.NotEmpty(heldByJune);
        Assert.All(heldByJune, m => Assert.True(int.Parse(m.Groups[3].Value) < 30, m.Value));
        Assert.Contains("FIRED", Assert.Single(Lines(output, "churn_high")));
        Assert.DoesNotContain(Lines(output, "nps_drop"), l => l.Contains("FIRED"));
    }

    [Fact]
    public void Once_the_programme_runs_fully_churn_is_under_the_line()
    {
        var (exit, output, errors) = Cxr("alert", "check", "churn_high", "--at", "2025-09-02");

        Assert.True(exit == 0, errors);
        Assert.StartsWith("churn_high \"Aylık kayıp oranı yüksek\": 2025-08-01 .. 2025-08-31", output);
        Assert.StartsWith("  quiet", Assert.Single(Lines(output, "churn_high")));
        Assert.DoesNotContain("nps_rise", output);
    }

    [Fact]
    public void After_the_demo_data_ends_there_is_no_data_to_judge_not_a_churn_of_0()
    {
        // The demo ends before 2030: December 2029 has no answers (no segment at all) and churn there is unknown.
        var (exit, output, errors) = Cxr("alert", "check", "--at", "2030-01-02");

        Assert.True(exit == 0, errors);
        Assert.Equal(["  no data in this period: no segment to judge"], Lines(output, "nps_drop"));
        Assert.StartsWith("  no data                  (all)  value -  previous -", Assert.Single(Lines(output, "churn_high")));
    }

    [Fact]
    public void An_unknown_alert_or_day_is_a_usage_error_naming_it()
    {
        var unknown = Cxr("alert", "check", "nps_rse");
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("cxr alert check: unknown alert 'nps_rse': did you mean 'nps_rise'?", unknown.Err);

        var hostile = Cxr("alert", "check", "nps\u0001" + new string('x', 5000));
        Assert.Equal(2, hostile.Exit);
        Assert.Contains("unknown alert 'nps\\u0001xxx", hostile.Err);
        Assert.True(hostile.Err.Length < 300, hostile.Err);

        var badDay = Cxr("alert", "check", "--at", "2025-02-30");
        Assert.Equal(2, badDay.Exit);
        Assert.Contains("--at", badDay.Err);
    }
}
