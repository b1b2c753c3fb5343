using CxReports.Engine.Reports;

namespace CxReports.Engine.Tests.Reports;

/// <summary>The period of a typed query, the same for <c>cxr query</c>, <c>cxr explain</c> and <c>/api/query</c>.</summary>
public sealed class AdHocQueryTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    [Fact]
    public void Without_dates_a_query_covers_the_12_whole_months_before_the_current_one()
    {
        var period = AdHocQuery.Period(null, null, Today);

        // March 2026 is the current month: March 2025 through February 2026.
        Assert.Equal((new DateOnly(2025, 3, 1), new DateOnly(2026, 2, 28)), (period.From, period.To));
    }

    [Fact]
    public void A_date_given_replaces_its_end_of_the_default_period_only()
    {
        var period = AdHocQuery.Period(new DateOnly(2025, 12, 1), null, Today);

        Assert.Equal((new DateOnly(2025, 12, 1), new DateOnly(2026, 2, 28)), (period.From, period.To));
    }

    [Fact]
    public void A_period_that_ends_before_it_starts_is_refused_naming_from()
    {
        var refused = Assert.Throws<ReportArgumentException>(() => AdHocQuery.Period(new DateOnly(2026, 3, 1), null, Today));

        Assert.Equal("from", refused.Parameter);
        Assert.Equal("the period ends (2026-02-28) before it starts (2026-03-01)", refused.Message);
    }
}
