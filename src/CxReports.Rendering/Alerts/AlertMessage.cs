using System.Globalization;
using CxReports.Dsl.Model;
using CxReports.Engine.Alerts;

namespace CxReports.Rendering.Alerts;

/// <summary>
/// What every channel says about one evaluation of an alert: a title, the periods compared, a line per segment that
/// fired or is back to normal (value, previous value, change, significance), and the minimum-sample note naming the
/// segments that were not judged, and the link to the alert on the server's pages when the server has a public address.
/// Each channel lays it out its own way (Slack, Teams, email, webhook JSON).
/// </summary>
public sealed record AlertMessage(string Title, string Periods, IReadOnlyList<AlertMessageLine> Lines, string? MinimumNote)
{
    /// <summary>The alert on the <c>/alerts</c> page of the server's public address; null without one.</summary>
    public string? Link { get; init; }

    /// <summary>Segments listed at most per message; the rest are counted (Slack takes 50 blocks, a Teams card 28 KB).</summary>
    public const int MaxLines = 20;

    /// <summary>
    /// The message of <paramref name="notices"/> from <paramref name="evaluation"/> of <paramref name="alert"/>, linking to
    /// the alert under <paramref name="publicUrl"/> (the server's address as its readers open it) when there is one.
    /// </summary>
    public static AlertMessage Of(AlertModel alert, AlertEvaluation evaluation, IReadOnlyList<AlertNotice> notices, string? publicUrl = null)
    {
        var fired = notices.Count(n => n.Kind == AlertNoticeKind.Fired);
        var recovered = notices.Count - fired;
        var title = $"{alert.Label}: " + (fired, recovered) switch
        {
            (> 0, 0) => $"{Segments(fired)} fired",
            (0, > 0) => $"{Segments(recovered)} back to normal",
            _ => $"{Segments(fired)} fired, {Segments(recovered)} back to normal",
        };
        var periods = Dates(evaluation.Period.From, evaluation.Period.To)
                      + (evaluation.Earlier is { } e ? " vs " + Dates(e.From, e.To) : "");
        var lines = notices.Select(n => Line(alert, n)).ToList();
        var unjudged = evaluation.Segments.Where(s => s.Outcome == AlertOutcome.SuppressedByMinimum).Select(s => Shown(s.Name)).ToArray();
        var note = alert.Minimum is { } minimum && unjudged.Length > 0
            ? $"Not judged, fewer than {minimum.Count} {minimum.Metric}: {string.Join(", ", unjudged.Take(MaxLines))}{(unjudged.Length > MaxLines ? $" and {unjudged.Length - MaxLines} more" : "")}"
            : null;
        return new AlertMessage(title, periods, lines, note)
        {
            Link = publicUrl is null ? null : $"{publicUrl.TrimEnd('/')}/alerts#alert-{Uri.EscapeDataString(alert.Name)}",
        };
    }

    /// <summary>The lines to list and how many are left out.</summary>
    public (IReadOnlyList<AlertMessageLine> Shown, int LeftOut) Listed => (Lines.Take(MaxLines).ToArray(), Math.Max(0, Lines.Count - MaxLines));

    private static AlertMessageLine Line(AlertModel alert, AlertNotice notice)
    {
        var s = notice.Segment;
        var relative = alert.Condition is ChangeCondition { Relative: true };
        var change = s.Change is { } c ? (relative ? c.ToString("+0.#%;-0.#%;0%", CultureInfo.InvariantCulture) : Number(c, signed: true)) : null;
        var significance = s.Significance is { } t
            ? $"p = {t.PValue.ToString("0.####", CultureInfo.InvariantCulture)}, {t.Level.ToString("0.##%", CultureInfo.InvariantCulture)} interval {Number(t.Low)} .. {Number(t.High)}"
            : null;
        return new AlertMessageLine(Shown(s.Name), notice.Kind, s.Value is { } v ? Number(v) : "–", s.Previous is { } p ? Number(p) : null, change, significance, s);
    }

    private static string Segments(int count) => count == 1 ? "1 segment" : $"{count} segments";

    private static string Shown(string segment) => segment.Length == 0 ? "all" : segment;

    private static string Dates(DateOnly from, DateOnly to) =>
        $"{from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} .. {to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static string Number(double value, bool signed = false) =>
        value.ToString(signed ? "+0.##;-0.##;0" : "0.##", CultureInfo.InvariantCulture);
}

/// <summary>
/// One segment of a message: its name, whether it fired or is back to normal, and its numbers as shown (value, previous
/// value and change in the metric's unit or in percent, the significance); the segment as evaluated for machine readers.
/// </summary>
public sealed record AlertMessageLine(string Segment, AlertNoticeKind Kind, string Value, string? Previous, string? Change, string? Significance, AlertSegment Evaluated)
{
    /// <summary>The line as text: <c>channel=phone: 10 (was 50, change -40; p = 0.0002, 95% interval -60.9 .. -19.1)</c>.</summary>
    public string Text => $"{Segment}{(Kind == AlertNoticeKind.BackToNormal ? " back to normal" : "")}: {Numbers}";

    /// <summary>The line without its segment: <c>back to normal: 20 (was 10, change +10)</c>, for a layout that names the segment apart.</summary>
    public string Detail => $"{(Kind == AlertNoticeKind.BackToNormal ? "back to normal: " : "")}{Numbers}";

    private string Numbers =>
        Value + (Previous is null ? "" : $" (was {Previous}{(Change is null ? "" : ", change " + Change)}{(Significance is null ? "" : "; " + Significance)})");
}
