using CxReports.Engine.Scheduling;
using CxReports.Dsl.Model;
using CxReports.Server.Delivery;
using CxReports.Server.Settings;

namespace CxReports.Server.Tests.Delivery;

public sealed class WebhookDeliveryTests : IDisposable
{
    private const string Secret = "test-secret-of-reasonable-length";
    private readonly DeliveryFixture _fixture = new();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        _fixture.Dispose();
    }

    private WebhookChannel Channel() => new(new DeliveryOptions { WebhookSecret = Secret }, _http, TimeProvider.System);

    [Fact]
    public async Task A_500_is_retried_and_the_receiver_accepts_exactly_one_signed_document()
    {
        using var receiver = new WebhookReceiver(500, 200);
        var outcome = await _fixture.Runner(Channel()).RunAsync(DeliveryFixture.Report(DeliveryKind.Webhook, receiver.Url, [DeliveryFormat.Json]), DeliveryFixture.Slot, "schedule", CancellationToken.None);

        Assert.Equal("delivered", outcome.Status.ToText());
        Assert.Equal([500, 200], receiver.Requests.Select(r => r.Answered));
        var accepted = receiver.Requests.Single(r => r.Answered == 200);
        Assert.True(WebhookSignature.Verify(Secret, long.Parse(accepted.Timestamp!), accepted.Body, accepted.Signature!));
        Assert.False(WebhookSignature.Verify("another-secret", long.Parse(accepted.Timestamp!), accepted.Body, accepted.Signature!));
        Assert.Contains("\"report\": \"cx_weekly\"", System.Text.Encoding.UTF8.GetString(accepted.Body));
        // Both attempts carry the same key, so a receiver that saw the first could drop the second.
        Assert.Single(receiver.Requests.Select(r => r.IdempotencyKey).Distinct());
        Assert.Equal(["sending", "retrying", "sending", "delivered"], outcome.Deliveries.Select(d => d.Status.ToText()));
    }

    [Fact]
    public async Task A_4xx_answer_is_not_retried()
    {
        using var receiver = new WebhookReceiver(404);
        var outcome = await _fixture.Runner(Channel()).RunAsync(DeliveryFixture.Report(DeliveryKind.Webhook, receiver.Url, [DeliveryFormat.Json]), DeliveryFixture.Slot, "schedule", CancellationToken.None);

        Assert.Equal("failed", outcome.Status.ToText());
        Assert.Single(receiver.Requests);
        Assert.Contains("answered 404", outcome.Deliveries.Last().Error);
    }

    [Fact]
    public async Task A_receiver_that_is_down_is_retried_to_the_limit_and_recorded_as_failed()
    {
        // Nothing listens on the port of a receiver that was stopped.
        string url;
        using (var gone = new WebhookReceiver()) url = gone.Url;
        var outcome = await _fixture.Runner(Channel(), attempts: 2).RunAsync(DeliveryFixture.Report(DeliveryKind.Webhook, url, [DeliveryFormat.Json]), DeliveryFixture.Slot, "schedule", CancellationToken.None);

        Assert.Equal("failed", outcome.Status.ToText());
        Assert.Equal(["sending", "retrying", "sending", "failed"], outcome.Deliveries.Select(d => d.Status.ToText()));
    }

    [Fact]
    public async Task A_slot_delivered_before_a_restart_is_not_posted_again()
    {
        using var receiver = new WebhookReceiver();
        var report = DeliveryFixture.Report(DeliveryKind.Webhook, receiver.Url, [DeliveryFormat.Json]);
        await _fixture.Runner(Channel()).RunAsync(report, DeliveryFixture.Slot, "schedule", CancellationToken.None);
        // A new runner stands for the restarted process; the run log is the same warehouse.
        var again = await _fixture.Runner(Channel()).RunAsync(report, DeliveryFixture.Slot, "schedule", CancellationToken.None);

        Assert.Single(receiver.Requests);
        Assert.Equal("already_delivered", again.Deliveries.Single().Status.ToText());
    }
}
