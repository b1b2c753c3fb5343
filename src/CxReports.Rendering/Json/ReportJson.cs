using System.Globalization;
using System.Text;
using System.Text.Json;
using CxReports.Engine.Reports;

namespace CxReports.Rendering.Json;

/// <summary>Writes the evaluated-report document of architecture.md: every numeric block as one table.</summary>
public static class ReportJson
{
    public static string ToJson(EvaluatedReport report, bool indented = true) => Encoding.UTF8.GetString(Bytes(report, indented));

    /// <summary>The document as UTF-8 bytes, written directly: no string of twice the size on the way.</summary>
    public static byte[] Bytes(EvaluatedReport report, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
            Write(json, report);
        return stream.ToArray();
    }

    public static void Write(Utf8JsonWriter json, EvaluatedReport report)
    {
        json.WriteStartObject();
        json.WriteString("report", report.Report);
        json.WriteString("title", report.Title);
        if (report.Description is { } description) json.WriteString("description", description);
        json.WriteString("generatedAt", report.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WritePropertyName("period");
        json.WriteStartObject();
        json.WriteString("from", Date(report.From));
        json.WriteString("to", Date(report.To));
        if (report.Grain is { } grain) json.WriteString("grain", grain);
        json.WriteString("timezone", report.TimeZone);
        if (report.Freshness.ClippedTo is { } clipped) json.WriteString("clippedTo", Date(clipped));
        json.WriteEndObject();
        json.WriteString("locale", report.Locale);
        json.WritePropertyName("params");
        json.WriteStartObject();
        foreach (var (name, value) in report.Params)
        {
            json.WritePropertyName(name);
            ResultTableJson.WriteValue(json, value);
        }
        json.WriteEndObject();
        json.WriteString("dataVersion", report.DataVersion);
        if (report.Freshness.Through is { } through) json.WriteString("dataThrough", Date(through));
        json.WritePropertyName("sources");
        json.WriteStartArray();
        foreach (var (source, lastDay) in report.Freshness.Sources)
        {
            json.WriteStartObject();
            json.WriteString("name", source);
            if (report.Freshness.Labels.TryGetValue(source, out var label)) json.WriteString("label", label);
            json.WriteString("dataThrough", Date(lastDay));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WritePropertyName("sections");
        json.WriteStartArray();
        foreach (var section in report.Sections)
        {
            json.WriteStartObject();
            json.WriteString("title", section.Title);
            json.WritePropertyName("blocks");
            json.WriteStartArray();
            foreach (var block in section.Blocks) WriteBlock(json, block);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteBlock(Utf8JsonWriter json, EvaluatedBlock block)
    {
        json.WriteStartObject();
        json.WriteString("id", block.Id);
        json.WriteString("type", block.Type);
        if (block.Chart is { } chart) json.WriteString("chart", chart.ToString().ToLowerInvariant());
        if (block.Title is { } title) json.WriteString("title", title);
        if (block.Text is { } text) json.WriteString("text", text);
        if (block.Empty is { } empty) json.WriteString("empty", empty);
        if (block.Table is { } table) ResultTableJson.WriteMembers(json, table);
        if (block.Measured is { } measured)
        {
            json.WritePropertyName("measured");
            json.WriteStartObject();
            ResultTableJson.WriteMembers(json, measured);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
