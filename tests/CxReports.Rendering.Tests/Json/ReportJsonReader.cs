using System.Globalization;
using System.Text.Json;
using CxReports.Dsl.Model;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;
using CxReports.Engine.Results;
using CxReports.Rendering.Json;

namespace CxReports.Rendering.Tests.Json;

/// <summary>
/// Reads the evaluated-report document that <see cref="ReportJson"/> writes back into an <see cref="EvaluatedReport"/>
/// (values typed by their column: dates, integers, numbers), so a test can render the JSON again and see that it
/// carries everything the other documents show; the product itself never reads its JSON back.
/// </summary>
public static class ReportJsonReader
{
    public static EvaluatedReport Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var period = root.GetProperty("period");
        var parameters = new Dictionary<string, object?>();
        if (root.TryGetProperty("params", out var ps))
            foreach (var p in ps.EnumerateObject()) parameters[p.Name] = Scalar(p.Value);
        var sections = root.GetProperty("sections").EnumerateArray().Select(s => new EvaluatedSection(
            s.GetProperty("title").GetString() ?? "",
            s.GetProperty("blocks").EnumerateArray().Select(Block).ToList())).ToList();
        return new EvaluatedReport(
            root.GetProperty("report").GetString() ?? "",
            root.GetProperty("title").GetString() ?? "",
            Text(root, "description"),
            DateTimeOffset.Parse(root.GetProperty("generatedAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            Date(period.GetProperty("from").GetString()!),
            Date(period.GetProperty("to").GetString()!),
            Text(period, "grain"),
            Text(period, "timezone") ?? "UTC",
            Text(root, "locale") ?? "en-US",
            parameters,
            Text(root, "dataVersion") ?? "",
            sections)
        {
            Freshness = new ReportFreshness(
                root.TryGetProperty("sources", out var sources) && sources.ValueKind == JsonValueKind.Array
                    ? sources.EnumerateArray().ToDictionary(x => x.GetProperty("name").GetString() ?? "", x => Date(x.GetProperty("dataThrough").GetString()!), StringComparer.Ordinal)
                    : new Dictionary<string, DateOnly>(),
                Text(period, "clippedTo") is { } clipped ? Date(clipped) : null)
            {
                Labels = root.TryGetProperty("sources", out var labelled) && labelled.ValueKind == JsonValueKind.Array
                    ? labelled.EnumerateArray().Where(x => Text(x, "label") is not null)
                        .ToDictionary(x => x.GetProperty("name").GetString() ?? "", x => Text(x, "label")!, StringComparer.Ordinal)
                    : new Dictionary<string, string>(),
            },
        };
    }

    private static EvaluatedBlock Block(JsonElement block) =>
        new(block.GetProperty("id").GetString() ?? "", block.GetProperty("type").GetString() ?? "",
            Text(block, "title"), Table(block), Text(block, "text"), Enum.TryParse<ChartKind>(Text(block, "chart"), ignoreCase: true, out var chart) ? chart : null,
            block.TryGetProperty("measured", out var measured) && measured.ValueKind == JsonValueKind.Object ? Table(measured) : null)
        {
            Empty = Text(block, "empty"),
        };

    /// <summary>The table an element's <c>columns</c> and <c>rows</c> hold; null without columns.</summary>
    private static ResultTable? Table(JsonElement block)
    {
        ResultTable? table = null;
        if (block.TryGetProperty("columns", out var columns))
        {
            var cols = columns.EnumerateArray().Select(c => new ResultColumn(
                c.GetProperty("name").GetString() ?? "",
                Enum.Parse<ColumnType>(Text(c, "type") ?? "text", ignoreCase: true),
                Meaning(c))
            {
                Grain = Enum.TryParse<Dsl.Model.TimeUnit>(Text(c, "grain"), ignoreCase: true, out var grain) ? grain : null,
                AsOf = DateOnly.TryParseExact(Text(c, "asOf"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf) ? asOf : null,
                Levels = c.TryGetProperty("levels", out var levels) && levels.ValueKind == JsonValueKind.Array
                    ? levels.EnumerateArray().Select(l => l.GetString() ?? "").ToList()
                    : null,
                MarginOf = Text(c, "marginOf"),
                Word = Text(c, "word"),
                Labels = c.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Object
                    ? labels.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
                        .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
                    : null,
            }).ToList();
            var rows = block.GetProperty("rows").EnumerateArray()
                .Select(r => r.EnumerateArray().Select((v, i) => Value(v, cols[i].Type)).ToArray()).ToList();
            table = new ResultTable(cols, rows)
            {
                Partial = block.TryGetProperty("partial", out var partial) && partial.ValueKind == JsonValueKind.Array
                    ? partial.EnumerateArray().Select(p => p.ValueKind == JsonValueKind.True).ToList()
                    : null,
            };
        }
        return table;
    }

    /// <summary>A column's meaning as <see cref="ResultTableJson"/> writes it; what is absent takes the unit's defaults.</summary>
    private static Meaning Meaning(JsonElement column)
    {
        var unit = Enum.TryParse<Unit>(Text(column, "unit"), ignoreCase: true, out var u) ? u : Unit.None;
        var meaning = Dsl.Model.Meaning.Of(unit, KpiTable.ParseDirection(Text(column, "direction")), Text(column, "label"));
        if (column.TryGetProperty("decimals", out var decimals) && decimals.TryGetInt32(out var d)) meaning = meaning with { Decimals = d };
        if (column.TryGetProperty("relativeChange", out var relative) && relative.ValueKind is JsonValueKind.True or JsonValueKind.False)
            meaning = meaning with { RelativeChange = relative.GetBoolean() };
        return meaning with
        {
            Currency = Text(column, "currency"),
            PerMonth = column.TryGetProperty("perMonth", out var perMonth) && perMonth.ValueKind == JsonValueKind.True,
        };
    }

    private static object? Value(JsonElement value, ColumnType type) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String when type == ColumnType.Date => Date(value.GetString()!),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when type == ColumnType.Integer && value.TryGetInt64(out var l) => l,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => value.GetRawText(),
    };

    private static object? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when value.TryGetInt64(out var l) => l,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => value.GetRawText(),
    };

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
