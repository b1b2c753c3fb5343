using CxReports.Dsl.Binding;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Formatting;
using CxReports.Dsl.Syntax.Parsing;
using CxReports.Dsl.Tests.Limits;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>
/// CXR031 nested too deeply and CXR032 too large once metrics are written out. The inputs are the ones that used to
/// overflow the stack and end the process; each now gets one diagnostic at the place the limit is crossed, and
/// is run on a 1 MiB stack (<see cref="SmallStack"/>), smaller than any thread CxReports parses on.
/// </summary>
public class LimitDiagnosticsTests
{
    private const string NestingHint = "split it into metrics or dimensions, or remove parentheses, '-' and 'not' that cancel out";
    private const string ChainHint = "split a long chain of operators into metrics or dimensions of a few dozen terms each";
    private const string ExpandedHint = "define it from aggregates and fields directly rather than through a long chain of metrics or dimensions";

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    private static IReadOnlyList<Diagnostic> CompileOnSmallStack(string text) => SmallStack.Run(() => Cxr.Compile(text));

    [Fact]
    public void Query_of_640_nested_calls_is_one_diagnostic_at_the_first_parenthesis_too_deep()
    {
        var query = Repeat("a(", 640) + Repeat(")", 640);
        Assert.Equal(1920, query.Length);

        var diagnostics = SmallStack.Run(() => Cxr.Query(query));

        // 98 calls and their innermost argument make 100 levels, so the 99th call's '(' (column 2 * 98 + 2) is too deep.
        Cxr.One(diagnostics).Is(DiagnosticCode.NestedTooDeeply, "<query>:1:198",
            $"expression nests more than {CxrLimits.MaxExpressionDepth} levels deep here", NestingHint);
    }

    [Fact]
    public void Nested_parentheses_beyond_the_limit_are_a_diagnostic_at_the_first_too_deep_one()
    {
        var text = "metric m = " + Repeat("(", 1100) + "1" + Repeat(")", 1100);

        // "metric m = " is 11 characters; the 100th '(' is column 111.
        Cxr.One(CompileOnSmallStack(text)).Is(DiagnosticCode.NestedTooDeeply, "x.cxr:1:111",
            "expression nests more than 100 levels deep here", NestingHint);
    }

    [Fact]
    public void Ninety_nine_parentheses_around_a_value_are_within_the_limit()
    {
        Assert.Empty(CompileOnSmallStack("metric m = " + Repeat("(", 99) + "nps" + Repeat(")", 99)));
    }

    [Fact]
    public void A_31_KB_chain_of_additions_is_one_diagnostic_at_the_operand_that_crosses_the_limit()
    {
        var text = "metric m = 1" + Repeat("+1", 15_500);
        Assert.True(text.Length > 31_000);

        // The 100th '+' makes the 101st level; its right operand, the 101st '1', is at column 11 + 2 * 100 + 1.
        Cxr.One(CompileOnSmallStack(text)).Is(DiagnosticCode.NestedTooDeeply, "x.cxr:1:212",
            "expression nests more than 100 levels deep here", ChainHint);
    }

    [Fact]
    public void A_chain_of_99_operators_is_within_the_limit_and_formats_back_to_itself()
    {
        var text = "metric m = nps" + Repeat(" + 1", 99) + "\n";
        Assert.Empty(CompileOnSmallStack(text));
        var formatted = SmallStack.Run(() => CxrFormatter.Format(CxrParser.ParseFile(new SourceFile("x.cxr", text)).Value));
        Assert.Equal(text, formatted);
    }

    [Fact]
    public void Long_chains_of_and_and_or_in_a_condition_are_refused_the_same_way()
    {
        var condition = "responses.score > 1" + Repeat(" and responses.score > 1", 3000);
        var diagnostic = Cxr.One(CompileOnSmallStack("metric m = count(responses) where " + condition));
        Assert.Equal(DiagnosticCode.NestedTooDeeply, diagnostic.Code);
    }

    [Fact]
    public void A_long_run_of_minus_signs_is_one_diagnostic_at_the_first_too_deep_one()
    {
        var text = "metric m = " + Repeat("- ", 5000) + "nps";

        // 98 minus signs and their operand make 99 levels; the 99th '-' (column 11 + 2 * 98 + 1) is refused.
        Cxr.One(CompileOnSmallStack(text)).Is(DiagnosticCode.NestedTooDeeply, "x.cxr:1:208",
            "expression nests more than 100 levels deep here", NestingHint);
    }

    [Fact]
    public void A_long_run_of_not_is_one_diagnostic_at_the_first_too_deep_one()
    {
        var query = "nps where " + Repeat("not ", 450) + "score > 1";
        Assert.True(query.Length < 2000);

        // "nps where " is 10 characters; the 99th `not` starts at column 11 + 4 * 98.
        Cxr.One(SmallStack.Run(() => Cxr.Query(query))).Is(DiagnosticCode.NestedTooDeeply, "<query>:1:403",
            "expression nests more than 100 levels deep here", NestingHint);
    }

    [Fact]
    public void Deep_lists_and_call_arguments_in_a_source_are_refused_without_recursing()
    {
        var text = "source s from \"s.csv\" {\n  column c in (" + Repeat("(", 3000) + "1" + Repeat(")", 3000) + ")\n}";
        Assert.Contains(CompileOnSmallStack(text), d => d.Code == DiagnosticCode.NestedTooDeeply && d.Span.Line == 2);
    }

