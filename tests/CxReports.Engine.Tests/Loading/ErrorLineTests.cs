namespace CxReports.Engine.Tests.Loading;

/// <summary>
/// A bad row is named by the physical line it starts on (the header is line 1), whatever lies before it: skipped
/// lines, blank lines, CRLF, values spanning lines, stray quotes, JSON objects spread over lines.
/// </summary>
public sealed class ErrorLineTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private List<string> Errors(string file, string content, string cxr)
    {
        _data.Write(file, content);
        return TempDataDirectory.Headlines(_data.Load(cxr));
    }

    private const string Responses = """
        source responses from "anket.csv" {
          key id: integer
          column score = "puan": integer range 0 .. 10
          column comment = "yorum"
        }
        """;

    [Fact]
    public void Records_with_multi_line_quoted_values_are_named_by_their_first_line()
    {
        const string content = "id,puan,yorum\n" +                 // line 1
                               "1,5,\"tek satır\"\n" +              // line 2
                               "2,7,\"iki\nsatır\"\n" +             // lines 3-4
                               "3,11,\"üç\nsatır \"\"uzun\"\"\nburada\"\n" + // lines 5-7: bad score
                               "4,12,ok\n";                        // line 8: bad score

        Assert.Equal([
            "anket.csv:5:2: error CXR107: column 'puan' value '11': outside the range 0 .. 10",
            "anket.csv:8:2: error CXR107: column 'puan' value '12': outside the range 0 .. 10",
        ], Errors("anket.csv", content, Responses));
    }

    [Fact]
    public void Skipped_lines_blank_lines_and_crlf_all_count_as_physical_lines()
    {
        var errors = Errors("anket.csv", "ERP export\r\nid,puan,yorum\r\n1,5,a\r\n\r\n2,x,b\r\n", """
            source responses from "anket.csv" {
              options { skip 1 }
              key id: integer
              column score = "puan": integer
            }
            """);

        Assert.Equal(["anket.csv:5:2: error CXR105: column 'puan' value 'x': not a valid whole number"], errors);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_value_is_plain_text_and_does_not_shift_later_lines()
    {
        // 27" is an inch mark: DuckDB reads it as text, so the scan for lines must not take it for an opening quote.
        const string content = "id,puan,yorum\n" +             // line 1
                               "1,9,27\" monitör\n" +          // line 2
                               "2,8,\"kablo,\n2 m\"\n" +       // lines 3-4
                               "3,x,klavye\n";                 // line 5: bad score

        Assert.Equal(["anket.csv:5:2: error CXR105: column 'puan' value 'x': not a valid whole number"], Errors("anket.csv", content, Responses));
    }

    [Fact]
    public void Backslash_escaped_quotes_follow_the_escape_option()
    {
        const string content = "id,puan,yorum\n" +                   // line 1
                               "1,9,\"dedi ki \\\"iyi\nhizmet\\\"\"\n" + // lines 2-3
                               "2,abc,ok\n";                         // line 4: bad score

        var errors = Errors("anket.csv", content, """
            source responses from "anket.csv" {
              options { escape "\\" }
              key id: integer
              column score = "puan": integer
              column comment = "yorum"
            }
            """);

        Assert.Equal(["anket.csv:4:2: error CXR105: column 'puan' value 'abc': not a valid whole number"], errors);
    }

    [Fact]
    public void In_a_file_of_one_column_a_blank_line_is_a_blank_value_on_its_own_line()
    {
        // DuckDB skips blank lines, except in a file of one column: there a blank line is a row with a blank value.
        var errors = Errors("musteriler.csv", "musteri_no\nM1\n\nM2\nM2\n", """
            source customers from "musteriler.csv" {
              key musteri_no
            }
            """);

        Assert.Equal([
            "musteriler.csv:3:1: error CXR106: column 'musteri_no' is blank, but the column is required",
            "musteriler.csv:5:1: error CXR109: column 'musteri_no' value 'M2': duplicate key, first seen on line 4",
        ], errors);
    }

    [Fact]
    public void Headerless_file_counts_its_first_line_as_line_1()
    {
        var errors = Errors("kodlar.csv", "TR,90\nDE,x\n", """
            source countries from "kodlar.csv" {
              options { header false }
              key code = "column0"
              column phone = "column1": integer
            }
            """);

        Assert.Equal(["kodlar.csv:2:2: error CXR105: column 'column1' value 'x': not a valid whole number"], errors);
    }

    [Fact]
    public void Ndjson_lines_are_physical_lines_and_blank_lines_are_skipped()
    {
        var errors = Errors("anket.ndjson", "{\"id\": 1, \"puan\": 5}\n\n{\"id\": 2, \"puan\": \"x\"}\n", """
            source responses from "anket.ndjson" {
              key id: integer
              column score = "puan": integer
            }
            """);

        Assert.Equal(["anket.ndjson:3:2: error CXR105: column 'puan' value 'x': not a valid whole number"], errors);
    }

    [Fact]
    public void Json_array_records_are_named_by_the_line_their_object_starts_on()
    {
        const string content = "[\n" +                                      // line 1
                               "  {\"id\": 1, \"puan\": 5, \"not\": \"{[\\\"\"},\n" + // line 2: brackets in a string
                               "  {\n    \"id\": 2,\n    \"puan\": 40\n  }\n" +       // lines 3-6: bad score
                               "]\n";

        var errors = Errors("anket.json", content, """
            source responses from "anket.json" {
              key id: integer
              column score = "puan": integer range 0 .. 10
            }
            """);

        Assert.Equal(["anket.json:3:2: error CXR107: column 'puan' value '40': outside the range 0 .. 10"], errors);
    }
}
