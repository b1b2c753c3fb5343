using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CxReports.Server.Settings;

/// <summary>
/// The numbers a whole-number setting of the <c>Cxr</c> section accepts. Out of range, it names the setting as it is
/// configured and the value given (<c>Cxr:QueryTimeoutSeconds must be between 1 and 3600 (got 0)</c>), which the
/// framework's <see cref="RangeAttribute"/> message cannot.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SettingRangeAttribute(long minimum, long maximum) : ValidationAttribute
{
    public long Minimum { get; } = minimum;

    public long Maximum { get; } = maximum;

    protected override ValidationResult? IsValid(object? value, ValidationContext context)
    {
        var number = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        // No member names on the result: the framework would put them before the message, which names the setting already.
        return number >= Minimum && number <= Maximum
            ? ValidationResult.Success
            : new ValidationResult($"{CxrServerOptions.Section}:{context.MemberName} must be between {Minimum} and {Maximum} (got {number})");
    }
}
