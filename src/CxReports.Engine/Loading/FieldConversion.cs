using System.Globalization;
using CxReports.Dsl.Binding.Model;
using CxReports.Engine.Warehouse;
using ValueType = CxReports.Dsl.Binding.Model.ValueType;

namespace CxReports.Engine.Loading;

/// <summary>
/// How one declared field is turned from its file text into its typed column, set-based in DuckDB: the trimmed
/// text (<see cref="Text"/>, blank = null), the converted value, and the SQL conditions that make a row bad,
/// each with the reason the load reports.
/// </summary>
public sealed record FieldConversion(FieldModel Field, int Index, string SourceTimeZone)
{
    /// <summary>The text column of the staging select for this field.</summary>
    public string Text => $"_cxr_t{Index}";

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

    /// <summary>The typed value, or null when the text is blank or does not convert (before the default).</summary>
    /// <remarks>
    /// DuckDB's casts are lenient where a report must not be: <c>'12.5'</c> casts to BIGINT 13, and with a decimal
    /// comma declared, <c>'1234.50'</c> would read as 1234.5 (and <c>'1.234,50'</c> fail only by luck). Such text is
    /// not converted, so the row is reported instead of loaded with a silently different number.
    /// </remarks>
    public string Converted => EffectiveType switch
    {
        // Surrounding whitespace (a tab, say) is padding, as for the other types; 12.5, 1e3 and 0x10 are not whole numbers.
        // Most cells are a number written the way it prints ("42", "-7"): that is checked by printing the cast back,
        // cheaper than the pattern, which then sees only the rest ("007", "+5", " 12 ", "12.5"). Same result, per row.
        ValueType.Integer => $"CASE WHEN CAST(TRY_CAST({Text} AS BIGINT) AS VARCHAR) = {Text} THEN TRY_CAST({Text} AS BIGINT) " +
                             $"WHEN regexp_full_match({Text}, '[[:space:]]*[+-]?[0-9]+[[:space:]]*') THEN TRY_CAST({Text} AS BIGINT) END",
        ValueType.Decimal or ValueType.Number when Field.Format == "," =>
            $"CASE WHEN NOT contains({Text}, '.') THEN TRY_CAST(replace({Text}, ',', '.') AS DOUBLE) END",
        ValueType.Decimal or ValueType.Number => $"TRY_CAST({Text} AS DOUBLE)",
        ValueType.Boolean => $"TRY_CAST({Text} AS BOOLEAN)",
        ValueType.Date when Field.Format is { } f => $"CAST(TRY_STRPTIME({Text}, {Sql.Literal(f)}) AS DATE)",
        ValueType.Date => $"TRY_CAST({Text} AS DATE)",
        ValueType.Timestamp => Timestamp(),
        _ => Text,
    };

    /// <summary>The loaded value: converted, or the default when the text is blank.</summary>
    public string Loaded => Field.Default is { } d ? $"COALESCE({Converted}, {Literal(d)})" : Converted;

    /// <summary>A written offset (<c>+03:00</c>, <c>Z</c>) is honoured; without one the value is read in the source's zone.</summary>
    private string Timestamp()
    {
        if (Field.Format is { } format)
        {
            var parsed = $"TRY_STRPTIME({Text}, {Sql.Literal(format)})";
            return format.Contains("%z") ? $"CAST({parsed} AS TIMESTAMPTZ)" : $"timezone({Sql.Literal(SourceTimeZone)}, CAST({parsed} AS TIMESTAMP))";
        }
        if (SourceTimeZone == "UTC") return $"TRY_CAST({Text} AS TIMESTAMPTZ)";
        // The offset must follow a time of day: a bare date ends in "-01" too, and that is a day, not an offset.
        return $"CASE WHEN regexp_matches({Text}, '[0-9]:[0-9]{{2}}(:[0-9]{{2}}([.][0-9]*)?)?\\s*(Z|[+-][0-9]{{2}}(:?[0-9]{{2}})?)$') THEN TRY_CAST({Text} AS TIMESTAMPTZ) " +
               $"ELSE timezone({Sql.Literal(SourceTimeZone)}, TRY_CAST({Text} AS TIMESTAMP)) END";
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
    /// One SQL condition, true when the row breaks any of <see cref="Checks"/> (null or false when it breaks none):
    /// the staging pass's per-row flag. The same as OR-ing the checks, with one shortcut: when the field is
    /// required and has no default, "blank" and "not a valid value" together are exactly "the converted value is
    /// null" (a blank text converts to null, and a non-blank one that does not convert is null too), one test
    /// instead of two; and allowed text values are looked up with <c>list_contains</c> rather than <c>IN</c>. Which
    /// check failed, and where, is the error path's business (<see cref="LoadErrorFinder"/>).
    /// </summary>
    public string? Broken
    {
        get
        {
            var checks = Checks().Select(c => (c.Code, c.Condition)).ToList();
            if (Field.Required && Field.Default is null && EffectiveType != ValueType.Text)
            {
                checks.RemoveAll(c => c.Code == LoadCodes.BadValue || c.Code == LoadCodes.Blank);
                checks.Insert(0, (LoadCodes.Blank, $"{Converted} IS NULL"));
            }
            // DuckDB plans a longer `IN` list (six values already) as a join against the list, and with that join
            // in the plan the CREATE TABLE loses its parallel, order-keeping batch insert (EXPLAIN shows
            // CREATE_TABLE_AS, not BATCH_CREATE_TABLE_AS). list_contains is a plain function. Text only, where both
            // sides are VARCHAR and equality is the same (a null value gives null either way).
            if (EffectiveType == ValueType.Text && Field.Choices is { Count: > 0 } choices)
            {
                var at = checks.FindIndex(c => c.Code == LoadCodes.NotAllowed);
                checks[at] = (LoadCodes.NotAllowed, $"NOT list_contains([{string.Join(", ", choices.Select(Literal))}], {Converted})");
            }
            return checks.Count == 0 ? null : string.Join(" OR ", checks.Select(c => $"({c.Condition})"));
        }
    }

    private string Expected() => EffectiveType switch
    {
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
