using Cronos;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Tree;

namespace CxReports.Dsl.Binding;

/// <summary>
/// The cron and zone of a report's <c>schedule</c> and an alert's <c>check</c>, checked the same way: an invalid cron is
/// CXR017, an unknown zone CXR018 with the closest zone. A refused value gets a placeholder (daily, UTC): the model is
/// not handed out with errors, and the checks that still run need no null tests.
/// </summary>
internal static class ScheduleTimes
{
    public static (CronExpression Slots, TimeZoneInfo Zone) Bind(BinderContext context, StringLiteral cron, StringLiteral? zone, TimeZoneInfo unwrittenZone)
    {
        var slots = Rules.ParseCron(cron.Value, out var problem);
        if (slots is null)
            context.Error(DiagnosticCode.InvalidCron, cron.Span, $"invalid cron expression \"{cron.Value}\": {problem}",
                "minute hour day-of-month month day-of-week, e.g. \"0 8 * * MON\" for Mondays at 08:00");
        if (zone is null) return (slots ?? CronExpression.Daily, unwrittenZone);
        var timeZone = Rules.FindTimeZone(zone.Value);
        if (timeZone is null)
            context.Error(DiagnosticCode.UnknownTimeZone, zone.Span, $"unknown time zone \"{zone.Value}\"",
                DidYouMean.Hint(zone.Value, Rules.TimeZoneIds) ?? "use an IANA zone such as \"Europe/Istanbul\"");
        return (slots ?? CronExpression.Daily, timeZone ?? TimeZoneInfo.Utc);
    }
}
