using Carter;
using CxReports.Server.Evaluation;
using CxReports.Server.Settings;
using CxReports.Server.Problems;
using CxReports.Server.Security;
using CxReports.Server.Serving;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Modules;

/// <summary>Administration: reload the reports and changed sources now, and the serving status (model, data, refused changes).</summary>
public sealed class AdminModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api").WithTags("Admin");

        admin.MapPost("/reload", async (ModelReloader reloader, HttpContext http, CancellationToken cancellation) =>
            {
                var outcome = await reloader.Reload("POST /api/reload", cancellation);
                if (!outcome.Accepted)
                    return ServerProblem.Diagnostics("Reload refused",
                        $"{outcome.Refusal}; " + (outcome.State is { } serving ? $"still serving generation {serving.Generation}" : "no model is serving"),
                        outcome.Diagnostics).Send(http);
                return TypedResults.Ok(ReloadResult.From(outcome));
            })
            .RequiresScope(ApiScope.Admin)
            .AcceptsOnly()
            .WithName("reload")
            .WithMetadata(new ChangesState())
            .WithSummary("Reload reports and changed sources")
            .WithDescription("Re-reads the report files; when they are valid, loads every source whose files are new or changed and drops the cached results that depend on what changed.")
            .Produces<ReloadResult>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        admin.MapGet("/status", (ServingStore store, EvaluationLimiter evaluations, IOptions<CxrServerOptions> options) =>
                TypedResults.Ok(ServerStatus.From(store, evaluations, options.Value)))
            .RequiresScope(ApiScope.Read)
            .WithName("getStatus")
            .WithSummary("Serving status")
            .WithDescription("The model being served, the data version, each source's last load, and the last refused report change with its diagnostics.")
            .Produces<ServerStatus>();
    }
}

/// <summary>What a reload did.</summary>
public sealed record ReloadResult(long Generation, int Reports, string DataVersion, IReadOnlyList<SourceLoad> Sources, IReadOnlyList<string> Invalidated, IReadOnlyList<DiagnosticJson> Warnings)
{
    public static ReloadResult From(ReloadOutcome outcome) => new(outcome.State!.Generation, outcome.State.Model.Reports.Count, outcome.State.DataVersion,
        outcome.Loads.Select(l => new SourceLoad(l.Source, l.Status.ToString().ToLowerInvariant(), l.Rows, l.ErrorCount,
            l.Diagnostics.Select(d => d.Headline).Take(10).ToArray())).ToArray(),
        outcome.Invalidated, outcome.Diagnostics.Select(DiagnosticJson.From).ToArray());
}

/// <summary>One source in a reload: loaded, unchanged or failed, with rows and the first errors.</summary>
public sealed record SourceLoad(string Source, string Status, long Rows, long Errors, IReadOnlyList<string> FirstErrors);

/// <summary>
/// The server's serving status. Generation 0 (and no <c>since</c> or data version) means no model is serving: the
/// report files have had errors since start, listed in <c>lastRefusedChange</c>.
/// </summary>
public sealed record ServerStatus(
    long Generation,
    DateTimeOffset? Since,
    IReadOnlyList<string> Reports,
    IReadOnlyList<string> Files,
    string? DataVersion,
    IReadOnlyList<SourceStatus> Sources,
    RefusedChange? LastRefusedChange,
    long Evaluations,
    bool AuthEnabled)
{
    public static ServerStatus From(ServingStore store, EvaluationLimiter evaluations, CxrServerOptions options)
    {
        var state = store.Current;
        var failure = store.LastFailure;
        return new ServerStatus(state?.Generation ?? 0, state?.Since, state?.Model.Reports.Keys.Order(StringComparer.Ordinal).ToArray() ?? [],
            state?.Files.Select(f => f.Path).ToArray() ?? [], state?.DataVersion, state?.Sources ?? [],
            failure is null ? null : new RefusedChange(failure.At, failure.Trigger, failure.Message, failure.Diagnostics.Select(DiagnosticJson.From).ToArray()),
            evaluations.Admitted, options.Auth.Enabled);
    }
}

/// <summary>A report change that was refused; the previous model kept serving.</summary>
public sealed record RefusedChange(DateTimeOffset At, string Trigger, string Message, IReadOnlyList<DiagnosticJson> Diagnostics);
