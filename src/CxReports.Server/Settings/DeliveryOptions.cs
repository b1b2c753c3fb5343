namespace CxReports.Server.Settings;

/// <summary>How to reach SMTP.</summary>
public enum SmtpSecurity { None, StartTls, SslOnConnect }

/// <summary>
/// Where deliveries go: the output root of folder deliveries, the SMTP server (credentials from configuration or
/// the environment, never logged) and the secret that signs webhooks.
/// </summary>
public sealed record DeliveryOptions
{
    public const string Section = "Delivery";

    public string OutputRoot { get; init; } = "out";
    public string? SmtpHost { get; init; }
    public int SmtpPort { get; init; } = 587;
    public SmtpSecurity SmtpSecurity { get; init; } = SmtpSecurity.StartTls;
    public string? SmtpUser { get; init; }
    public string? SmtpPassword { get; init; }
    public string SmtpFrom { get; init; } = "cxreports@localhost";
    public string? WebhookSecret { get; init; }
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The server's address as its readers open it (<c>https://cx.example.com</c>), for links in alert notices; none
    /// without it, since the address the server listens on is often not the one people reach it by.
    /// </summary>
    public string? PublicUrl { get; init; }

    /// <summary>What is wrong with <see cref="PublicUrl"/>, naming the setting; null when it is unset or an absolute http(s) address.</summary>
    public static string? PublicUrlMistake(string name, string? value) =>
        value is null || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0)
            ? null
            : $"{name} must be an absolute http or https address without query or fragment, such as https://cx.example.com (got '{Requests.RequestReader.Shorten(value)}')";

    /// <summary>The <c>Delivery</c> section of configuration (the <c>CXR_*</c> variables among its sources, <see cref="EnvironmentSettings"/>).</summary>
    public static DeliveryOptions From(IConfiguration configuration) => configuration.GetSection(Section).Get<DeliveryOptions>() ?? new DeliveryOptions();
}
