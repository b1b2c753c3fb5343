using System.ComponentModel;
using System.Reflection;

namespace CxReports.Server.Settings;

/// <summary>
/// Finds the settings whose text cannot become their type (<c>Cxr__QueryTimeoutSeconds=abc</c>) before anything is
/// bound, so that each is one line naming the setting and what it takes, where binding would stop at the first with a
/// stack trace. Checks the <c>CXR_*</c> delivery variables and the <c>Cxr</c>, <c>Warehouse</c> and <c>Delivery</c> sections
/// against their option types.
/// </summary>
public static class SettingTypes
{
    public static IReadOnlyList<string> Mistakes(IConfiguration configuration) =>
    [
        .. EnvironmentSettings.Mistakes(),
        .. Mistakes(configuration.GetSection(CxrServerOptions.Section), typeof(CxrServerOptions)),
        .. Mistakes(configuration.GetSection(WarehouseSettings.Section), typeof(WarehouseSettings)),
        .. Mistakes(configuration.GetSection(DeliveryOptions.Section), typeof(DeliveryOptions)),
        .. new[] { DeliveryOptions.PublicUrlMistake($"{DeliveryOptions.Section}:{nameof(DeliveryOptions.PublicUrl)}",
            configuration[$"{DeliveryOptions.Section}:{nameof(DeliveryOptions.PublicUrl)}"]) }.OfType<string>(),
    ];

    private static IEnumerable<string> Mistakes(IConfigurationSection section, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var setting = section.GetSection(property.Name);
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (target == typeof(string)) continue;
            if (target.IsClass)
            {
                foreach (var mistake in Mistakes(setting, target)) yield return mistake;
            }
            else if (setting.Value is { } text && Mistake(setting.Path, text, target) is { } mistake)
            {
                yield return mistake;
            }
        }
    }

    /// <summary>What is wrong with one setting's text for its type, naming the setting as the user gave it; null when it reads.</summary>
    public static string? Mistake(string name, string text, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target == typeof(string) || Converts(text, target)
            ? null
            : $"{name} must be {Describe(target)} (got '{Requests.RequestReader.Shorten(text)}')";
    }

    /// <summary>Whether the binder's own conversion (the type's converter, invariant culture) accepts the text.</summary>
    private static bool Converts(string text, Type type)
    {
        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text);
            return true;
        }
        catch (Exception) // converters throw what they like (an empty number throws ArgumentException over IndexOutOfRange)
        {
            return false;
        }
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(int) => $"a whole number from {int.MinValue} to {int.MaxValue}",
        _ when type == typeof(long) => $"a whole number from {long.MinValue} to {long.MaxValue}",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(TimeSpan) => "a duration such as 00:00:30",
        _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type))}",
        _ => $"a {type.Name}",
    };
}
