using System.Globalization;
using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Tree;
using FieldKind = CxReports.Dsl.Model.FieldKind;
using ValueType = CxReports.Dsl.Model.ValueType;

namespace CxReports.Dsl.Binding;

/// <summary>
/// Binds sources in two steps: first every source's own fields (so links can point anywhere), then what reaches
/// across sources: link targets, lifecycle ends in linked sources, dimensions and recurring revenue.
/// </summary>
internal sealed class SourceBinder(BinderContext context)
{
    private static readonly Dictionary<string, SourceFormat> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".csv"] = SourceFormat.Csv, [".tsv"] = SourceFormat.Tsv, [".parquet"] = SourceFormat.Parquet,
        [".json"] = SourceFormat.Json, [".ndjson"] = SourceFormat.Ndjson, [".jsonl"] = SourceFormat.Ndjson,
    };

    private static readonly HashSet<string> KnownOptions =
        ["delimiter", "header", "quote", "escape", "encoding", "timezone", "skip", "null", "max_shrink"];

    public void BindAll()
    {
        var declarations = context.DeclarationsOf<SourceDeclaration>().ToArray();
        foreach (var declaration in declarations)
            context.Sources[declaration.Name.Text] = BindOwnFields(declaration);
        foreach (var declaration in declarations)
            context.Sources[declaration.Name.Text] = BindCrossSource(declaration, context.Sources[declaration.Name.Text]);
    }

    private SourceModel BindOwnFields(SourceDeclaration declaration)
    {
        var name = declaration.Name.Text;
        if (Rules.DataPathProblem(declaration.Path.Value) is { } problem)
            context.Error(DiagnosticCode.PathOutsideData, declaration.Path.Span, $"source '{name}' path \"{declaration.Path.Value}\": {problem}");

        var fields = new List<FieldModel>();
        foreach (var member in declaration.Members)
        {
            FieldModel? field = member switch
            {
                FieldMember f => BindField(name, f),
                LinkMember l => new FieldModel(name, l.Name.Text, l.FileColumn?.Value ?? l.Name.Text, FieldKind.Link, ValueType.Unknown, l.Span)
                {
                    LinkTarget = l.Target.Text,
                    Required = l.Required,
                    Label = new LabelBinder(context).Bind($"link '{l.Name.Text}'", l.Label, l.LocaleLabels),
                },
                _ => null,
            };
            if (field is null) continue;
            if (fields.FirstOrDefault(f => f.Name == field.Name) is { } existing)
            {
                var at = member switch { FieldMember f => f.Name.Span, LinkMember l => l.Name.Span, _ => field.Span };
                context.Error(DiagnosticCode.DuplicateName, at, $"field '{field.Name}' is already declared in source '{name}' at line {existing.Span.Line}");
                continue;
            }
            fields.Add(field);
        }
        if (fields.Count(f => f.Kind == FieldKind.Key) > 1)
            context.Error(DiagnosticCode.DuplicateName, fields.Where(f => f.Kind == FieldKind.Key).ElementAt(1).Span,
                $"source '{name}' declares more than one key", "a source has at most one key field");

        return new SourceModel(name, declaration.Path.Value, FormatOf(declaration), BindOptions(declaration), fields, declaration.Span)
        {
            Label = new LabelBinder(context).Bind($"source '{name}'", declaration.Label, declaration.LocaleLabels),
        };
    }

    private FieldModel BindField(string source, FieldMember member)
    {
        var kind = member.Kind switch
        {
            Syntax.Tree.FieldKind.Key => FieldKind.Key,
            Syntax.Tree.FieldKind.Time => FieldKind.Time,
            _ => FieldKind.Column,
        };
        var declared = member.Type is null ? (ValueType?)null : ValueTypes.Parse(member.Type.Text);
        if (member.Type is not null && declared is null)
            context.Error(DiagnosticCode.TypeMismatch, member.Type.Span, $"unknown type '{member.Type.Text}'",
                DidYouMean.Hint(member.Type.Text, ["text", "integer", "decimal", "boolean", "date", "timestamp"])
                ?? "types are text, integer, decimal, boolean, date and timestamp");
        if (kind == FieldKind.Time && declared is not (null or ValueType.Date or ValueType.Timestamp))
            context.Error(DiagnosticCode.TypeMismatch, member.Type!.Span, $"time field '{member.Name.Text}' must be a date or timestamp, not {member.Type.Text}");

        // A declared field without a type is loaded as text, so it is text to every check (`city = 9` is a mismatch).
        var type = declared ?? (kind == FieldKind.Time ? ValueType.Timestamp : ValueType.Text);
        var field = new FieldModel(source, member.Name.Text, member.FileColumn?.Value ?? member.Name.Text, kind, type, member.Span)
        {
            Format = member.Format?.Value,
            Required = kind == FieldKind.Key,
            TypeDeclared = declared is not null,
            Label = new LabelBinder(context).Bind($"field '{member.Name.Text}'", member.Label, member.LocaleLabels),
        };
        if (member.Thousands is { } thousands)
        {
            if (NumberFormatRules.ThousandsProblem(member.Name.Text, thousands.Value, member.Format?.Value, type) is { } problem)
                context.Error(DiagnosticCode.InvalidSetting, thousands.Span, problem.Message, problem.Hint);
            field = field with { Thousands = thousands.Value };
        }
        foreach (var constraint in member.Constraints)
            field = ApplyConstraint(field, constraint);
        return new ValueLabelBinder(context).Bind(field, member.Constraints.OfType<LabelsConstraint>().ToArray());
    }

    private FieldModel ApplyConstraint(FieldModel field, Constraint constraint)
    {
        switch (constraint)
        {
            case RequiredConstraint:
                return field with { Required = true };
            case RangeConstraint range:
                var low = Constant(range.Low);
                var high = Constant(range.High);
                if (low is not decimal lo || high is not decimal hi)
                {
                    context.Error(DiagnosticCode.TypeMismatch, range.Span, "a range needs two numbers: range lo .. hi");
                    return field;
                }
                if (!field.Type.IsNumeric())
                    context.Error(DiagnosticCode.TypeMismatch, range.Span, $"range applies to numbers, but '{field.Name}' is {field.Type.Describe()}");
                if (lo > hi)
                    context.Error(DiagnosticCode.InvalidSetting, range.Span, $"range {lo} .. {hi} is empty", $"write range {hi} .. {lo}");
                return field with { Range = (lo, hi) };
            case InConstraint choices:
                return field with { Choices = choices.Values.Select(Constant).OfType<object>().ToArray() };
            case DefaultConstraint d:
                var value = Constant(d.Value);
                if (value is not null && !Compatible(field.Type, value))
                    context.Error(DiagnosticCode.TypeMismatch, d.Value.Span, $"default {context.TextOf(d.Value)} does not fit {field.Type.Describe()} field '{field.Name}'");
                return field with { Default = value };
            default:
                return field;
        }
    }

    private SourceModel BindCrossSource(SourceDeclaration declaration, SourceModel source)
    {
        var fields = source.Fields.ToList();
        foreach (var link in declaration.Members.OfType<LinkMember>())
        {
            if (!context.Sources.TryGetValue(link.Target.Text, out var target))
            {
                context.UnknownName(link.Target, "source", link.Target.Text, context.Sources.Keys);
                continue;
            }
            if (target.Key is not { } key)
            {
                context.Error(DiagnosticCode.LinkTargetWithoutKey, link.Target.Span, $"link '{link.Name.Text}' points to '{target.Name}', which has no key",
                    $"declare `key <field>` in source '{target.Name}'");
                continue;
            }
            var index = fields.FindIndex(f => f.Name == link.Name.Text && f.Kind == FieldKind.Link);
            if (index >= 0) fields[index] = fields[index] with { Type = key.Type };
        }
        source = source with { Fields = fields };

        var expressions = new ExpressionBinder(context, null);
        foreach (var dimension in declaration.Members.OfType<DimensionMember>())
        {
            if (source.Field(dimension.Name.Text) is not null)
            {
                context.Error(DiagnosticCode.DuplicateName, dimension.Name.Span, $"field '{dimension.Name.Text}' is already declared in source '{source.Name}'");
                continue;
            }
            var value = expressions.BindRow(dimension.Value, RowScope.Of(source));
            var field = new FieldModel(source.Name, dimension.Name.Text, dimension.Name.Text, FieldKind.Dimension, value.Type, dimension.Span)
            {
                Derivation = value,
                Label = new LabelBinder(context).Bind($"dimension '{dimension.Name.Text}'", dimension.Label, dimension.LocaleLabels),
            };
            context.Expansions.CheckDimension(field, dimension.Value);
            fields.Add(field);
        }
        source = source with { Fields = fields.ToArray() };

        if (declaration.Members.OfType<LifecycleMember>().FirstOrDefault() is { } lifecycle)
            source = source with { Lifecycle = BindLifecycle(source, lifecycle) };
        if (declaration.Members.OfType<RecurringMember>().FirstOrDefault() is { } recurring)
            source = source with { Recurring = BindRecurring(source, recurring, expressions) };
        return source;
    }

    private LifecycleModel? BindLifecycle(SourceModel source, LifecycleMember member)
    {
        var start = OwnTimeField(source, member.Start);
        FieldModel? end = null, endLink = null;
        if (member.End is { } endPath)
        {
            if (endPath.Segments.Length == 1)
            {
                end = OwnTimeField(source, endPath);
            }
            else if (!context.Sources.TryGetValue(endPath.Segments[0].Text, out var other))
            {
                context.UnknownName(endPath.Segments[0], "source", endPath.Segments[0].Text, context.Sources.Keys);
            }
            else
            {
                endLink = other.Links.FirstOrDefault(l => l.LinkTarget == source.Name);
                end = other.Field(endPath.Segments[1].Text);
                if (endLink is null)
                    context.Error(DiagnosticCode.Unreachable, endPath.Span, $"source '{other.Name}' has no link to '{source.Name}', so its dates cannot end the lifecycle of '{source.Name}'",
                        $"add `link <name> = <column> -> {source.Name}` to source '{other.Name}'");
                else if (end is null)
                    context.UnknownName(endPath.Segments[1], "field", endPath.Segments[1].Text, other.Fields.Select(f => f.Name), owner: $"source '{other.Name}'");
                else if (!end.Type.IsTemporal())
                    context.Error(DiagnosticCode.TypeMismatch, endPath.Span, $"lifecycle end '{endPath.Text}' must be a date or timestamp, not {end.Type.Describe()}");
            }
        }
        return start is null ? null : new LifecycleModel(start, end, endLink);
    }

    private FieldModel? OwnTimeField(SourceModel source, PathExpression path)
    {
        var field = path.Segments.Length == 1 ? source.Field(path.Segments[0].Text) : null;
        if (field is null)
        {
            context.UnknownName(path, "field", path.Text, source.Fields.Select(f => f.Name), owner: $"source '{source.Name}'");
            return null;
        }
        if (!field.Type.IsTemporal())
        {
            context.Error(DiagnosticCode.TypeMismatch, path.Span, $"lifecycle date '{field.Name}' must be a date or timestamp, not {field.Type.Describe()}");
            return null;
        }
        return field;
    }

    private RecurringModel? BindRecurring(SourceModel source, RecurringMember member, ExpressionBinder expressions)
    {
        if (member.Per.Text != "month")
            context.Error(DiagnosticCode.InvalidSetting, member.Per.Span, $"recurring revenue is per month, not per {member.Per.Text}", "write `recurring amount per month`");
        var amount = source.Field(member.Field.Text);
        if (amount is null)
        {
            context.UnknownName(member.Field, "field", member.Field.Text, source.Fields.Select(f => f.Name), owner: $"source '{source.Name}'");
            return null;
        }
        if (!amount.Type.IsNumeric())
            context.Error(DiagnosticCode.TypeMismatch, member.Field.Span, $"recurring amount '{amount.Name}' must be a number, not {amount.Type.Describe()}");
        var entity = source.Links.FirstOrDefault(l => l.LinkTarget is { } t && context.Sources.TryGetValue(t, out var s) && s.Fields.Count > 0);
        if (entity is null)
        {
            context.Error(DiagnosticCode.NoRecurring, member.Span, $"recurring revenue in '{source.Name}' needs a link to the paying customer",
                "add `link customer = <column> -> customers`");
            return null;
        }
        var where = member.Where is null ? null : expressions.BindCondition(member.Where, RowScope.Of(source));
        return new RecurringModel(amount, entity, where);
    }

    private SourceFormat FormatOf(SourceDeclaration declaration)
    {
        if (declaration.Format is { } written)
        {
            if (Enum.TryParse<SourceFormat>(written.Text, ignoreCase: true, out var format) && written.Text == written.Text.ToLowerInvariant())
                return format;
            context.Error(DiagnosticCode.InvalidSetting, written.Span, $"unknown format '{written.Text}'", "formats are csv, tsv, parquet, json and ndjson");
            return SourceFormat.Csv;
        }
        var extension = Path.GetExtension(declaration.Path.Value);
        if (Extensions.TryGetValue(extension, out var byExtension)) return byExtension;
        context.Error(DiagnosticCode.InvalidSetting, declaration.Path.Span, $"cannot tell the format of \"{declaration.Path.Value}\" from its extension",
            "name the format: `source x from \"file.txt\" format csv`");
        return SourceFormat.Csv;
    }

    private SourceOptions BindOptions(SourceDeclaration declaration)
    {
        var options = SourceOptions.None;
        foreach (var setting in declaration.Members.OfType<OptionsMember>().SelectMany(o => o.Settings))
        {
            var key = setting.Keyword.Text;
            if (!KnownOptions.Contains(key))
            {
                context.Error(DiagnosticCode.InvalidSetting, setting.Keyword.Span, $"unknown option '{key}'",
                    DidYouMean.Hint(key, KnownOptions) ?? $"options are {string.Join(", ", KnownOptions.Order())}");
                continue;
            }
            var value = Constant(setting.Values[0]);
            if (value is null || setting.Values.Length != 1)
            {
                context.Error(DiagnosticCode.InvalidSetting, setting.Span, $"option '{key}' takes one constant value");
                continue;
            }
            var zone = key == "timezone" ? Rules.FindTimeZone(Show(value)) : null;
            if (key == "timezone" && zone is null)
                context.Error(DiagnosticCode.UnknownTimeZone, setting.Values[0].Span, $"unknown time zone \"{Show(value)}\"", DidYouMean.Hint(Show(value), Rules.TimeZoneIds));
            if (key is "delimiter" or "quote" or "escape" && value is not string { Length: 1 })
                context.Error(DiagnosticCode.InvalidSetting, setting.Values[0].Span, $"option '{key}' must be a single character in quotes");
            if (SourceOptionRules.Problem(key, setting.Values[0], value) is { } problem)
                context.Error(DiagnosticCode.InvalidSetting, setting.Values[0].Span, problem.Message, problem.Hint);
            options = With(options, key, value, zone);
        }
        return options;
    }

    /// <summary>
    /// The options with one more, parsed as the loader always read its text: <c>header</c> is true only when written
    /// true, <c>skip</c> counts only when a whole number. A value the checks above refused leaves a placeholder; the
    /// model is not handed out then.
    /// </summary>
    private static SourceOptions With(SourceOptions options, string key, object value, TimeZoneInfo? zone)
    {
        var text = Show(value);
        var character = text.Length > 0 ? text[0] : '\0';
        return key switch
        {
            "delimiter" => options with { Delimiter = character },
            "header" => options with { Header = text == "true" },
            "quote" => options with { Quote = character },
            "escape" => options with { Escape = character },
            "encoding" => options with { Encoding = text.ToLowerInvariant() },
            "timezone" => options with { TimeZone = zone ?? TimeZoneInfo.Utc },
            "skip" => options with { Skip = int.TryParse(text, out var lines) ? lines : null },
            "null" => options with { Null = text },
            "max_shrink" => options with { MaxShrink = value as decimal? },
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "not a known option"),
        };
    }

    /// <summary>The value of a literal written in a constraint or option; null if it is not a constant.</summary>
    internal static object? Constant(Expression expression) => expression switch
    {
        NumberLiteral n => n.Value,
        PercentLiteral p => p.Value,
        StringLiteral s => s.Value,
        DateLiteral d => d.Value,
        PathExpression { Segments.Length: 1 } p when p.Text is "true" or "false" => p.Text == "true",
        UnaryExpression { Operator: Syntax.Tree.UnaryOperator.Negate, Operand: var inner } => Constant(inner) is decimal v ? -v : null,
        _ => null,
    };

    internal static bool Compatible(ValueType type, object value) => value switch
    {
        decimal => type.IsNumeric(),
        string => type is ValueType.Text or ValueType.Unknown,
        bool => type is ValueType.Boolean or ValueType.Unknown,
        DateOnly => type.IsTemporal(),
        _ => false,
    };

    internal static string Show(object value) => value switch
    {
        string s => s,
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
