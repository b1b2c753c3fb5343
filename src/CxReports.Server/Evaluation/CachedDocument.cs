using CxReports.Server.Serving;

namespace CxReports.Server.Evaluation;

/// <summary>
/// Where a report document served for a request lives in the <see cref="ResultCache"/> (<see cref="CacheId"/>), and what
/// its cache key was worked out from besides the request: the serving state (model, report and data versions), by its
/// <see cref="ServingState.Generation"/> (a number, so that a remembered request never keeps an old model alive), and the
/// UTC day the planner's default period was resolved on. With its file name and report, everything the response needs.
/// </summary>
public sealed record CachedDocument(long Generation, DateOnly Day, string CacheId, string? FileName, string Report);
