namespace CxReports.Demo;

/// <summary>
/// A survey score that follows the 0-10 answer: round(intercept + per-point * answer + programme * effect + noise),
/// clamped to [Min, Max]; left blank by <see cref="BlankShare"/> of the respondents.
/// </summary>
internal sealed record AnswerScale(int Min, int Max, double Intercept, double PerPoint, double Programme, double NoiseSd, double BlankShare);
