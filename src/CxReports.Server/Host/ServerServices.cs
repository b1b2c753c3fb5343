using Carter;
using CxReports.Server.Evaluation;
using CxReports.Server.Modules;
using CxReports.Server.Monitoring;
using CxReports.Server.Security;
using CxReports.Server.Serving;
using CxReports.Server.Settings;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CxReports.Server.Host;

/// <summary>Everything the server registers: validated options, serving state, evaluation, cache, auth, OpenAPI, health.</summary>
public static class ServerServices
{
    public static IServiceCollection AddCxrServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CxrServerOptions>().Bind(configuration.GetSection(CxrServerOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CxrServerOptions>, CxrServerOptionsValidator>();
        services.AddOptions<WarehouseSettings>().Bind(configuration.GetSection(WarehouseSettings.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WarehouseSettings>, WarehouseSettingsValidator>();
        services.TryAddSingletonTimeProvider();

        services.AddSingleton<WarehouseGate>();
        services.AddSingleton<ServingStore>();
        services.AddSingleton<CompileModel>(files => Dsl.Binding.ModelBinder.Compile(files));
        services.AddSingleton<ModelReloader>();
        services.AddSingleton<ApiKeyRegistry>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<ResultCache>();
        services.AddSingleton<EvaluationLimiter>();
        services.AddSingleton<CxrMetrics>();
        // The scrape endpoint renders the metrics on each request: a cached answer would hide what just happened.
        services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("cxreports")).WithMetrics(metrics => metrics
            .AddMeter(CxrMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            // Two of ASP.NET's per-request instruments say nothing http.server.request.duration does not (requests by
            // route, status and time), and recording them cost a cached report answer about 3%: not exported.
            .AddView("http.server.active_requests", MetricStreamConfiguration.Drop)
            .AddView("aspnetcore.routing.match_attempts", MetricStreamConfiguration.Drop)
            // Kestrel's memory pool records every buffer rented and returned (two or three per request): 3% of a cached
            // report answer. What it allocates and evicts (aspnetcore.memory_pool.allocated, .evicted) is still exported.
            .AddView("aspnetcore.memory_pool.rented", MetricStreamConfiguration.Drop)
            .AddView("aspnetcore.memory_pool.pooled", MetricStreamConfiguration.Drop)
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        services.AddSingleton<ReportService>();
        services.AddSingleton<ReportShortcuts>();
        services.AddSingleton<QueryService>();
        services.AddSingleton<CheckService>();
        services.AddSingleton<AlertService>();
        services.AddSingleton<SharedReports>();
        services.AddSingleton<PageSignIn>();
        services.AddSingleton<CxReports.Engine.Scheduling.IReportFormatter>(new CxReports.Rendering.Formats.JsonReportFormatter(indented: false));
        services.AddSingleton<CxReports.Engine.Scheduling.IReportFormatter, CxReports.Rendering.Formats.PdfReportFormatter>();
        services.AddSingleton<CxReports.Engine.Scheduling.IReportFormatter, CxReports.Rendering.Formats.CsvReportFormatter>();
        services.AddSingleton<CxReports.Engine.Scheduling.IReportFormatter, CxReports.Rendering.Formats.XlsxReportFormatter>();
        services.AddSingleton<CxReports.Engine.Scheduling.IReportFormatter, CxReports.Rendering.Formats.ZipReportFormatter>();
        services.AddHostedService<ServerStartup>();
        services.AddHostedService<ChangeWatcher>();
        services.AddSingleton(DeliveryOptions.From(configuration));
        // HttpClient's own lines would show the webhook URL's path, where Slack and Discord keep their tokens.
        services.AddHttpClient("webhooks").RemoveAllLoggers();
        services.AddSingleton<RunService>();
        services.AddHostedService<SchedulerService>();

        services.AddOptions<KestrelServerOptions>().Configure<IOptions<CxrServerOptions>>((kestrel, server) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = server.Value.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestLineSize = 16 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });

        services.AddCxrAuthentication();
        var authorization = services.AddAuthorizationBuilder();
        foreach (var scope in Enum.GetValues<ApiScope>())
            authorization.AddPolicy(scope.Name(), p => p.RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, scope.Name()));
        // Anything not marked otherwise needs a key: a new endpoint is never public by accident.
        authorization.SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
            .RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiScope.Read.Name()).Build());

        services.AddProblemDetails();
        services.AddExceptionHandler<Problems.NoModelServingHandler>();
        services.AddExceptionHandler<Problems.UnhandledExceptionHandler>();
        services.AddHealthChecks().AddCheck<ServingHealthCheck>("serving", tags: [HealthModule.ReadyTag]);
        services.AddOpenApi("v1", OpenApiDocument.Configure);
        services.AddCarter(configurator: c => c.WithModules(
            typeof(ReportsModule), typeof(QueryModule), typeof(CheckModule), typeof(RunsModule), typeof(AdminModule), typeof(HealthModule), typeof(KeysModule),
            typeof(AccessModule), typeof(AlertsModule), typeof(Pages.PagesModule)));
        // The pages are Razor components rendered on the server (static SSR): no interactivity, no circuit.
        services.AddRazorComponents();
        // Razor's encoder escapes every non-ASCII letter by default (ü as &#xFC;): Turkish pages would grow by a third.
        // Markup characters stay escaped whatever the ranges.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // Pages and their files travel compressed; they hold no secret that a reflected parameter could help guess (BREACH).
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.MimeTypes = ["text/html", "text/css", "text/javascript"];
        });
        return services;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (services.All(s => s.ServiceType != typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
