using System.Text.Json;

namespace CxReports.Server.Tests.Postgres;

/// <summary>
/// Two evaluated reports are the same when every value is: texts and shapes exactly, numbers to 1e-9 of their size
/// (PostgreSQL works some steps in NUMERIC where DuckDB uses doubles, which may move the last binary digits).
/// The time of evaluation is the only thing allowed to differ.
/// </summary>
internal static class JsonComparison
{
    /// <param name="ignore">Properties that may differ besides <c>generatedAt</c>.</param>
    public static IReadOnlyList<string> Differences(JsonElement left, JsonElement right, params string[] ignore)
    {
        var differences = new List<string>();
        Compare(left, right, "$", ["generatedAt", .. ignore], differences);
        return differences;
    }

    private static void Compare(JsonElement left, JsonElement right, string path, string[] ignore, List<string> differences)
    {
        if (left.ValueKind != right.ValueKind)
        {
            differences.Add($"{path}: {left} vs {right}");
            return;
        }
        switch (left.ValueKind)
        {
            case JsonValueKind.Object:
                var names = left.EnumerateObject().Select(p => p.Name).Union(right.EnumerateObject().Select(p => p.Name)).Where(n => !ignore.Contains(n));
                foreach (var name in names)
                {
                    if (!left.TryGetProperty(name, out var l) || !right.TryGetProperty(name, out var r)) differences.Add($"{path}.{name}: missing on one side");
                    else Compare(l, r, $"{path}.{name}", ignore, differences);
                }
                break;
            case JsonValueKind.Array:
                if (left.GetArrayLength() != right.GetArrayLength()) differences.Add($"{path}: {left.GetArrayLength()} vs {right.GetArrayLength()} items");
                else foreach (var (l, r, i) in left.EnumerateArray().Zip(right.EnumerateArray()).Select((p, i) => (p.First, p.Second, i)))
                    Compare(l, r, $"{path}[{i}]", ignore, differences);
                break;
            case JsonValueKind.Number:
                double a = left.GetDouble(), b = right.GetDouble();
                if (Math.Abs(a - b) > 1e-9 * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)))) differences.Add($"{path}: {a} vs {b}");
                break;
            default:
                if (left.ToString() != right.ToString()) differences.Add($"{path}: {left} vs {right}");
                break;
        }
    }
}
