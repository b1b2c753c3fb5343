using System.Security.Cryptography;
using System.Text;
using CxReports.Dsl.Model;
using CxReports.Dsl.Text;

namespace CxReports.Server.Serving;

/// <summary>
/// Fingerprints of the model text a result depends on. A report's result depends on its own declaration and on the
/// shared definitions (sources, metrics, scores, scenarios, the model block's zone, locale and currency), never on other reports: editing one report
/// changes only its fingerprint, editing a metric changes them all. Read from the declarations' spans in the bound
/// model, over the files it was compiled from: nothing is parsed again.
/// </summary>
public static class ModelFingerprints
{
    public sealed record Fingerprints(IReadOnlyDictionary<string, string> Reports, string Shared);

    public static Fingerprints Of(SemanticModel model, IReadOnlyList<SourceFile> files)
    {
        var texts = files.ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
        string TextOf(SourceSpan span) => texts.TryGetValue(span.File, out var text) && span.Offset >= 0 && span.Length > 0 && span.Offset + span.Length <= text.Length
            ? text.Substring(span.Offset, span.Length)
            : text ?? ""; // no usable span: the whole file, which can only over-invalidate

        var shared = new SortedDictionary<string, string>(StringComparer.Ordinal) 
        {
            ["settings"] = $"{model.Settings.TimeZone.Id}\n{model.Settings.Locale.Name}\n{model.Settings.Currency}",
        };
        foreach (var source in model.Sources.Values) shared[$"source {source.Name}"] = TextOf(source.Span);
        foreach (var metric in model.Metrics.Values) shared[$"metric {metric.Name}"] = TextOf(metric.Span);
        foreach (var score in model.Scores.Values) shared[$"score {score.Name}"] = TextOf(score.Span);
        foreach (var scenario in model.Scenarios.Values) shared[$"scenario {scenario.Name}"] = TextOf(scenario.Span);
        var sharedHash = Hash(string.Join("\n\u0001", shared.Select(s => s.Key + "\n" + s.Value)));
        return new Fingerprints(model.Reports.Values.ToDictionary(r => r.Name, r => Hash(sharedHash + "\n" + TextOf(r.Span)), StringComparer.Ordinal), sharedHash);
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
