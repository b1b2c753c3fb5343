using System.Text;
using CxReports.Dsl.Syntax.Tree;
using static CxReports.Dsl.Formatting.ExpressionPrinter;

namespace CxReports.Dsl.Formatting;

/// <summary>
/// Prints a syntax file in the one canonical layout of <c>cxr fmt</c>: two-space indents, one line per member,
/// one blank line between declarations, the author's blank lines inside bodies kept (at most one). Every comment
/// is kept: a comment on a line of its own stays before the node that follows it, a comment after code stays at
/// the end of that line. A top-level <c>currency</c> line, kept by the parser for models written before the model
/// block, is written into the block: into the file's block when it has one without a currency, as a block of its own
/// when the model has none; several currency lines (CXR040) beside a block stay as written.
/// </summary>
public sealed class CxrFormatter
{
    private readonly StringBuilder _out = new();
    private readonly IReadOnlyList<Comment> _comments;
    private int _nextComment;
    private int _lastSourceLine;
    private bool _bodyStart = true;
    private int _indent;

    private readonly string _sourceText;

    /// <summary>The currency line written into a model block instead of where it stood; null when none moves.</summary>
    private readonly CurrencyDeclaration? _movedCurrency;

    /// <summary>The model block the moved currency goes into; null when it becomes a block of its own.</summary>
    private readonly ModelDeclaration? _currencyBlock;

    private CxrFormatter(SyntaxFile file, bool modelBlockInAnotherFile)
    {
        _comments = file.Comments;
        _sourceText = file.Source.Text;
        var block = file.Declarations.OfType<ModelDeclaration>().FirstOrDefault();
        if (block is null && modelBlockInAnotherFile) return; // a block here would be the model's second (CXR070)
        if (block is not null && block.Settings.Any(s => s.Keyword.Text == "currency")) return; // a second currency stays as written: CXR040
        var lines = file.Declarations.OfType<CurrencyDeclaration>().ToArray();
        // Several lines are CXR040 already. A new block stands where the first line stood, so the order is kept; moving
        // the first into a block written elsewhere would change which line the error names.
        if (lines.Length == 0 || lines.Length > 1 && block is not null) return;
        _movedCurrency = lines[0];
        _currencyBlock = block;
    }

    /// <summary>
    /// The file in the canonical layout. <paramref name="modelBlockInAnotherFile"/>: another file of the model holds the
    /// model block, so a currency line here stays a line (a block of its own would be a second block).
    /// </summary>
    public static string Format(SyntaxFile file, bool modelBlockInAnotherFile = false)
    {
        var formatter = new CxrFormatter(file, modelBlockInAnotherFile);
        formatter.PrintFile(file);
        return formatter._out.ToString();
    }

    private void PrintFile(SyntaxFile file)
    {
        Declaration? previous = null;
        foreach (var declaration in file.Declarations)
        {
            if (ReferenceEquals(declaration, _movedCurrency) && _currencyBlock is not null) continue; // written in the block
            // Declarations with bodies stand apart; a run of one-line metrics keeps the author's grouping.
            var forceBlank = previous is not null && (previous is not MetricDeclaration || declaration is not MetricDeclaration);
            if (forceBlank) _out.Append('\n');
            _bodyStart = previous is null || forceBlank;
            Declaration(declaration);
            previous = declaration;
        }
        CommentsBefore(int.MaxValue);
    }

