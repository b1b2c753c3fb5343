using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;
using FieldKind = CxReports.Dsl.Model.FieldKind;

namespace CxReports.Dsl.Binding;

/// <summary>A diagnostic not yet reported: path resolution is also used to test reachability quietly.</summary>
internal sealed record PendingDiagnostic(DiagnosticCode Code, SourceSpan Span, string Message, string? Hint = null);

/// <summary>
/// Resolves a dotted field path from a root source, following links only. <c>responses.customer.plan</c>,
/// <c>customer.plan</c> and <c>customers.plan</c> (a source reachable through one link) all name the respondent's
/// plan from <c>responses</c>; on <c>customers</c> itself <c>customer.plan</c> means <c>plan</c>.
/// </summary>
internal sealed class PathResolver(IReadOnlyDictionary<string, SourceModel> sources)
{
    public (BoundField? Field, PendingDiagnostic? Problem) Resolve(SourceModel root, PathExpression path, DiagnosticCode unreachable)
    {
        var segments = path.Segments;
        var links = new List<FieldModel>();
        var current = root;
        var index = 0;

        if (segments.Length > 1 && root.Field(segments[0].Text) is null)
        {
            var head = segments[0].Text;
            if (head == root.Name)
            {
                index = 1;
            }
            else if (sources.TryGetValue(head, out var other))
            {
                var link = root.Links.FirstOrDefault(l => l.LinkTarget == other.Name);
                if (link is null)
                    return (null, new PendingDiagnostic(unreachable, path.Span,
                        $"'{path.Text}' is not reachable from source '{root.Name}': no link leads from '{root.Name}' to '{other.Name}'",
                        unreachable == DiagnosticCode.MixedSources
                            ? "aggregate each source on its own and combine the metrics: sum(a.x) - sum(b.y)"
                            : "joins follow declared links only; add a link or group by a field of this source"));
                links.Add(link);
                current = other;
                index = 1;
            }
            else if (sources.Values.Any(s => s.Links.Any(l => l.Name == head && l.LinkTarget == root.Name)))
            {
                // `customer.plan` seen from the customers source itself.
                index = 1;
            }
        }

        for (; index < segments.Length; index++)
        {
            var segment = segments[index];
            var field = current.Field(segment.Text);
            if (field is null)
            {
                var hint = DidYouMean.Hint(segment.Text, current.Fields.Select(f => f.Name));
                if (hint is null && index == 0 && sources.ContainsKey(segment.Text))
                    hint = $"'{segment.Text}' is a source; name one of its fields: {segment.Text}.<field>";
                return (null, new PendingDiagnostic(DiagnosticCode.UnknownName, segment.Span, $"unknown field '{segment.Text}' in source '{current.Name}'", hint));
            }
            if (index == segments.Length - 1)
                return (new BoundField(root.Name, links, field, path.Span), null);
            if (field.Kind != FieldKind.Link || field.LinkTarget is null || !sources.TryGetValue(field.LinkTarget, out var target))
                return (null, new PendingDiagnostic(unreachable, segments[index + 1].Span,
                    $"'{segment.Text}' in source '{current.Name}' is not a link, so '{segments[index + 1].Text}' cannot be reached through it"));
            links.Add(field);
            current = target;
        }
        return (null, new PendingDiagnostic(DiagnosticCode.UnknownName, path.Span, $"'{path.Text}' names a source, not a field"));
    }
}
