using System.Globalization;
using System.Text.Json;
using CxReports.Dsl.Model;
using CxReports.Engine.Results;

namespace CxReports.Rendering.Json;

/// <summary>
/// Writes a result table as <c>{ "columns": [...], "rows": [[...]] }</c>: numbers at full double precision, counts as
/// integers, dates as ISO dates, undefined as null (never NaN, never a 0 standing in for "no data"); each column with
/// its meaning (label, unit, decimals, direction, relativeChange; currency and perMonth when they apply), a time
/// dimension with its grain, ranked text (a score's bands) with its levels, best first, a margin of error with the
/// column it is the margin of (marginOf), a column the engine adds with the key of the renderer's word for it
/// (word), a snapshot with the day it was taken (asOf), and a column with value labels with its <c>labels</c>
/// (code to name); a table by a time grain with partial buckets has <c>"partial"</c>, one flag per row.
/// </summary>
public static class ResultTableJson
{
    public static void Write(Utf8JsonWriter json, ResultTable table)
    {
        json.WriteStartObject();
        WriteMembers(json, table);
        json.WriteEndObject();
    }

    /// <summary>The <c>columns</c> and <c>rows</c> members, into an object the caller has opened (a report block).</summary>
    public static void WriteMembers(Utf8JsonWriter json, ResultTable table)
    {
        json.WritePropertyName("columns");
        json.WriteStartArray();
        foreach (var column in table.Columns)
        {
            json.WriteStartObject();
            json.WriteString("name", column.Name);
            json.WriteString("type", column.Type.ToString().ToLowerInvariant());
            if (column.Grain is { } grain) json.WriteString("grain", grain.Word());
            if (column.MarginOf is { } marginOf) json.WriteString("marginOf", marginOf);
            if (column.Word is { } word) json.WriteString("word", word);
            if (column.AsOf is { } asOf) json.WriteString("asOf", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (column.Levels is { } levels)
            {
                json.WritePropertyName("levels");
                json.WriteStartArray();
                foreach (var level in levels) json.WriteStringValue(level);
                json.WriteEndArray();
            }
            if (column.Labels is { } labels)
            {
                // Rows keep the codes (what filters and parameters take); readers show these names for them.
                json.WritePropertyName("labels");
                json.WriteStartObject();
                foreach (var (code, label) in labels) json.WriteString(code, label);
                json.WriteEndObject();
            }
            WriteMeaning(json, column.Meaning);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WritePropertyName("rows");
        json.WriteStartArray();
        foreach (var row in table.Rows)
        {
            json.WriteStartArray();
            foreach (var value in row) WriteValue(json, value);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        if (table.Partial is { } partial)
        {
            // Beside the rows, one flag each: a bucket not wholly inside the period or the data.
            json.WritePropertyName("partial");
            json.WriteStartArray();
            foreach (var flag in partial) json.WriteBooleanValue(flag);
            json.WriteEndArray();
        }
    }

    /// <summary>
    /// A column's meaning: its label when it has one, and for numbers the unit, decimals (when fixed), direction and
    /// whether a relative change makes sense; a column that means nothing beyond its values writes none of them.
    /// </summary>
    private static void WriteMeaning(Utf8JsonWriter json, Meaning meaning)
    {
        if (meaning.Label is { } label) json.WriteString("label", label);
        if (meaning == Meaning.None) return;
        json.WriteString("unit", KpiTable.Name(meaning.Unit));
        if (meaning.Decimals is { } decimals) json.WriteNumber("decimals", decimals);
        json.WriteString("direction", KpiTable.Name(meaning.Direction));
        json.WriteBoolean("relativeChange", meaning.RelativeChange);
        if (meaning.Currency is { } currency) json.WriteString("currency", currency);
        if (meaning.PerMonth) json.WriteBoolean("perMonth", true);
    }

    public static string ToJson(ResultTable table, bool indented = true) => System.Text.Encoding.UTF8.GetString(Bytes(table, indented));

    /// <summary>The table as UTF-8 bytes, written directly: no string of twice the size on the way.</summary>
    public static byte[] Bytes(ResultTable table, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
            Write(json, table);
        return stream.ToArray();
    }

    public static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case long l: json.WriteNumberValue(l); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case double: json.WriteNullValue(); break;
            case DateOnly date: json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case bool b: json.WriteBooleanValue(b); break;
            default: json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }
}
