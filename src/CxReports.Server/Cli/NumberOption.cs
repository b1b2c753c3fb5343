using System.CommandLine;
using System.Globalization;
using System.Numerics;

namespace CxReports.Server.Cli;

/// <summary>
/// Whole-number options with a range: a value out of it, or one that is no number at all, is a usage error naming the
/// option (exit 2), never an exception.
/// </summary>
public static class NumberOption
{
    public static Option<T> Within<T>(Option<T> option, T minimum, T maximum) where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens is not [var token]) return;
            // Read from the token: asking the result for its value throws when the text does not convert.
            if (!T.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
                result.AddError(maximum == T.MaxValue
                    ? $"{option.Name} must be a whole number of at least {minimum} (got '{token.Value}')"
                    : $"{option.Name} must be a whole number between {minimum} and {maximum} (got '{token.Value}')");
        });
        return option;
    }
}
