using System.Globalization;
using CxReports.Engine.Dialects;
using ValueType = CxReports.Dsl.Model.ValueType;
using CxReports.Dsl.Model;

namespace CxReports.Engine.Loading;

/// <summary>
/// How one declared field is turned from its file text into its typed column, set-based in DuckDB. The rule is
/// stated on the trimmed text (<see cref="Text"/>, blank = null): the converted value and the SQL conditions that
/// make a row bad, each with the reason the load reports; the error path applies it as stated. The staging pass
/// computes the same from the text as read (<see cref="Raw"/>), trimming only where that can change the outcome.
/// </summary>
public sealed record FieldConversion(FieldModel Field, int Index, string SourceTimeZone)
{
    /// <summary>The error path's column of this field's trimmed text (blank = null).</summary>
    public string Text => $"_cxr_t{Index}";

    /// <summary>The staging pass's column of this field's text as the reader gives it (untrimmed).</summary>
    public string Raw => $"_cxr_r{Index}";

    /// <summary>The staging pass's column of this field's converted value (<see cref="ConvertedFromRaw"/>).</summary>
    public string Value => $"_cxr_v{Index}";

    /// <summary>The SQL type of the loaded column.</summary>
    public string SqlType => EffectiveType switch
    {
        ValueType.Integer => "BIGINT",
        ValueType.Decimal or ValueType.Number => "DOUBLE",
        ValueType.Boolean => "BOOLEAN",
        ValueType.Date => "DATE",
        ValueType.Timestamp => "TIMESTAMPTZ",
        _ => "VARCHAR",
    };

    private ValueType EffectiveType => Field.Type == ValueType.Unknown ? ValueType.Text : Field.Type;

    /// <summary>The typed value of <see cref="Text"/>, or null when it is blank or does not convert (before the default).</summary>
    public string Converted => ConvertedOf(Text);

    /// <summary>
    /// The typed value from <see cref="Raw"/>: always exactly <see cref="Converted"/> of the trimmed text, with the
    /// trim (and its guard) only where it can change the outcome. A conversion that reads past surrounding spaces
    /// anyway (casts: decimals, booleans, ISO dates, timestamps read in UTC) converts the text as read and trims
    /// only what did not convert; a whole number that prints as read has nothing to trim. Date and timestamp
    /// formats, and timestamps read in a source time zone (whose offset test looks at the last characters), convert
    /// the trimmed text. Text values are the trimmed text.
    /// </summary>
    public string ConvertedFromRaw
    {
        get
        {
            var trimmed = StagingSql.Trimmed(Raw);
            return EffectiveType switch
            {
                ValueType.Text => trimmed,
                // A number that prints as read has nothing to trim; the rest get the pattern on the trimmed text.
                ValueType.Integer when Field.Thousands is null => WholeNumber(printed: Raw, padded: trimmed),
                ValueType.Integer => ConvertedOf(trimmed),
                _ when ReadsPastPadding => $"coalesce({ConvertedOf(Raw)}, {ConvertedOf(trimmed)})",
                _ => ConvertedOf(trimmed),
            };
        }
    }

    private bool ReadsPastPadding => EffectiveType switch
    {
        ValueType.Decimal or ValueType.Number or ValueType.Boolean => true,
        ValueType.Date => Field.Format is null,
        ValueType.Timestamp => Field.Format is null && SourceTimeZone == "UTC",
        _ => false,
    };

    /// <summary>The loaded value, in the staging pass: <see cref="Value"/>, or the default when it is null.</summary>
    public string Loaded => Field.Default is { } d ? $"COALESCE({Value}, {Literal(d)})" : Value;

    /// <remarks>
    /// DuckDB's casts are lenient where a report must not be: <c>'12.5'</c> casts to BIGINT 13, and with a decimal
    /// comma declared, <c>'1234.50'</c> would read as 1234.5 (and <c>'1.234,50'</c> fail only by luck). Such text is
    /// not converted, so the row is reported instead of loaded with a silently different number.
    /// </remarks>
    private string ConvertedOf(string text) => EffectiveType switch
    {
        _ when Field.Thousands is { } t && EffectiveType is ValueType.Integer or ValueType.Decimal or ValueType.Number => Grouped(text, t),
        ValueType.Integer => WholeNumber(printed: text, padded: text),
        ValueType.Decimal or ValueType.Number when Field.Format == "," =>
            $"CASE WHEN NOT contains({text}, '.') THEN TRY_CAST(replace({text}, ',', '.') AS DOUBLE) END",
        ValueType.Decimal or ValueType.Number => $"TRY_CAST({text} AS DOUBLE)",
        ValueType.Boolean => $"TRY_CAST({text} AS BOOLEAN)",
        ValueType.Date when Field.Format is { } f => $"CAST(TRY_STRPTIME({text}, {Sql.Literal(f)}) AS DATE)",
        ValueType.Date => $"TRY_CAST({text} AS DATE)",
        ValueType.Timestamp => Timestamp(text),
        _ => text,
    };

