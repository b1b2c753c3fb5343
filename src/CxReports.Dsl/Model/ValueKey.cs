using System.Globalization;

namespace CxReports.Dsl.Model;

/// <summary>
/// One text for a value however it arrives: a code written in CXR (<c>2</c> is a decimal), the same value read back
/// from an engine (a double 2.0) or from JSON, so a label or a declared position is found for it.
/// </summary>
public static class ValueKey
{
    public static string? Of(object? value) => value switch
    {
        null => null,
        string text => text,
        bool b => b ? "true" : "false",
        decimal d => ((double)d).ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long l => ((double)l).ToString("R", CultureInfo.InvariantCulture),
        int i => ((double)i).ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
