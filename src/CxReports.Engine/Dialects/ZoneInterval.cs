namespace CxReports.Engine.Dialects;

/// <summary>One offset of a zone from an instant on (microseconds since 1970-01-01T00:00Z) until the next interval's start.</summary>
public sealed record ZoneInterval(long StartMicroseconds, long OffsetMicroseconds);
