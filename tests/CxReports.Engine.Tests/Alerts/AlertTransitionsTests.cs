using CxReports.Engine.Alerts;
using CxReports.Engine.Planning;
using CxReports.Engine.Statistics;

namespace CxReports.Engine.Tests.Alerts;

/// <summary>State, not spam: one notice when a segment starts firing, none while it fires, one when it is back to normal.</summary>
public class AlertTransitionsTests
{
    private static readonly ResolvedPeriod February = ResolvedPeriod.Of(new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28), new DateOnly(2025, 3, 2));
    private static readonly DateTimeOffset March = new(2025, 3, 2, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset April = new(2025, 4, 2, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset May = new(2025, 5, 2, 6, 0, 0, TimeSpan.Zero);

    private static AlertEvaluation Evaluation(params (string Segment, AlertOutcome Outcome, double Value)[] segments) =>
        new("nps_drop", February, null, [.. segments.Select(s => new AlertSegment([], s.Value, null, null, null, null, s.Outcome) { Name = s.Segment })]);

    private static Dictionary<string, AlertState> Stored(IEnumerable<AlertState> states) => states.ToDictionary(s => s.Segment);

    [Fact]
    public void A_segment_fires_once_stays_quiet_while_it_fires_and_says_when_it_is_back_to_normal()
    {
        var (first, fired) = AlertTransitions.Apply(new Dictionary<string, AlertState>(),
            Evaluation(("channel=phone", AlertOutcome.Fired, 10), ("channel=web", AlertOutcome.Quiet, 40)), March);
        Assert.Equal([("channel=phone", AlertNoticeKind.Fired)], fired.Select(n => (n.Segment.Name, n.Kind)));
        Assert.Equal([("channel=phone", true, March), ("channel=web", false, March)], first.Select(s => (s.Segment, s.Firing, s.Since)));

        var (second, repeated) = AlertTransitions.Apply(Stored(first), Evaluation(("channel=phone", AlertOutcome.Fired, 8), ("channel=web", AlertOutcome.Quiet, 41)), April);
        Assert.Empty(repeated);
        var phone = second.Single(s => s.Segment == "channel=phone");
        Assert.Equal((true, March, April, 8.0), (phone.Firing, phone.Since, phone.Evaluated, phone.Value));

        var (third, recovered) = AlertTransitions.Apply(Stored(second), Evaluation(("channel=phone", AlertOutcome.Quiet, 30), ("channel=web", AlertOutcome.Quiet, 42)), May);
        Assert.Equal([("channel=phone", AlertNoticeKind.BackToNormal)], recovered.Select(n => (n.Segment.Name, n.Kind)));
        Assert.Equal((false, May), (third.Single(s => s.Segment == "channel=phone").Firing, third.Single(s => s.Segment == "channel=phone").Since));
    }

    [Fact]
    public void A_judged_segment_s_state_keeps_the_numbers_it_was_judged_on()
    {
        var test = new ChangeSignificance(-40, 10.677078, 0.000179431, -60.93, -19.07, 0.95);
        var phone = new AlertSegment(["phone"], 10, 50, -40, 100, test, AlertOutcome.Fired) { Name = "channel=phone" };

        var (states, _) = AlertTransitions.Apply(new Dictionary<string, AlertState>(), new AlertEvaluation("nps_drop", February, null, [phone]), March);

        var state = Assert.Single(states);
        Assert.Equal((10.0, 50.0, -40.0, 0.000179431), (state.Value, state.Previous, state.Change, state.PValue));
    }

    [Theory]
    [InlineData(AlertOutcome.SuppressedByMinimum)]
    [InlineData(AlertOutcome.SuppressedBySignificance)]
    [InlineData(AlertOutcome.NoData)]
    public void A_segment_not_judged_keeps_its_state_and_tells_no_one(AlertOutcome outcome)
    {
        var firing = new AlertState("nps_drop", "channel=phone", true, March, March, 10);

        var (states, notices) = AlertTransitions.Apply(new Dictionary<string, AlertState> { ["channel=phone"] = firing },
            Evaluation(("channel=phone", outcome, 60)), April);

        Assert.Empty(states);
        Assert.Empty(notices);
    }
}
