using CxReports.Server.Modules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CxReports.Server.Host;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>, as an API team would publish it: the Bearer scheme declared and
/// required, <c>security: []</c> on the public health routes, every tag described, each operation saying its scope.
/// </summary>
public static class OpenApiDocument
{
    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Reports"] = "Reports of the serving model, evaluated for a period and parameters.",
        ["Query"] = "Ad-hoc metric queries over the model.",
        ["Check"] = "Check CXR text without changing anything.",
        ["Runs"] = "Run history and run-now.",
        ["Alerts"] = "Alerts and their state per segment.",
        ["Admin"] = "Reload and serving status.",
        ["Health"] = "Liveness and readiness; no key needed.",
    };

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "CxReports API",
                Version = "v1",
                Description = "Customer-experience reports from CXR files: evaluated report JSON, ad-hoc queries, checks and reloads. " +
                              "Every /api route needs 'Authorization: Bearer <API key>'; keys have the scope read, run or admin (each includes the ones before it).",
                License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" },
            };
            foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key made with 'cxr keys create --scope read|run|admin', sent as 'Authorization: Bearer <key>'.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
            document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any())
                operation.Security = [];
            else if (metadata.OfType<RequiredScope>().LastOrDefault() is { } required)
                operation.Description = $"{operation.Description} Needs scope '{required.Scope.ToString().ToLowerInvariant()}'.".Trim();
            if (metadata.OfType<TextBody>().FirstOrDefault() is { } body)
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "CXR text (UTF-8)",
                    Content = new Dictionary<string, OpenApiMediaType> { [body.ContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } } },
                };
            return Task.CompletedTask;
        });
    }
}
