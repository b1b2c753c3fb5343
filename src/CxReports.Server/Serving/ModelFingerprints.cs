using System.Security.Cryptography;
using System.Text;
using CxReports.Dsl.Model;
using CxReports.Dsl.Syntax.Parsing;
using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;

namespace CxReports.Server.Serving;

/// <summary>
/// Fingerprints of the model text a result depends on. A report's result depends on its own declaration and on the
/// shared definitions (sources, metrics, scores, scenarios), never on other reports: editing one report changes
/// only its fingerprint, editing a metric changes them all.
/// </summary>
public static class ModelFingerprints
{
    public sealed record Fingerprints(IReadOnlyDictionary<string, string> Reports, string Shared);

    public static Fingerprints Of(IReadOnlyList<SourceFile> files)
    {
        var reports = new Dictionary<string, string>(StringComparer.Ordinal);
        var shared = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var declaration in CxrParser.ParseFile(file).Value.Declarations)
            {
                var text = TextOf(file, declaration);
                if (declaration is ReportDeclaration) reports[declaration.Name.Text] = text;
                else shared[$"{declaration.Keyword} {declaration.Name.Text}"] = text;
            }
        }
        var sharedHash = Hash(string.Join("\n\u0001", shared.Select(s => s.Key + "\n" + s.Value)));
        return new Fingerprints(reports.ToDictionary(r => r.Key, r => Hash(sharedHash + "\n" + r.Value)), sharedHash);
    }

    /// <summary>The sources whose tables the report's SQL reads (found by planning it; no data is touched).</summary>
    public static IReadOnlySet<string> SourcesOf(SemanticModel model, ReportModel report, TimeProvider time)
    {
        try
        {
            var sql = string.Join("\n", new Engine.Reports.ReportPlanner(model, Engine.Planning.DuckDbDialect.Instance, time)
                .Explain(report, new Engine.Reports.ReportRequest()).Select(p => p.Plan.Sql));
            return model.Sources.Keys.Where(s => sql.Contains(Engine.Warehouse.Sql.Identifier(s), StringComparison.Ordinal)).ToHashSet();
        }
        catch (Exception e) when (e is Engine.Planning.PlanningException or Engine.Reports.ReportArgumentException)
        {
            // A report that cannot be planned with its defaults fails at evaluation anyway; depend on everything.
            return model.Sources.Keys.ToHashSet();
        }
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private static string TextOf(SourceFile file, Declaration declaration)
    {
        var span = declaration.Span;
        return span.Offset >= 0 && span.Length > 0 && span.Offset + span.Length <= file.Text.Length
            ? file.Text.Substring(span.Offset, span.Length)
            : file.Text; // no usable span: the whole file, which can only over-invalidate
    }
}
