using System.Globalization;
using System.Text.RegularExpressions;

namespace CxReports.Server.Tests.Monitoring;

/// <summary>
/// A scrape in the Prometheus text format, read line by line: <c>name{label="value",...} number</c>; comments skipped.
/// Written from the format's description, not from the exporter's code.
/// </summary>
internal sealed partial class PrometheusText
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public IReadOnlyList<Sample> Samples { get; }

    private PrometheusText(IReadOnlyList<Sample> samples) => Samples = samples;

    public static PrometheusText Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a sample line: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["key"].Value, m => Regex.Unescape(m.Groups["value"].Value));
            samples.Add(new Sample(match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }
        return new PrometheusText(samples);
    }

    /// <summary>The sum of the samples named <paramref name="name"/> whose labels include all of <paramref name="labels"/> ("k=v"); 0 when none.</summary>
    public double Sum(string name, params string[] labels) => Matching(name, labels).Sum(s => s.Value);

    public IEnumerable<Sample> Matching(string name, params string[] labels) => Samples.Where(s => s.Name == name && labels.All(l =>
    {
        var (key, value) = (l[..l.IndexOf('=')], l[(l.IndexOf('=') + 1)..]);
        return s.Labels.TryGetValue(key, out var v) && v == value;
    }));

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)( \d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""(?<key>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(\\.|[^"\\])*)",?""")]
    private static partial Regex LabelPair();
}
