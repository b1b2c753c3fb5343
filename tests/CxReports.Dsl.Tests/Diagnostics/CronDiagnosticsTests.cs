using CxReports.Dsl.Diagnostics;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>CXR017: every cron text the scheduler's parser (Cronos) refuses, in whatever way it refuses it.</summary>
public class CronDiagnosticsTests
{
    [Theory]
    [InlineData("H 8 1 * *")]
    [InlineData("0 H * * *")]
    [InlineData("H/15 * * * *")]
    [InlineData("0 0 H 8 1 * *")]
    [InlineData("60 8 * * *")]
    [InlineData("0 24 * * *")]
    [InlineData("0 8 32 * *")]
    [InlineData("0 8 0 * *")]
    [InlineData("0 8 * 13 *")]
    [InlineData("0 8 * * 8")]
    [InlineData("0 8 * * MON#6")]
    [InlineData("0 8 */0 * *")]
    [InlineData("0 8 LW-3 * *")]
    [InlineData("a b c d e")]
    [InlineData("0 8 30 2 *")]
    [InlineData("0 8 31 4,6,9,11 *")]
    [InlineData("")]
    public void A_cron_Cronos_refuses_is_CXR017_at_the_cron_string(string cron)
    {
        var text = $"report r {{\n  schedule \"{cron}\" {{ folder \"cx\" }}\n}}";
        var diagnostic = Cxr.Single(text);
        Assert.Equal(DiagnosticCode.InvalidCron, diagnostic.Code);
        Assert.Equal("x.cxr:2:12", diagnostic.Span.ToString());
        Assert.StartsWith($"invalid cron expression \"{cron}\": ", diagnostic.Message);
    }

    [Fact]
    public void The_hashed_H_form_says_it_is_not_supported()
    {
        var diagnostic = Cxr.Single("report r {\n  schedule \"H 8 1 * *\" { folder \"cx\" }\n}");
        Assert.Equal("invalid cron expression \"H 8 1 * *\": 'H' (a hashed value) is not supported; write the minute, hour or day as a number",
            diagnostic.Message);
    }

    [Fact]
    public void A_day_that_never_comes_says_so()
    {
        var diagnostic = Cxr.Single("report r {\n  schedule \"0 8 30 2 *\" { folder \"cx\" }\n}");
        Assert.Equal("invalid cron expression \"0 8 30 2 *\": it names a day that never comes (such as February 30th), so it would never run",
            diagnostic.Message);
    }

    [Theory]
    [InlineData("0 8 29 2 *")]
    [InlineData("0 8 L * *")]
    [InlineData("0 8 * * MON#5")]
    [InlineData("0 8 LW * *")]
    public void Rare_but_real_days_are_accepted(string cron)
    {
        Assert.Empty(Cxr.Compile($"report r {{\n  schedule \"{cron}\" {{ folder \"cx\" }}\n}}"));
    }
}
