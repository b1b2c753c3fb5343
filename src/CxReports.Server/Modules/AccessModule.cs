using Carter;
using CxReports.Server.Evaluation;
using CxReports.Server.Security;
using CxReports.Server.Settings;
using Microsoft.Extensions.Options;

namespace CxReports.Server.Modules;

/// <summary>Browser access: signing in to the pages with an API key and out again, and share links (minting and opening).</summary>
public sealed class AccessModule : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet(PageSessions.SignInPath, (string? @return, HttpContext http, PageSignIn signIn) => signIn.Form(http, @return))
            .AllowAnonymous()
            .AcceptsOnly(PageSessions.ReturnParameter)
            .ExcludeFromDescription();
        app.MapPost(PageSessions.SignInPath, (HttpContext http, PageSignIn signIn, CancellationToken cancellation) => signIn.SignIn(http, cancellation))
            .AllowAnonymous()
            .AcceptsOnly()
            .ExcludeFromDescription();
        app.MapPost(PageSessions.SignOutPath, (HttpContext http, PageSignIn signIn) => signIn.SignOut(http))
            .AllowAnonymous()
            .AcceptsOnly()
            .ExcludeFromDescription();

        app.MapPost("/api/reports/{name}/share", async (string name, HttpContext http, SharedReports shares, CancellationToken cancellation) =>
            {
                var minted = await shares.Mint(name, http.Request, cancellation);
                return minted.Problem is { } problem ? problem.Send(http) : TypedResults.Ok(minted.Value);
            })
            .RequiresScope(ApiScope.Run)
            .AcceptsOnly()
            .WithMetadata(new ChangesState())
            .WithTags("Reports")
            .WithName("shareReport")
            .WithSummary("Mint a share link to a report")
            .WithDescription("JSON body {from, to, parameters: {name: value}, expiresIn: \"30m\" | \"12h\" | \"7d\"}, every member optional (expiresIn: 7 days by default, at most Cxr:Access:ShareMaxDays). " +
                             "The link opens the report without a key, with exactly these parameters, until it expires or the share secret is rotated (cxr keys rotate-share-secret). " +
                             "Without from and to it follows the report's default period.")
            .Produces<SharedLink>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        var shared = app.MapGroup(SharedReports.SharePath).AllowAnonymous().ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) =>
            {
                ShareFraming.Apply(context.HttpContext.Response, context.HttpContext.RequestServices.GetRequiredService<IOptions<CxrServerOptions>>().Value.Access);
                return await next(context);
            });
        // The query string is never read: a link's parameters are the ones signed into it. The page, /share/{token},
        // is served with the other pages (Pages/PagesModule).
        shared.MapGet("/{token}.pdf", async (string token, HttpContext http, SharedReports shares, CancellationToken cancellation) =>
            (await shares.Document(token, "pdf", cancellation)).Send(http));
        shared.MapGet("/{token}.json", async (string token, HttpContext http, SharedReports shares, CancellationToken cancellation) =>
            (await shares.Document(token, "json", cancellation)).Send(http));
    }
}
