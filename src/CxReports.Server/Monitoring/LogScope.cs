using System.Collections;

namespace CxReports.Server.Monitoring;

/// <summary>
/// Named values that every log line written inside it carries: the JSON console format writes each as a property of
/// the line's scope (<c>"RunId": "…"</c>), the text format (with scopes on) as <c>RunId:… Report:…</c>.
/// </summary>
public sealed class LogScope(params (string Name, object? Value)[] named) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _values = Array.ConvertAll(named, n => new KeyValuePair<string, object?>(n.Name, n.Value));

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public int Count => _values.Length;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(" ", _values.Select(v => $"{v.Key}:{v.Value}"));
}
