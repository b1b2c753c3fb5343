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

    /// <summary>The <c>Delivery</c> section of configuration (the <c>CXR_*</c> variables among its sources, <see cref="EnvironmentSettings"/>).</summary>
    public static DeliveryOptions From(IConfiguration configuration) => configuration.GetSection(Section).Get<DeliveryOptions>() ?? new DeliveryOptions();
}
