using CxReports.Dsl.Model;
using CxReports.Engine.Alerts;
using CxReports.Engine.Execution;
using CxReports.Engine.Scheduling;
using CxReports.Rendering.Alerts;
using CxReports.Server.Delivery;
using CxReports.Server.Settings;

namespace CxReports.Server.Tests.Delivery;

/// <summary>
/// Which unfinished alert runs a command run inside a server may finish (<see cref="AlertRunner.Unfinished"/>) and
/// which it must leave to the run in flight (<see cref="AlertRunner.InFlight"/>): a run whose runner threw partway is
/// made by nobody any more, even in the process that started it, so a second runner there (as <c>cxr alert check</c>
/// forwarded to the server builds) finishes it with its keys instead of refusing the alert until the server restarts.
/// The numbers are <see cref="AlertFixture"/>'s: on March 1st phone's drop fires.
/// </summary>
public sealed class AbandonedAlertRunTests : IDisposable
{
    private const string Name = "phone_drop";
    private readonly HttpClient _http = new();
    private readonly List<IDisposable> _disposables = [];

    public void Dispose()
    {
        foreach (var disposable in Enumerable.Reverse(_disposables)) disposable.Dispose();
        _http.Dispose();
    }

    private AlertFixture Fixture(string webhookUrl) => Kept(new AlertFixture($$"""
        alert {{Name}} "Phone drop" {
          when nps by channel drops 5 points vs previous period
          min responses_n 30
          check "0 9 1 * *" timezone "UTC"
          notify webhook "{{webhookUrl}}"
        }
        """));

    private T Kept<T>(T disposable) where T : IDisposable
    {
        _disposables.Add(disposable);
        return disposable;
    }

    private static DeliveryOptions Options(TimeSpan timeout) => new() { WebhookSecret = "secret", WebhookTimeout = timeout };

    /// <summary>A runner like the fixture's whose message writer is <paramref name="messages"/>.</summary>
    private AlertRunner Runner(AlertFixture fixture, IAlertMessageWriter messages, TimeSpan timeout) => new(fixture.Log, fixture.States,
        (alert, slot) => new AlertEvaluator(fixture.Semantic, fixture.Warehouse, EvaluationLimits.Default, TimeSpan.FromSeconds(30)).Evaluate(alert, slot),
        messages, DeliveryChannels.Messages(Options(timeout), _http, fixture.Clock), fixture.Clock, new RetryPolicy(1, TimeSpan.Zero, TimeSpan.Zero));

    [Fact]
    public async Task A_run_whose_runner_threw_partway_is_finished_by_a_second_runner_of_the_process_with_its_keys()
    {
        var webhook = Kept(new WebhookReceiver());
        var fixture = Fixture(webhook.Url);
        var alert = fixture.Semantic.Alerts[Name];
        var failing = Runner(fixture, new ThrowingWriter(), TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.RunAsync(alert, AlertFixture.Slot(3), "manual", CancellationToken.None));

        var left = Assert.Single(fixture.Log.Unfinished(AlertRunner.RunName(Name)));
        Assert.True(RunGate.WasAbandoned(left.RunId));
        var command = fixture.Runner(Options(TimeSpan.FromSeconds(30)), _http);
        Assert.Empty(command.InFlight(Name));
        Assert.Equal(left.RunId, Assert.Single(command.Unfinished(Name)).RunId);

        var finished = await command.ResumeAsync(left, alert, CancellationToken.None);

        Assert.Equal(RunStatus.Delivered, finished!.Status);
        var sent = Assert.Single(webhook.Requests);
        Assert.Equal(Assert.Single(fixture.Log.DeliveriesOf(left.RunId), d => d.Status == DeliveryStatus.Delivered).IdempotencyKey, sent.IdempotencyKey);
        Assert.False(RunGate.WasAbandoned(left.RunId));
        Assert.Empty(command.Unfinished(Name));
        Assert.Empty(fixture.Log.Unfinished(AlertRunner.RunName(Name)));
    }

    [Fact]
    public async Task A_run_sending_now_is_in_flight_for_a_second_runner_of_the_process_not_unfinished()
    {
        var held = Kept(new HoldingWebhookReceiver(hold: 1));
        var fixture = Fixture(held.Url);
        var alert = fixture.Semantic.Alerts[Name];
        var server = Runner(fixture, new AlertMessageWriter(), TimeSpan.FromSeconds(3));

        var sending = server.RunAsync(alert, AlertFixture.Slot(3), "schedule", CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (held.Keys.Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Single(held.Keys);

        var command = fixture.Runner(Options(TimeSpan.FromSeconds(30)), _http);
        var inFlight = Assert.Single(command.InFlight(Name));
        Assert.Empty(command.Unfinished(Name));
        Assert.False(RunGate.WasAbandoned(inFlight.RunId));

        var outcome = await sending; // the held POST times out: the run ends, not in flight any more
        Assert.Equal(inFlight.RunId, outcome.RunId);
        Assert.Empty(command.InFlight(Name));
        Assert.Empty(command.Unfinished(Name));
    }

    /// <summary>A message writer with a bug: what a runner does not expect, so it throws out of the run.</summary>
    private sealed class ThrowingWriter : IAlertMessageWriter
    {
        public OutgoingMessage Write(AlertModel alert, AlertEvaluation evaluation, IReadOnlyList<AlertNotice> notices, AlertTargetModel target, string idempotencyKey) =>
            throw new InvalidOperationException("a bug writing the message");
    }
}
