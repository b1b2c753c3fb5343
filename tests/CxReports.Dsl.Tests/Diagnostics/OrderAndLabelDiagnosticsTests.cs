using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>
/// <c>order by</c> and value labels: CXR045 a key that is not a column of the query, CXR046 a column ordered twice,
/// CXR047 a label for a value outside the column's <c>in</c> list, CXR048 a code or label given twice, CXR049 an empty
/// label; and what binds cleanly.
/// </summary>
public class OrderAndLabelDiagnosticsTests
{
    // ---- CXR045 unknown order key --------------------------------------------------------------------------------

    [Fact]
    public void Order_by_a_misspelt_column_suggests_the_column()
    {
        Cxr.SingleInQuery("nps, responses_n by channel order by responses_m desc").Is(DiagnosticCode.UnknownOrderKey, "<query>:1:38",
            "cannot order by 'responses_m': it is not a column of this query", "did you mean 'responses_n'?");
    }

    [Fact]
    public void Order_by_a_metric_that_is_not_in_the_query_lists_the_columns()
    {
        Cxr.SingleInQuery("nps by channel order by arpa").Is(DiagnosticCode.UnknownOrderKey, "<query>:1:25",
            "cannot order by 'arpa': it is not a column of this query", "order by one of its columns: channel, nps");
    }

    [Fact]
    public void Order_by_in_a_table_block_points_into_the_report_file()
    {
        Cxr.Single("""
            report r {
              section "s" { table nps by channel order by chanel }
            }
            """).Is(DiagnosticCode.UnknownOrderKey, "x.cxr:2:47", "cannot order by 'chanel': it is not a column of this query", "did you mean 'channel'?");
    }

    // ---- CXR046 ordered twice --------------------------------------------------------------------------------------

    [Fact]
    public void A_column_ordered_twice_is_refused()
    {
        Cxr.SingleInQuery("nps by channel order by nps desc, nps").Is(DiagnosticCode.OrderedTwice, "<query>:1:35",
            "'nps' is ordered by twice (first at <query>:1:25)", "keep one key per column");
    }

    [Fact]
    public void A_key_in_parentheses_names_the_same_column_as_without_them()
    {
        // cxr fmt drops the parentheses: the key must mean the same before and after (found by the fuzzer).
        Assert.Empty(Cxr.Query("nps by channel order by (nps) desc, (channel)"));
        Cxr.SingleInQuery("nps by channel order by nps, (nps)").Is(DiagnosticCode.OrderedTwice, "<query>:1:30",
            "'(nps)' is ordered by twice (first at <query>:1:25)", "keep one key per column");
    }

    [Fact]
    public void Order_by_several_columns_binds_in_the_order_written()
    {
        var (query, diagnostics) = ModelBinder.BindQuery(Cxr.Model, "nps, responses_n by month, channel order by responses_n desc, channel, month desc top 3");
        Assert.Empty(diagnostics);
        Assert.Equal([("responses_n", true), ("channel", false), ("month", true)], query!.Order.Select(k => (k.Column, k.Descending)));
        Assert.Equal(3, query.Top!.Count);
    }

    [Fact]
    public void Order_by_without_a_column_is_a_syntax_error()
    {
        Assert.Equal(DiagnosticCode.SyntaxError.Id, Cxr.SingleInQuery("nps by channel order by").Code.Id);
        Assert.Equal(DiagnosticCode.SyntaxError.Id, Cxr.SingleInQuery("nps by channel order nps").Code.Id);
    }

    // ---- value labels ----------------------------------------------------------------------------------------------

    private static IReadOnlyList<Diagnostic> Source(string column) => Cxr.Compile($$"""
        source reasons from "reasons.csv" {
          key id
          {{column}}
        }
        """);

    [Fact]
    public void A_label_for_a_value_outside_the_in_list_is_refused_with_the_closest_value()
    {
        Cxr.One(Source("""column reason in ("fiyat", "hizmet") labels ("fiyat" as "Fiyat", "hizmt" as "Hizmet")"""))
            .Is(DiagnosticCode.LabelOutsideChoices, "x.cxr:3:68", "\"hizmt\" is not among the values column 'reason' accepts (in list)", "did you mean 'hizmet'?");
    }

    [Fact]
    public void A_code_labelled_twice_is_refused()
    {
        Cxr.One(Source("""column reason labels ("fiyat" as "Fiyat", "fiyat" as "Ücret")"""))
            .Is(DiagnosticCode.DuplicateLabel, "x.cxr:3:45", "\"fiyat\" is labelled twice (first at line 3, column 25)", "keep one label per code");
    }

    [Fact]
    public void Two_codes_with_one_label_are_refused()
    {
        Cxr.One(Source("""column reason labels ("fiyat" as "Fiyat", "ucret" as "Fiyat")"""))
            .Is(DiagnosticCode.DuplicateLabel, "x.cxr:3:56", "\"Fiyat\" labels both \"fiyat\" and \"ucret\"",
                "give each code its own label, so readers can tell them apart");
    }

    [Fact]
    public void An_empty_or_blank_label_is_refused()
    {
        Cxr.One(Source("""column reason labels ("fiyat" as "  ")"""))
            .Is(DiagnosticCode.EmptyLabel, "x.cxr:3:36", "the label of \"fiyat\" is empty", "write the name readers should see, or leave the code unlabelled");
    }

    [Fact]
    public void A_code_of_the_wrong_type_is_a_type_mismatch()
    {
        Cxr.One(Source("""column stars: integer labels (1 as "Kötü", "5" as "Harika")"""))
            .Is(DiagnosticCode.TypeMismatch, "x.cxr:3:46", "\"5\" cannot be a value of integer column 'stars'", "write a value of the column's type");
    }

    [Fact]
    public void Labels_on_a_time_field_are_a_type_mismatch()
    {
        Assert.Equal(DiagnosticCode.TypeMismatch.Id, Cxr.One(Source("""time at: date labels ("2025-01-01" as "Yılbaşı")""")).Code.Id);
    }

    [Fact]
    public void Labels_may_continue_on_the_next_line()
    {
        var result = ModelBinder.Compile([new SourceFile("x.cxr", """
            source churns from "churns.csv" {
              key id
              column reason = "neden" required in ("fiyat", "diger")
                labels ("fiyat" as "Fiyat", "diger" as "Diğer")
              column stars: integer
            }
            """)]);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Model!.Sources["churns"].Field("reason")!.Labels!.Count);
    }

    [Fact]
    public void Labels_bind_in_the_order_written_with_turkish_letters_kept()
    {
        var result = ModelBinder.Compile([new SourceFile("x.cxr", """
            source churns from "churns.csv" {
              key id
              column reason in ("fiyat", "ozellik_talebi", "diger") labels ("ozellik_talebi" as "Özellik talebi", "fiyat" as "Fiyat", "diger" as "Diğer")
              column stars: integer labels (1 as "Kötü", 5 as "Harika")
            }
            """)]);
        Assert.Empty(result.Diagnostics);
        var reason = result.Model!.Sources["churns"].Field("reason")!;
        Assert.Equal([("ozellik_talebi", "Özellik talebi"), ("fiyat", "Fiyat"), ("diger", "Diğer")], reason.Labels!.Select(l => ((string)l.Code, l.Label)));
        Assert.Equal(["1", "5"], result.Model.Sources["churns"].Field("stars")!.Labels!.Select(l => ValueKey.Of(l.Code)));
    }
}
