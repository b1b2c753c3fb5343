using CxReports.Dsl.Model;
using CxReports.Engine.Reports;

namespace CxReports.Server.Evaluation;

/// <summary>A report as listed by <c>GET /api/reports</c>: what it is, what it accepts and when it is scheduled.</summary>
public sealed record ReportSummary(string Name, string Title, string? Description, IReadOnlyList<ParamSummary> Params, ScheduleSummary? Schedule)
{
    public static ReportSummary Of(ReportModel report, DateTimeOffset now) => new(report.Name, report.Title, report.Description,
        report.Params.Select(p => new ParamSummary(p.Name, p.Type.Describe(), p.Default is null ? null : ParamValues.Show(p.Default),
            p.Choices.Select(ParamValues.Show).ToArray())).ToArray(),
        report.Schedule is { } s ? ScheduleSummary.Of(s, now) : null);
}

/// <summary>A report parameter: name, type, default and allowed values (empty when any value of the type is allowed).</summary>
public sealed record ParamSummary(string Name, string Type, string? Default, IReadOnlyList<string> Choices);

/// <summary>A report's schedule: cron, its time zone, when it next fires, and the delivery channels.</summary>
public sealed record ScheduleSummary(string Cron, string TimeZone, DateTimeOffset? NextRun, IReadOnlyList<string> Deliveries)
{
    public static ScheduleSummary Of(ScheduleModel schedule, DateTimeOffset now)
    {
        return new ScheduleSummary(schedule.Cron, schedule.TimeZone.Id, schedule.Slots.GetNextOccurrence(now, schedule.TimeZone),
            schedule.Deliveries.Select(d => $"{d.Kind.ToString().ToLowerInvariant()}: {string.Join(", ", d.Targets.Select(CxReports.Engine.Scheduling.RedactedTarget.Of))} as {string.Join(", ", d.Formats.Select(f => f.Name()))}").ToArray());
    }
}