    private void Declaration(Declaration declaration)
    {
        switch (declaration)
        {
            case SourceDeclaration s:
                Open(s, $"source {s.Name.Text}{Label(s.Label)} from {Quote(s.Path.Value)}{(s.Format is { } f ? " format " + f.Text : "")}{LocaleLabels(s.LocaleLabels)}");
                foreach (var member in s.Members) SourceMember(member);
                Close(s);
                break;
            case MetricDeclaration m:
                var metric = $"metric {m.Name.Text}{(m.Label is { } l ? " " + Quote(l.Value) : "")} = {Print(m.Value)}"
                             + (m.Where is { } w ? " where " + Print(w) : "") + (m.Per is { } p ? " per " + p.Text : "");
                if (!m.HasMeaningBlock)
                {
                    Line(m, metric);
                    break;
                }
                Open(m, metric);
                foreach (var item in m.Meaning) Line(item, MeaningItem(item));
                Close(m);
                break;
            case CurrencyDeclaration c when ReferenceEquals(c, _movedCurrency):
                CurrencyAsModelBlock(c);
                break;
            case CurrencyDeclaration c:
                Line(c, Currency(c));
                break;
            case ModelDeclaration m:
                Open(m, "model");
                foreach (var setting in m.Settings) Line(setting, Setting(setting));
                if (ReferenceEquals(m, _currencyBlock) && _movedCurrency is not null) Write(Currency(_movedCurrency), _lastSourceLine);
                Close(m);
                break;
            case ScoreDeclaration s:
                Open(s, $"score {s.Name.Text} for {s.Entity.Text}");
                foreach (var node in s.Components.Cast<SyntaxNode>().Concat(s.Bands).OrderBy(n => n.Span.Offset))
                    Line(node, node switch
                    {
                        ScoreComponent c => $"{c.Name.Text}{Label(c.Label)} weight {Print(c.Weight)} = {Print(c.Value)}"
                                            + (c.Within is { } within ? " within " + Duration(within) : "") + $" scale {Print(c.ScaleFrom)} .. {Print(c.ScaleTo)}"
                                            + LocaleLabels(c.LocaleLabels),
                        ScoreBand b => $"band {b.Name.Text}{Label(b.Label)}" + (b.Operator is { } op ? $" {Symbol(op)} {Print(b.Threshold!)}" : "")
                                       + LocaleLabels(b.LocaleLabels),
                        _ => "",
                    });
                Close(s);
                break;
            case ScenarioDeclaration s:
                Open(s, $"scenario {s.Name.Text}");
                // In the author's order, so comments stay beside their lines.
                foreach (var member in s.Settings.Cast<SyntaxNode>().Concat(s.Measures).OrderBy(m => m.Span.Offset))
                    Line(member, member is ScenarioMeasure m ? $"measure against previous {m.Baseline.Text}" : Setting((Setting)member));
                Close(s);
                break;
            case ReportDeclaration r:
                Open(r, $"report {r.Name.Text}{(r.Title is { } t ? " " + Quote(t.Value) : "")}");
                foreach (var member in r.Members) ReportMember(member);
                Close(r);
                break;
            case AlertDeclaration a:
                Open(a, $"alert {a.Name.Text}{Label(a.Label)}");
                foreach (var member in a.Members) Line(member, AlertLine.Line(member));
                Close(a);
                break;
        }
    }

    private static string Currency(CurrencyDeclaration currency) => $"currency {Quote(currency.Code.Value)}";

    /// <summary><c>currency "TRY"</c> written as the model block <c>model { currency "TRY" }</c>, its comments kept.</summary>
    private void CurrencyAsModelBlock(CurrencyDeclaration currency)
    {
        CommentsBefore(currency.Span.Offset);
        BlankLineIfAuthorHadOne(currency.Span.Line);
        Write("model {", currency.Span.Line);
        _indent++;
        Write(Currency(currency), currency.Span.Line);
        TrailingComments(currency.Span.Line);
        _indent--;
        Write("}", currency.Span.Line);
        _bodyStart = false;
    }

    private static string MeaningItem(MeaningItem item) => item switch
    {
        UnitItem u => $"unit {u.Unit.Text}",
        DecimalsItem d => $"decimals {Print(d.Count)}",
        DirectionItem { Word.Text: "neutral" } => "neutral",
        DirectionItem d => $"{d.Word.Text} is better",
        RelativeChangeItem r => r.Allowed ? "relative change" : "no relative change",
        LabelItem l => $"label {Quote(l.Locale.Value)} {Quote(l.Text.Value)}",
        _ => throw new ArgumentOutOfRangeException(nameof(item), item.GetType().Name, "not a meaning line"),
    };

    /// <summary>A label written after a name (<c>column city "Şehir"</c>), with its leading space; empty without one.</summary>
    private static string Label(StringLiteral? label) => label is null ? "" : " " + Quote(label.Value);

    /// <summary>The labels per locale at the end of a field, dimension, component or band line, each with its leading space.</summary>
    private static string LocaleLabels(IEnumerable<LabelItem> labels) => string.Concat(labels.Select(l => " " + MeaningItem(l)));

    private void SourceMember(SourceMember member)
    {
        switch (member)
        {
            case OptionsMember o:
                Open(o, "options");
                foreach (var setting in o.Settings) Line(setting, Setting(setting));
                Close(o);
                break;
            case FieldMember f:
                var text = new StringBuilder($"{f.Kind.ToString().ToLowerInvariant()} {f.Name.Text}{Label(f.Label)}");
                if (f.FileColumn is { } column) text.Append(" = ").Append(Quote(column.Value));
                if (f.Type is { } type) text.Append(": ").Append(type.Text);
                if (f.Format is { } format) text.Append(" format ").Append(Quote(format.Value));
                if (f.Thousands is { } thousands) text.Append(" thousands ").Append(Quote(thousands.Value));
                foreach (var constraint in f.Constraints) text.Append(' ').Append(Constraint(constraint));
                text.Append(LocaleLabels(f.LocaleLabels));
                Line(f, text.ToString());
                break;
            case LinkMember l:
                Line(l, $"link {l.Name.Text}{Label(l.Label)}{(l.FileColumn is { } c ? " = " + ColumnName(c.Value) : "")} -> {l.Target.Text}{(l.Required ? " required" : "")}{LocaleLabels(l.LocaleLabels)}");
                break;
            case LifecycleMember l:
                Line(l, $"lifecycle {l.Start.Text}{(l.End is { } e ? " .. " + e.Text : "")}");
                break;
            case DimensionMember d:
                Line(d, $"dimension {d.Name.Text}{Label(d.Label)} = {Print(d.Value)}{LocaleLabels(d.LocaleLabels)}");
                break;
            case RecurringMember r:
                Line(r, $"recurring {r.Field.Text} per {r.Per.Text}{(r.Where is { } w ? " where " + Print(w) : "")}");
                break;
        }
    }

