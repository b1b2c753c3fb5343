using CxReports.Server.Security;

namespace CxReports.Server.Evaluation;

/// <summary>
/// What <see cref="ReportShortcuts"/> keeps of a report request the full pipeline answered from its document: where the
/// document lives (<see cref="Served"/>), the endpoint the router chose for the request, the scope that endpoint's
/// authorization asks of a key, and whether the response compression (which a shortcut answer passes by) would
/// compress the document's media type for a client that accepts it.
/// </summary>
public sealed record RememberedReport(CachedDocument Served, Endpoint Endpoint, ApiScope Scope, bool Compressible);
