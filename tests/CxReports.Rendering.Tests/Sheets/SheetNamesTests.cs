using CxReports.Rendering.Sheets;

namespace CxReports.Rendering.Tests.Sheets;

public sealed class SheetNamesTests
{
    [Theory]
    [InlineData("Churn [by] plan: 2025/26?*\\", "Churn by plan 2025 26")]
    [InlineData("'quoted'", "quoted")]
    [InlineData("History", "History (2)")]
    [InlineData("tab\there", "tab here")]
    [InlineData("   ", "fallback_id")]
    public void Names_keep_to_excels_rules(string title, string expected) =>
        Assert.Equal(expected, new SheetNames().Take(title, "fallback_id"));

    [Fact]
    public void Names_are_unique_ignoring_case()
    {
        var names = new SheetNames();

        Assert.Equal(["Churn", "churn (2)", "Churn (3)"], new[] { names.Take("Churn", "a"), names.Take("churn", "b"), names.Take("Churn", "c") });
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var title = new string('a', 30) + "😀";

        Assert.Equal(new string('a', 30), new SheetNames().Take(title, "x"));
    }
}