    private static string Constraint(Constraint constraint) => constraint switch
    {
        RequiredConstraint => "required",
        RangeConstraint r => $"range {Print(r.Low)} .. {Print(r.High)}",
        InConstraint i => $"in ({string.Join(", ", i.Values.Select(Print))})",
        DefaultConstraint d => $"default {Print(d.Value)}",
        LabelsConstraint l => $"labels ({string.Join(", ", l.Labels.Select(v => $"{Print(v.Code)} as {Quote(v.Label.Value)}"))})",
        _ => "",
    };

    /// <summary>A link's file column stays bare when it is a plain name, quoted otherwise.</summary>
    private static string ColumnName(string column) =>
        column.Length > 0 && (char.IsLetter(column[0]) || column[0] == '_') && column.All(c => char.IsLetterOrDigit(c) || c == '_')
            ? column : Quote(column);

    private static string Setting(Setting setting) =>
        $"{setting.Keyword.Text} {string.Join(", ", setting.Values.Select((v, i) => i == 0 && ReadsAsMeasure(setting, Print(v)) ? $"({Print(v)})" : Print(v)))}"
        + (setting.Per is { } p ? " per " + p.Text : "");

    /// <summary>
    /// A setting named <c>measure</c> whose first value begins with the word <c>against</c> (written <c>measure
    /// (against)</c>) would read back as a scenario's <c>measure against previous ...</c> clause: that value keeps
    /// parentheses.
    /// </summary>
    private static bool ReadsAsMeasure(Setting setting, string firstValue) =>
        setting.Keyword.Text == "measure" && firstValue.StartsWith("against", StringComparison.Ordinal)
        && (firstValue.Length == 7 || !(char.IsLetterOrDigit(firstValue[7]) || firstValue[7] == '_'));

    private void ReportMember(ReportMember member)
    {
        switch (member)
        {
            case ReportSetting s:
                Line(s, Setting(s.Setting));
                break;
            case PeriodMember { Period: FixedPeriod f } p:
                Line(p, $"period {Print(f.From)} .. {Print(f.To)}");
                break;
            case PeriodMember { Period: RelativePeriod r } p:
                var unit = r.Unit.ToString().ToLowerInvariant();
                Line(p, r.Count is { } n ? $"period {r.Anchor.Text} {n} {unit}{(n == 1 ? "" : "s")}" : $"period {r.Anchor.Text} {unit}");
                break;
            case ParamMember p:
                Line(p, $"param {p.Name.Text}: {p.Type.Text}{(p.Default is { } d ? " = " + Print(d) : "")}"
                        + (p.Choices.Length > 0 ? $" in ({string.Join(", ", p.Choices.Select(Print))})" : ""));
                break;
            case FilterMember f:
                Line(f, $"filter {Print(f.Condition)}{(f.Unless is { } u ? " unless " + Print(u) : "")}");
                break;
            case ScheduleMember s:
                Open(s, $"schedule {Quote(s.Cron.Value)}{(s.TimeZone is { } z ? " timezone " + Quote(z.Value) : "")}");
                foreach (var item in s.Items) Line(item, ScheduleItem(item));
                Close(s);
                break;
            case SectionMember s:
                Open(s, $"section {Quote(s.Title.Value)}");
                foreach (var block in s.Blocks) Line(block, Block(block));
                Close(s);
                break;
        }
    }

    private static string ScheduleItem(ScheduleItem item) => item switch
    {
        Delivery d => $"{d.Kind.Text} {string.Join(", ", d.Targets.Select(t => Quote(t.Value)))}"
                      + (d.Formats.Length > 0 ? " as " + string.Join(", ", d.Formats.Select(f => f.Text)) : "")
                      + (d.Subject is { } s ? " subject " + Quote(s.Value) : "")
                      + (d.FileName is { } f ? " file " + Quote(f.Value) : ""),
        _ => "skip when empty",
    };

