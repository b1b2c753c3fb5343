using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests.Text;

/// <summary>The one rule every read and written path obeys, as written: relative, printable, no way up.</summary>
public sealed class PathPolicyTests
{
    [Theory]
    [InlineData("a\0b", "the path contains the control character U+0000; write printable names only")]
    [InlineData("a\u001fb", "the path contains the control character U+001F; write printable names only")]
    [InlineData("", "the path is empty")]
    [InlineData("D:report.pdf", "absolute paths are not allowed: write the path relative to the output root")]
    [InlineData("cx/./..", "'..' would leave the output root")]
    public void A_path_that_could_leave_its_root_or_name_nothing_says_why(string path, string why) =>
        Assert.Equal(why, PathPolicy.Problem(path, PathPolicy.OutputRoot));

    [Fact]
    public void A_path_longer_than_the_limit_is_refused_with_its_length()
    {
        var path = string.Join('/', Enumerable.Repeat("abcdefghi", 103));

        Assert.Equal("the path is 1029 characters long; at most 1024 are allowed", PathPolicy.Problem(path, PathPolicy.DataDirectory));
    }

    [Theory]
    [InlineData("cx")]
    [InlineData("cx/weekly/{report}_{period}")]
    [InlineData("a[b].csv")]
    [InlineData("..hidden/x")]
    public void A_relative_path_that_stays_inside_is_accepted(string path) =>
        Assert.Null(PathPolicy.Problem(path, PathPolicy.OutputRoot));
}
