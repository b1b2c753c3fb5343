namespace CxReports.Server.Tests.Cli;

/// <summary>
/// <c>cxr check</c> and <c>cxr fmt</c> on the files that used to overflow the stack (the process ended with exit
/// 134): each is now one diagnostic with its position and exit 1. They run on a thread with a thread-pool thread's
/// 1.5 MiB stack, less than a command's main thread has.
/// </summary>
public sealed class NestingLimitCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cxr-limits-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    public static TheoryData<string, string, string> AttackFiles() => new()
    {
        { "parentheses.cxr", "metric m = " + Repeat("(", 1100) + "1" + Repeat(")", 1100) + "\n", "parentheses.cxr:1:111: error CXR031" },
        { "calls.cxr", "metric m = " + Repeat("a(", 640) + Repeat(")", 640) + "\n", "calls.cxr:1:209: error CXR031" },
        { "sum.cxr", "metric m = 1" + Repeat("+1", 15_500) + "\n", "sum.cxr:1:212: error CXR031" },
        { "minus.cxr", "metric m = " + Repeat("- ", 5000) + "1\n", "minus.cxr:1:208: error CXR031" },
        { "not.cxr", "metric m = count(r) where " + Repeat("not ", 3000) + "r.x > 1\n", "not.cxr:1:419: error CXR031" },
    };

    [Theory]
    [MemberData(nameof(AttackFiles))]
    public void Check_reports_too_deep_nesting_at_its_position_and_exits_1(string file, string text, string headline)
    {
        File.WriteAllText(Path.Combine(_directory, file), text);

        var (exit, output, _) = OnThreadPoolSizedStack(() => CliRunner.Run(_directory, "check", file));

        Assert.Equal(1, exit);
        Assert.Contains(headline + ": expression nests more than 100 levels deep here", output);
    }

    [Theory]
    [MemberData(nameof(AttackFiles))]
    public void Fmt_leaves_a_too_deep_file_alone_and_exits_1(string file, string text, string headline)
    {
        _ = headline;
        File.WriteAllText(Path.Combine(_directory, file), text);

        var (exit, _, errors) = OnThreadPoolSizedStack(() => CliRunner.Run(_directory, "fmt", file));

        Assert.Equal(1, exit);
        Assert.Equal($"{file}: not formatted, it has syntax errors (run cxr check)\n", errors.ReplaceLineEndings("\n"));
        Assert.Equal(text, File.ReadAllText(Path.Combine(_directory, file)));
    }

    [Fact]
    public void Fmt_keeps_the_parentheses_of_a_comparison_of_comparisons()
    {
        File.WriteAllText(Path.Combine(_directory, "m.cxr"), "metric m = count(r) where (r.a >= 9) = (r.b >= 4)");

        Assert.Equal(0, CliRunner.Run(_directory, "fmt", "m.cxr").Exit);

        Assert.Equal("metric m = count(r) where (r.a >= 9) = (r.b >= 4)\n", File.ReadAllText(Path.Combine(_directory, "m.cxr")));
        Assert.Equal(0, CliRunner.Run(_directory, "fmt", "--check", "m.cxr").Exit);
    }

    [Fact]
    public void Check_reports_a_hashed_cron_as_CXR017_instead_of_throwing()
    {
        File.WriteAllText(Path.Combine(_directory, "r.cxr"), "report r {\n  schedule \"H 8 1 * *\" { folder \"cx\" }\n}\n");

        var (exit, output, _) = CliRunner.Run(_directory, "check", "r.cxr");

        Assert.Equal(1, exit);
        Assert.StartsWith("r.cxr:2:12: error CXR017: invalid cron expression \"H 8 1 * *\": 'H' (a hashed value) is not supported", output);
    }

    private static T OnThreadPoolSizedStack<T>(Func<T> step)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = step();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, 3 * 512 * 1024);
        thread.Start();
        thread.Join();
        return failure is null ? result : throw new InvalidOperationException("the command failed", failure);
    }
}
