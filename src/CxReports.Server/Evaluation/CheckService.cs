using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Text;
using CxReports.Server.Requests;
using CxReports.Server.Settings;
using CxReports.Server.Problems;
using CxReports.Server.Serving;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Evaluation;

/// <summary>
/// The result of checking CXR text: how many errors and warnings, and the first diagnostics (at most
/// <see cref="CxrServerOptions.MaxDiagnostics"/>; <see cref="Total"/> counts them all).
/// </summary>
public sealed record CheckResult(int Errors, int Warnings, int Total, IReadOnlyList<DiagnosticJson> Diagnostics);

/// <summary>
/// Checks CXR text without changing anything. Given a file name (<c>advocacy.cxr</c>, <c>model/metrics.cxr</c>), the
/// text stands in for that file among the files being served, so it is checked in context; without one, alone.
/// At most <see cref="CxrServerOptions.MaxConcurrentChecks"/> checks run at once, with a bounded queue behind them
/// (then 503): each is CPU and memory in proportion to its text, and answers list at most the first
/// <see cref="CxrServerOptions.MaxDiagnostics"/> diagnostics, so a body full of mistakes cannot make a huge answer.
/// </summary>
public sealed partial class CheckService(ServingStore store, IOptions<CxrServerOptions> options) : IDisposable
{
    [GeneratedRegex(@"^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}/){0,8}[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}\.cxr$")]
    private static partial Regex RelativeCxrPath();

    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.MaxConcurrentChecks,
        QueueLimit = options.Value.CheckQueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public async Task<Outcome<CheckResult>> Check(string text, string? file, CancellationToken cancellation)
    {
        IReadOnlyList<SourceFile> files;
        if (file is null)
        {
            files = [new SourceFile("request.cxr", text)];
        }
        else
        {
            if (!RelativeCxrPath().IsMatch(file) || file.Split('/').Any(s => s is "." or ".."))
                return ServerProblem.BadParameter("file", $"'{RequestReader.Shorten(file)}' is not a .cxr path inside the reports directory (e.g. advocacy.cxr or model/metrics.cxr)");
            files = [.. store.State.Files.Where(f => f.Path.Replace('\\', '/') != file), new SourceFile(file, text)];
        }

        using var lease = await _limiter.AcquireAsync(1, cancellation);
        if (!lease.IsAcquired)
            return ServerProblem.Busy("the server is checking as many texts as it allows (Cxr:MaxConcurrentChecks + Cxr:CheckQueueLimit); retry shortly");
        var diagnostics = ModelBinder.Compile(files).Diagnostics;
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var limit = options.Value.MaxDiagnostics;
        var shown = diagnostics.Take(limit).Select(DiagnosticJson.From).ToArray();
        var listed = diagnostics.Count <= limit ? "each diagnostic gives" : $"the first {limit} of {diagnostics.Count} diagnostics (Cxr:MaxDiagnostics) are listed, each with";
        if (errors > 0)
            return ServerProblem.Of(StatusCodes.Status422UnprocessableEntity, "The CXR text has errors",
                $"{errors} error(s); {listed} file, line and column", ("errors", errors), ("total", diagnostics.Count), ("diagnostics", shown));
        return new CheckResult(0, diagnostics.Count, diagnostics.Count, shown);
    }

    public void Dispose() => _limiter.Dispose();
}
