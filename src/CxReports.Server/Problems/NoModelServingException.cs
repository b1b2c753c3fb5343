namespace CxReports.Server.Problems;

/// <summary>
/// A request needed the serving model, but none has been accepted yet: the report files had errors when the server
/// started and have not been fixed since. The server keeps running (and watching the files); such requests get 503.
/// </summary>
public sealed class NoModelServingException()
    : Exception("no valid model is serving yet: the report files had errors at start; see GET /api/status");