    [Fact]
    public void A_chain_of_metrics_each_using_the_last_is_refused_once_where_it_crosses_the_limit()
    {
        // m0 is one level; each metric adds one (its +), so m250 is the first with 251 levels.
        var lines = new List<string> { "metric m0 = count(responses)" };
        for (var i = 1; i <= 400; i++) lines.Add($"metric m{i} = m{i - 1} + 1");

        Cxr.One(CompileOnSmallStack(string.Join("\n", lines))).Is(DiagnosticCode.NestedTooDeeply, "x.cxr:251:15",
            "metric 'm250' nests more than 250 levels deep with the metrics and dimensions it uses written out", ExpandedHint);
    }

    [Fact]
    public void A_chain_of_metrics_written_backwards_stops_the_binder_recursion_at_the_limit()
    {
        // Binding m2000 binds m1999 first, and so on: the binder itself would recurse 2000 metrics deep.
        var lines = new List<string>();
        for (var i = 2000; i >= 1; i--) lines.Add($"metric m{i} = m{i - 1} + 1");
        lines.Add("metric m0 = count(responses)");

        var diagnostics = CompileOnSmallStack(string.Join("\n", lines));

        // Each metric is two levels (its + and the name it uses): the 126th, m1875 on line 126, reaches level 251 at
        // the name m1874 (column 16). The metrics after the cut are bound from there and cut again every 126.
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCode.NestedTooDeeply, d.Code));
        diagnostics[0].Is(DiagnosticCode.NestedTooDeeply, "x.cxr:126:16",
            "expression nests more than 250 levels deep with the metrics it uses written out (metric 'm2000' uses 'm1999', 126 metrics deep)",
            "define the metrics from aggregates directly rather than through a long chain of other metrics");
        Assert.Equal(2000 / 126, diagnostics.Count);
    }

    [Fact]
    public void Metrics_that_each_use_the_last_twice_are_refused_where_they_pass_ten_thousand_parts()
    {
        // nps is nps(responses.score), 2 parts, and so is e0; e(i) = e(i-1) + e(i-1) has 2 * size + 1 parts:
        // 3 * 2^i - 1, so e11 has 6,143 and e12 12,287, the first over 10,000.
        var lines = new List<string> { "metric e0 = nps" };
        for (var i = 1; i <= 20; i++) lines.Add($"metric e{i} = e{i - 1} + e{i - 1}");

        Cxr.One(CompileOnSmallStack(string.Join("\n", lines))).Is(DiagnosticCode.ExpandsTooLarge, "x.cxr:13:14",
            "metric 'e12' has more than 10,000 parts with the metrics and dimensions it uses written out",
            "a metric that uses another several times doubles in size at each step; use each metric once or define fewer layers");
    }

    [Fact]
    public void A_chain_of_dimensions_is_refused_where_it_crosses_the_limit()
    {
        var lines = new List<string> { "source d from \"d.csv\" {", "  key id", "  column v: integer", "  dimension d0 = v + 1" };
        for (var i = 1; i <= 300; i++) lines.Add($"  dimension d{i} = d{i - 1} + 1");
        lines.Add("}");

        // d0 is 2 levels (v + 1) and each next one adds its +, so d249 is the first with 251; line 4 + 249, column 20.
        Cxr.One(CompileOnSmallStack(string.Join("\n", lines))).Is(DiagnosticCode.NestedTooDeeply, "x.cxr:253:20",
            "dimension 'd249' nests more than 250 levels deep with the metrics and dimensions it uses written out", ExpandedHint);
    }

    [Fact]
    public void A_query_over_a_metric_at_the_limit_adds_its_own_levels_and_is_refused()
    {
        var lines = new List<string> { "metric m0 = count(responses)" };
        for (var i = 1; i <= 249; i++) lines.Add($"metric m{i} = m{i - 1} + 1");
        var model = ModelBinder.Compile([Cxr.ModelFile, new SourceFile("x.cxr", string.Join("\n", lines))]);
        Assert.Empty(model.Diagnostics);

        var (_, diagnostics) = ModelBinder.BindQuery(model.Model!, "m249 + 1 + 1");

        Cxr.One(diagnostics).Is(DiagnosticCode.NestedTooDeeply, "<query>:1:1",
            "this metric nests more than 250 levels deep with the metrics and dimensions it uses written out", ExpandedHint);
    }

    [Fact]
    public void A_lattice_of_metrics_is_refused_once_and_a_block_over_its_top_binds_in_linear_time()
    {
        // a(i) and b(i) each use a(i-1) and b(i-1): 2^60 paths lead from a60 down to a0, through 122 metrics.
        var lines = new List<string> { "metric a0 = nps", "metric b0 = csat_x", "metric csat_x = count(responses)" };
        for (var i = 1; i <= 60; i++)
        {
            lines.Add($"metric a{i} = a{i - 1} + b{i - 1}");
            lines.Add($"metric b{i} = a{i - 1} - b{i - 1}");
        }
        lines.Add("report r {\n  section \"s\" {\n    kpi a60, b60\n  }\n}");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var diagnostics = CompileOnSmallStack(string.Join("\n", lines));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCode.ExpandsTooLarge, d.Code));
    }
}
