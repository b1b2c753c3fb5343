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
        ("PUBLIC_URL", nameof(DeliveryOptions.PublicUrl)),
    ];

    /// <summary>What the command line reads: the environment variables, the <c>CXR_*</c> ones as <c>Delivery</c> settings.</summary>
    public static IConfiguration Read() => new ConfigurationBuilder().Add(DeliveryDefaults()).AddEnvironmentVariables().Build();

    /// <summary>
    /// The <c>CXR_*</c> delivery variables as <c>Delivery:*</c> settings. Empty ones are unset; one that does not read as
    /// its type (<c>CXR_SMTP_PORT=abc</c>) is left out here, so binding never stops on it, and named by <see cref="Mistakes"/>,
    /// which refuses the start of the server and of a delivering run.
    /// </summary>
    public static MemoryConfigurationSource DeliveryDefaults()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, setting, value) in Given())
        {
            if (Mistake(variable, setting, value) is null)
                settings[$"{DeliveryOptions.Section}:{setting}"] = value;
        }
        return new MemoryConfigurationSource { InitialData = settings };
    }

    /// <summary>Each <c>CXR_*</c> delivery variable whose value does not read as its setting's type, and what it takes.</summary>
    public static IEnumerable<string> Mistakes() =>
        Given().Select(g => Mistake(g.Variable, g.Setting, g.Value)).OfType<string>();

    private static IEnumerable<(string Variable, string Setting, string Value)> Given()
    {
        var environment = new ConfigurationBuilder().AddEnvironmentVariables(Prefix).Build();
        foreach (var (variable, setting) in DeliveryVariables)
        {
            if (environment[variable] is { Length: > 0 } value)
                yield return (variable, setting, value);
        }
    }

    private static string? Mistake(string variable, string setting, string value) =>
        setting == nameof(DeliveryOptions.PublicUrl)
            ? DeliveryOptions.PublicUrlMistake(Prefix + variable, value)
            : SettingTypes.Mistake(Prefix + variable, value, typeof(DeliveryOptions).GetProperty(setting)!.PropertyType);
}
