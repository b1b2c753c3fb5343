using CxReports.Server.Evaluation;
using CxReports.Server.Modules;

namespace CxReports.Server.Pages;

/// <summary>A report on the index page: what <c>GET /api/reports</c> says of it, and its last run from <c>GET /api/runs</c>.</summary>
public sealed record ReportEntry(ReportSummary Summary, RunRecord? LastRun);