    private static string Block(Block block)
    {
        var head = block.Keyword + (block is ChartBlock c ? " " + c.Kind.Text : "")
                   + (block.Title is { } t ? " " + Quote(t.Value) : "") + (block.Id is { } id ? $" {id.Text}:" : "");
        return block switch
        {
            KpiBlock k => $"{head} {string.Join(", ", k.Metrics.Select((m, i) => Print(m) + (k.Moments.IsEmpty || k.Moments[i] is not { } at ? "" : " at " + at.Text)))}{(k.Compare is { } cmp ? " compare previous " + cmp.Text : "")}",
            ChartBlock ch => $"{head} {Query(ch.Query)}",
            TableBlock tb => $"{head} {Query(tb.Query)}",
            CohortBlock co => $"{head} {co.Source.Text} by {co.Grain.Text} over {Print(co.Over)}",
            ScoresBlock sc => $"{head} {sc.Score.Text}{(sc.Where is { } w ? " where " + Print(w) : "")}{Top(sc.Top)}"
                + string.Concat(sc.ThenBy.Select(k => $", {Print(k.By)}{(k.Ascending ? " asc" : "")}"))
                + (sc.Show.Length > 0 ? " show " + string.Join(", ", sc.Show.Select(p => p.Text)) : "")
                + (sc.Empty is { } empty ? " empty " + Quote(empty.Value) : ""),
            ScenarioBlock sn => $"{head} {sn.Scenario.Text}",
            TextBlock tx => $"{head} {Quote(tx.Text.Value)}",
            _ => head,
        };
    }

    /// <summary>A query in canonical form; also what <c>cxr query</c> echoes.</summary>
    public static string Query(Query query) =>
        string.Join(", ", query.Metrics.Select(Print))
        + (query.Dimensions.Length > 0 ? " by " + string.Join(", ", query.Dimensions.Select(d => d.Text)) : "")
        + (query.Where is { } w ? " where " + Print(w) : "")
        + (query.Order.Length > 0 ? " order by " + string.Join(", ", query.Order.Select(k => Print(k.Column) + (k.Descending ? " desc" : ""))) : "")
        + Top(query.Top);

    private static string Top(TopClause? top) =>
        top is null ? "" : $" top {Print(top.Count)}{(top.By is { } by ? " by " + Print(by) : "")}{(top.Ascending ? " asc" : "")}";

    // ---- layout and comments ---------------------------------------------------------------------------

    private void Open(SyntaxNode node, string header)
    {
        Line(node, header + " {", trailingOnLine: node.Span.Line);
        _indent++;
        _bodyStart = true;
    }

    private void Close(SyntaxNode node)
    {
        var end = node.Span.Offset + node.Span.Length;
        CommentsBefore(end);
        _indent--;
        var closingLine = LineOfOffset(node, end);
        Write("}", closingLine);
        TrailingComments(closingLine);
        _bodyStart = false;
    }

    private void Line(SyntaxNode node, string text, int? trailingOnLine = null)
    {
        CommentsBefore(node.Span.Offset);
        BlankLineIfAuthorHadOne(node.Span.Line);
        Write(text, node.Span.Line);
        TrailingComments(trailingOnLine ?? LastLineOf(node));
        _bodyStart = false;
    }

    private void CommentsBefore(int offset)
    {
        while (_nextComment < _comments.Count && _comments[_nextComment].Span.Offset < offset)
        {
            var comment = _comments[_nextComment++];
            BlankLineIfAuthorHadOne(comment.Span.Line);
            Write(comment.Text.TrimEnd(), comment.Span.Line);
            _bodyStart = false;
        }
    }

    private void TrailingComments(int line)
    {
        while (_nextComment < _comments.Count && _comments[_nextComment].Span.Line == line)
        {
            _out.Length--; // drop the newline to append on the same line
            _out.Append("  ").Append(_comments[_nextComment++].Text.TrimEnd()).Append('\n');
        }
    }

    private void BlankLineIfAuthorHadOne(int line)
    {
        if (!_bodyStart && line > _lastSourceLine + 1) _out.Append('\n');
    }

    private void Write(string text, int sourceLine)
    {
        _out.Append(' ', _indent * 2).Append(text).Append('\n');
        _lastSourceLine = Math.Max(_lastSourceLine, sourceLine);
    }

    private int LastLineOf(SyntaxNode node) => LineOfOffset(node, node.Span.Offset + Math.Max(0, node.Span.Length - 1));

    /// <summary>The source line of an offset inside a node, counted from the node's own first line.</summary>
    private int LineOfOffset(SyntaxNode node, int offset)
    {
        var line = node.Span.Line;
        var text = _sourceText;
        for (var i = node.Span.Offset; i < Math.Min(offset, text.Length); i++)
            if (text[i] == '\n') line++;
        return line;
    }
}