    /// <summary>
    /// A whole number: surrounding whitespace (a tab, say) is padding, as for the other types; 12.5, 1e3, 0x10 and
    /// 1_000, which DuckDB's cast takes, are not whole numbers. The pattern says so, but costs more than the cast,
    /// so most cells take a shortcut first: a single character casts only if it is a digit, and a number written
    /// the way it prints ("42", "-7") is checked by printing the cast back (<paramref name="printed"/>); the
    /// pattern sees only the rest (<paramref name="padded"/>: "007", "+5", " 12 ", "12.5"). Same result, per row.
    /// </summary>
    private static string WholeNumber(string printed, string padded) =>
        $"CASE WHEN strlen({printed}) = 1 THEN TRY_CAST({printed} AS BIGINT) WHEN {printed} IS NULL THEN NULL " +
        $"WHEN CAST(TRY_CAST({printed} AS BIGINT) AS VARCHAR) = {printed} THEN TRY_CAST({printed} AS BIGINT) " +
        $"WHEN regexp_full_match({padded}, '[[:space:]]*[+-]?[0-9]+[[:space:]]*') THEN TRY_CAST({padded} AS BIGINT) END";

    /// <summary>
    /// A number written with a thousands separator (<c>1.499,90</c> with <c>format "," thousands "."</c>): either no
    /// separator at all, or groups of exactly three digits after the first one to three, so <c>1.49,90</c> is not a
    /// number. The separators are removed and the decimal separator made a point before the cast.
    /// </summary>
    private string Grouped(string text, string thousands)
    {
        var point = Field.Format == "," ? "," : ".";
        var group = $"[{thousands}]";
        var fraction = EffectiveType == ValueType.Integer ? "" : $"([{point}][0-9]+)?";
        var pattern = $"[+-]?([0-9]{{1,3}}({group}[0-9]{{3}})+|[0-9]+){fraction}";
        var plain = $"replace({text}, {Sql.Literal(thousands)}, '')";
        if (point == ",") plain = $"replace({plain}, ',', '.')";
        return $"CASE WHEN regexp_full_match({text}, {Sql.Literal(pattern)}) THEN TRY_CAST({plain} AS {SqlType}) END";
    }

    /// <summary>A written offset (<c>+03:00</c>, <c>Z</c>) is honoured; without one the value is read in the source's zone.</summary>
    private string Timestamp(string text)
    {
        if (Field.Format is { } format)
        {
            var parsed = $"TRY_STRPTIME({text}, {Sql.Literal(format)})";
            return format.Contains("%z") ? $"CAST({parsed} AS TIMESTAMPTZ)" : $"timezone({Sql.Literal(SourceTimeZone)}, CAST({parsed} AS TIMESTAMP))";
        }
        if (SourceTimeZone == "UTC") return $"TRY_CAST({text} AS TIMESTAMPTZ)";
        // The offset must follow a time of day: a bare date ends in "-01" too, and that is a day, not an offset.
        return $"CASE WHEN regexp_matches({text}, '[0-9]:[0-9]{{2}}(:[0-9]{{2}}([.][0-9]*)?)?\\s*(Z|[+-][0-9]{{2}}(:?[0-9]{{2}})?)$') THEN TRY_CAST({text} AS TIMESTAMPTZ) " +
               $"ELSE timezone({Sql.Literal(SourceTimeZone)}, TRY_CAST({text} AS TIMESTAMP)) END";
    }

