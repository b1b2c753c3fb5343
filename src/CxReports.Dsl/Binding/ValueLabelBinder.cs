using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Tree;
using ValueType = CxReports.Dsl.Model.ValueType;

namespace CxReports.Dsl.Binding;

/// <summary>
/// Binds a column's <c>labels (CODE as "Label", ...)</c>: each code must fit the column's type and, when the column
/// has an <c>in</c> list, be one of its values; codes and labels are unique and no label is blank, so a reader can
/// tell every code apart on the page.
/// </summary>
internal sealed class ValueLabelBinder(BinderContext context)
{
    public FieldModel Bind(FieldModel field, IReadOnlyList<LabelsConstraint> constraints)
    {
        if (constraints.Count == 0) return field;
        foreach (var extra in constraints.Skip(1))
            context.Error(DiagnosticCode.DuplicateName, extra.Span, $"column '{field.Name}' has labels twice", "write all its labels in one labels (...) list");
        if (field.Type is ValueType.Date or ValueType.Timestamp)
        {
            context.Error(DiagnosticCode.TypeMismatch, constraints[0].Span, $"labels name codes of text, number or boolean columns, but '{field.Name}' is {field.Type.Describe()}");
            return field;
        }

        var labels = new List<ValueLabelModel>();
        var codes = new Dictionary<string, ValueLabel>(StringComparer.Ordinal);
        var names = new Dictionary<string, ValueLabel>(StringComparer.Ordinal);
        var choices = field.Choices?.Select(c => ValueKey.Of(c)!).ToHashSet(StringComparer.Ordinal);
        foreach (var label in constraints[0].Labels)
        {
            var code = SourceBinder.Constant(label.Code);
            if (code is null || code is DateOnly || !SourceBinder.Compatible(field.Type, code))
            {
                context.Error(DiagnosticCode.TypeMismatch, label.Code.Span,
                    $"{context.TextOf(label.Code)} cannot be a value of {field.Type.Describe()} column '{field.Name}'",
                    field.Type == ValueType.Text ? $"write the code as text: \"{context.TextOf(label.Code).Trim('"')}\" as ..." : "write a value of the column's type");
                continue;
            }
            var key = ValueKey.Of(code)!;
            if (choices is not null && !choices.Contains(key))
                context.Error(DiagnosticCode.LabelOutsideChoices, label.Code.Span,
                    $"{context.TextOf(label.Code)} is not among the values column '{field.Name}' accepts (in list)",
                    DidYouMean.Hint(key, choices) ?? "label a value of its in list, or add the value to it");
            if (codes.TryGetValue(key, out var first))
            {
                context.Error(DiagnosticCode.DuplicateLabel, label.Code.Span, $"{context.TextOf(label.Code)} is labelled twice (first at line {first.Span.Line}, column {first.Span.Column})", "keep one label per code");
                continue;
            }
            codes[key] = label;
            var name = label.Label.Value.Trim();
            if (name.Length == 0)
            {
                context.Error(DiagnosticCode.EmptyLabel, label.Label.Span, $"the label of {context.TextOf(label.Code)} is empty", "write the name readers should see, or leave the code unlabelled");
                continue;
            }
            if (names.TryGetValue(name, out var other))
                context.Error(DiagnosticCode.DuplicateLabel, label.Label.Span,
                    $"\"{name}\" labels both {context.TextOf(other.Code)} and {context.TextOf(label.Code)}", "give each code its own label, so readers can tell them apart");
            names.TryAdd(name, label);
            labels.Add(new ValueLabelModel(code, name));
        }
        return field with { Labels = labels };
    }
}
