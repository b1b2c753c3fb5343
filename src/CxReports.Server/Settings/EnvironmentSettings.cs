using Microsoft.Extensions.Configuration.Memory;

namespace CxReports.Server.Settings;

/// <summary>
/// Settings from the environment, read one way by the command line and the server: every variable through the
/// configuration system (<c>Warehouse__Schema</c> is <c>Warehouse:Schema</c>), and the documented <c>CXR_*</c> delivery
/// variables (<c>CXR_SMTP_HOST</c>) as defaults of the <c>Delivery</c> section, which any other source overrides.
/// </summary>
public static class EnvironmentSettings
{
    private const string Prefix = "CXR_";

    /// <summary>The <c>CXR_*</c> variables (without the prefix) and the <c>Delivery</c> settings they give.</summary>
    private static readonly (string Variable, string Setting)[] DeliveryVariables =
    [
        ("OUTPUT_ROOT", nameof(DeliveryOptions.OutputRoot)),
        ("SMTP_HOST", nameof(DeliveryOptions.SmtpHost)),
        ("SMTP_PORT", nameof(DeliveryOptions.SmtpPort)),
        ("SMTP_SECURITY", nameof(DeliveryOptions.SmtpSecurity)),
        ("SMTP_USER", nameof(DeliveryOptions.SmtpUser)),
        ("SMTP_PASSWORD", nameof(DeliveryOptions.SmtpPassword)),
        ("SMTP_FROM", nameof(DeliveryOptions.SmtpFrom)),
        ("WEBHOOK_SECRET", nameof(DeliveryOptions.WebhookSecret)),
    ];

    /// <summary>What the command line reads: the environment variables, the <c>CXR_*</c> ones as <c>Delivery</c> settings.</summary>
    public static IConfiguration Read() => new ConfigurationBuilder().Add(DeliveryDefaults()).AddEnvironmentVariables().Build();

    /// <summary>
    /// The <c>CXR_*</c> delivery variables as <c>Delivery:*</c> settings. Empty ones are unset, and a port or a security
    /// mode that does not read as one is left to its default, as these variables always were.
    /// </summary>
    public static MemoryConfigurationSource DeliveryDefaults()
    {
        var environment = new ConfigurationBuilder().AddEnvironmentVariables(Prefix).Build();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, setting) in DeliveryVariables)
        {
            if (environment[variable] is { Length: > 0 } value && Readable(setting, value))
                settings[$"{DeliveryOptions.Section}:{setting}"] = value;
        }
        return new MemoryConfigurationSource { InitialData = settings };
    }

    private static bool Readable(string setting, string value) => setting switch
    {
        nameof(DeliveryOptions.SmtpPort) => int.TryParse(value, out _),
        nameof(DeliveryOptions.SmtpSecurity) => Enum.TryParse<SmtpSecurity>(value, ignoreCase: true, out _),
        _ => true,
    };
}
