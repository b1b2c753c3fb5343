using Carter;
using CxReports.Server.Evaluation;
using CxReports.Server.Settings;
using CxReports.Server.Problems;
using CxReports.Server.Security;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Modules;

/// <summary>Checks CXR text (the body) and answers with its diagnostics; 422 when it has errors. Changes nothing.</summary>
public sealed class CheckModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/check").WithTags("Check").RequiresScope(ApiScope.Read)
            .MapPost("", async (HttpContext http, string? file, CheckService checks, IOptions<CxrServerOptions> options, CancellationToken cancellation) =>
            {
                var text = await BodyText.Read(http.Request, options.Value.MaxCheckBytes, cancellation);
                if (text.Problem is { } tooLarge) return tooLarge.Send(http);
                var checkedText = await checks.Check(text.Value!, file, cancellation);
                return checkedText.Problem is { } problem ? problem.Send(http) : TypedResults.Ok(checkedText.Value);
            })
            .AcceptsOnly("file")
            .WithName("checkCxr")
            .WithSummary("Check CXR text")
            .WithDescription("The body is the text of a .cxr file. With ?file=NAME.cxr it stands in for that file of the served reports and is checked with them; without, it is checked alone.")
            .WithMetadata(new TextBody("text/plain"))
            .Produces<CheckResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>Endpoint metadata: the body is text of this media type (documented, not enforced: any content type is read as UTF-8).</summary>
public sealed record TextBody(string ContentType);

/// <summary>Reads a request body as UTF-8 text up to a limit, refusing larger bodies with 413 before reading them whole.</summary>
public static class BodyText
{
    public static async Task<Outcome<string>> Read(HttpRequest request, int limit, CancellationToken cancellation)
    {
        var tooLarge = ServerProblem.Of(StatusCodes.Status413PayloadTooLarge, "Request body too large",
            $"the body is larger than {limit} bytes (Cxr:MaxCheckBytes)");
        if (request.ContentLength > limit) return tooLarge;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > limit) return tooLarge;
            buffer.Write(chunk, 0, read);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
