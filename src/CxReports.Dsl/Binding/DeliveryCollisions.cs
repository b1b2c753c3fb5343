using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;

namespace CxReports.Dsl.Binding;

/// <summary>
/// Two reports whose folder deliveries name the same file in the same folder would overwrite each other's documents
/// on every run, silently (a copied report keeps its schedule): CXR038 at the later one. A file pattern with
/// <c>{report}</c>, and the default <c>REPORT_DATE.ext</c>, always differ between reports. Folders compare as written:
/// the path rules (CXR019) already refuse every other spelling of one (<c>./cx</c>, <c>cx/</c>, <c>a/../cx</c>).
/// </summary>
internal static class DeliveryCollisions
{
    public static void Check(IEnumerable<ReportModel> reports, BinderContext context)
    {
        var written = new Dictionary<(string Folder, string Stem, string Format), (ReportModel Report, DeliveryModel Delivery)>();
        foreach (var report in reports)
            foreach (var delivery in report.Schedule?.Deliveries.Where(d => d.Kind == DeliveryKind.Folder) ?? [])
            {
                if (delivery.FileName is not { } pattern || pattern.Contains("{report}", StringComparison.Ordinal)) continue;
                var files = delivery.Targets.SelectMany(folder => delivery.Formats.Select(format => (Folder: folder, Stem: Stem(pattern), Format: format.Name()))).ToArray();
                // One finding per delivery: the first file another report already writes.
                if (files.Where(f => written.TryGetValue(f, out var other) && other.Report != report).Take(1).ToArray() is [var clash])
                {
                    var first = written[clash];
                    context.Error(DiagnosticCode.DeliveryCollision, delivery.Span,
                        $"report '{report.Name}' writes {clash.Format} files named \"{pattern}\" into folder \"{clash.Folder}\", as report '{first.Report.Name}' does at {first.Delivery.Span}: each run would overwrite the other's",
                        "put {report} in the file pattern, or deliver into another folder");
                }
                foreach (var file in files) written.TryAdd(file, (report, delivery));
            }
    }

    /// <summary>The pattern without the extension a format replaces (<c>x_{period}.pdf</c> and <c>x_{period}</c> name the same files).</summary>
    private static string Stem(string pattern) =>
        Path.GetExtension(pattern) is { Length: > 0 } ext && ext.TrimStart('.').Length <= 4 ? pattern[..^ext.Length] : pattern;
}
