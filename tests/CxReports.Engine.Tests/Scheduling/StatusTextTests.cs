using CxReports.Engine.Scheduling;

namespace CxReports.Engine.Tests.Scheduling;

/// <summary>The words the run log stores (and /api/runs and cxr run show) for each status, as they have always been.</summary>
public class StatusTextTests
{
    [Fact]
    public void Run_statuses_are_stored_as_the_words_the_run_log_has_always_held()
    {
        Assert.Equal(["running", "evaluated", "skipped", "delivered", "partial", "failed"], Enum.GetValues<RunStatus>().Select(s => s.ToText()));
    }

    [Fact]
    public void Delivery_statuses_are_stored_in_snake_case_words()
    {
        Assert.Equal(["sending", "retrying", "delivered", "already_delivered", "in_doubt", "failed"], Enum.GetValues<DeliveryStatus>().Select(s => s.ToText()));
    }

    [Fact]
    public void A_stored_word_reads_back_as_its_status_and_an_unknown_word_is_a_bug_that_names_it()
    {
        Assert.Equal(DeliveryStatus.AlreadyDelivered, StatusText.Parse<DeliveryStatus>("already_delivered"));
        var e = Assert.Throws<InvalidOperationException>(() => StatusText.Parse<RunStatus>("Delivered"));
        Assert.Equal("the run log holds 'Delivered', which is no RunStatus", e.Message);
    }
}
