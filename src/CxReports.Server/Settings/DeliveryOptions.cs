namespace CxReports.Server.Settings;

/// <summary>How to reach SMTP.</summary>
public enum SmtpSecurity { None, StartTls, SslOnConnect }

/// <summary>
/// Where deliveries go: the output root of folder deliveries, the SMTP server (credentials from configuration or
/// the environment, never logged) and the secret that signs webhooks.
/// </summary>
public sealed record DeliveryOptions
{
    public string OutputRoot { get; init; } = "out";
    public string? SmtpHost { get; init; }
    public int SmtpPort { get; init; } = 587;
    public SmtpSecurity SmtpSecurity { get; init; } = SmtpSecurity.StartTls;
    public string? SmtpUser { get; init; }
    public string? SmtpPassword { get; init; }
    public string SmtpFrom { get; init; } = "cxreports@localhost";
    public string? WebhookSecret { get; init; }
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The settings from <c>CXR_*</c> environment variables (what the command line uses).</summary>
    public static DeliveryOptions FromEnvironment(string? outputRoot = null)
    {
        static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
        return new DeliveryOptions
        {
            OutputRoot = outputRoot ?? Env("CXR_OUTPUT_ROOT") ?? "out",
            SmtpHost = Env("CXR_SMTP_HOST"),
            SmtpPort = int.TryParse(Env("CXR_SMTP_PORT"), out var port) ? port : 587,
            SmtpSecurity = Enum.TryParse<SmtpSecurity>(Env("CXR_SMTP_SECURITY"), ignoreCase: true, out var security) ? security : SmtpSecurity.StartTls,
            SmtpUser = Env("CXR_SMTP_USER"),
            SmtpPassword = Env("CXR_SMTP_PASSWORD"),
            SmtpFrom = Env("CXR_SMTP_FROM") ?? "cxreports@localhost",
            WebhookSecret = Env("CXR_WEBHOOK_SECRET"),
        };
    }
}