    /// <summary>Each way a row can break this field's rules: load code, SQL condition, reason shown to the analyst.</summary>
    public IEnumerable<(Dsl.Diagnostics.DiagnosticCode Code, string Condition, string Reason)> Checks()
    {
        if (EffectiveType != ValueType.Text)
            yield return (LoadCodes.BadValue, $"{Text} IS NOT NULL AND {Converted} IS NULL", $"not a valid {Expected()}");
        if (Field.Required && Field.Default is null)
            yield return (LoadCodes.Blank, $"{Text} IS NULL", "blank, but the column is required");
        if (Field.Range is var (low, high))
            yield return (LoadCodes.OutOfRange, $"{Converted} NOT BETWEEN {Sql.Literal(low)} AND {Sql.Literal(high)}",
                $"outside the range {Show(low)} .. {Show(high)}");
        if (Field.Choices is { Count: > 0 } choices)
            yield return (LoadCodes.NotAllowed, $"{Converted} NOT IN ({string.Join(", ", choices.Select(Literal))})",
                $"not one of {string.Join(", ", choices.Select(c => c is string s ? $"\"{s}\"" : Show(c)))}");
    }

    /// <summary>
    /// The staging pass's condition over <see cref="Value"/> and <see cref="Raw"/>, true when the row breaks any of
    /// <see cref="Checks"/> (null or false when it breaks none); such a row stops the statement. Which check failed,
    /// and where, is the error path's business (<see cref="LoadErrorFinder"/>). A required field without a default is broken
    /// exactly when its value is null (a blank converts to null, and so does text that does not convert): one test
    /// for two checks. Otherwise text that does not convert is a null value from a non-blank text, tested in that
    /// order so the trim runs only for the few null values. Allowed text values are looked up with
    /// <c>list_contains</c> rather than <c>IN</c>.
    /// </summary>
    public string? Broken
    {
        get
        {
            var required = Field.Required && Field.Default is null;
            var checks = new List<string>();
            if (required) checks.Add($"{Value} IS NULL");
            else if (EffectiveType != ValueType.Text)
                checks.Add($"{Value} IS NULL AND {Raw} IS NOT NULL AND {StagingSql.Trimmed(Raw)} IS NOT NULL");
            if (Field.Range is var (low, high)) checks.Add($"{Value} NOT BETWEEN {Sql.Literal(low)} AND {Sql.Literal(high)}");
            // DuckDB plans a longer `IN` list (six values already) as a join against the list, and with that join
            // in the plan the CREATE TABLE loses its parallel, order-keeping batch insert (EXPLAIN shows
            // CREATE_TABLE_AS, not BATCH_CREATE_TABLE_AS). list_contains is a plain function. Text only, where both
            // sides are VARCHAR and equality is the same (a null value gives null either way).
            if (Field.Choices is { Count: > 0 } choices)
                checks.Add(EffectiveType == ValueType.Text
                    ? $"NOT list_contains([{string.Join(", ", choices.Select(Literal))}], {Value})"
                    : $"{Value} NOT IN ({string.Join(", ", choices.Select(Literal))})");
            return checks.Count == 0 ? null : string.Join(" OR ", checks.Select(c => $"({c})"));
        }
    }

    private string Expected() => EffectiveType switch
    {
        ValueType.Integer when Field.Thousands is { } t => $"whole number with '{t}' between thousands (1{t}234)",
        ValueType.Decimal or ValueType.Number when Field.Thousands is { } t =>
            $"decimal number with {(Field.Format == "," ? "a decimal comma" : "a decimal point")} and '{t}' between thousands (1{t}234{(Field.Format == "," ? "," : ".")}50)",
        ValueType.Integer => "whole number",
        ValueType.Decimal or ValueType.Number => Field.Format == "," ? "decimal number with a decimal comma (1234,50)" : "decimal number (1234.50)",
        ValueType.Boolean => "boolean (true/false)",
        ValueType.Date => Field.Format is { } f ? $"date in the format \"{f}\"" : "date (YYYY-MM-DD)",
        ValueType.Timestamp => Field.Format is { } f ? $"timestamp in the format \"{f}\"" : "timestamp (ISO 8601, e.g. 2025-03-31T09:30:00+03:00)",
        _ => "value",
    };

    private static string Literal(object value) => value switch
    {
        string s => Sql.Literal(s),
        decimal d => Sql.Literal(d),
        bool b => b ? "true" : "false",
        DateOnly date => $"DATE {Sql.Literal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "no SQL literal for this constant"),
    };

    private static string Show(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
