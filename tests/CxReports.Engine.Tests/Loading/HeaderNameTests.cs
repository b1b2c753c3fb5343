namespace CxReports.Engine.Tests.Loading;

/// <summary>A header with a column of no name, or two columns of one name, is refused naming both columns: which would a field read?</summary>
public sealed class HeaderNameTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private const string Responses = """
        source responses from "anket.csv" {
          key id: integer
          column score = "puan": integer
        }
        """;

    [Fact]
    public void Two_columns_of_the_same_name_are_refused_naming_both_after_a_byte_order_mark_and_crlf()
    {
        _data.Write("anket.csv", "\uFEFFid,puan,yorum,puan\r\n1,2,a,3\r\n");

        Assert.Equal(["anket.csv:1:4: error CXR115: source 'responses': columns 2 and 4 of the header are both named 'puan'"],
            TempDataDirectory.Headlines(_data.Load(Responses)));
    }

    [Fact]
    public void A_column_without_a_name_is_refused_on_the_header_line_below_skipped_lines()
    {
        _data.Write("anket.csv", "Rapor\nTarih: 2025-03\nid,,puan\n1,x,3\n");

        Assert.Equal(["anket.csv:3:2: error CXR115: source 'responses': column 2 of the header has no name"],
            TempDataDirectory.Headlines(_data.Load(Responses.Replace("key id", "options { skip 2 }\n  key id"))));
    }

    [Fact]
    public void Every_file_of_a_glob_with_a_bad_header_is_named()
    {
        _data.Write("anket/1.csv", "id,puan,puan\n1,2,3\n");
        _data.Write("anket/2.csv", "id,puan\n2,3\n");
        _data.Write("anket/3.csv", "id,puan,\n3,4,\n");

        var s = Path.DirectorySeparatorChar;
        Assert.Equal([
            $"anket{s}1.csv:1:3: error CXR115: source 'responses': columns 2 and 3 of the header are both named 'puan'",
            $"anket{s}3.csv:1:3: error CXR115: source 'responses': column 3 of the header has no name",
        ], TempDataDirectory.Headlines(_data.Load(Responses.Replace("anket.csv", "anket/*.csv"))));
    }

    [Fact]
    public void A_source_that_declares_no_columns_is_refused_too_instead_of_loading_a_renamed_copy()
    {
        _data.Write("anket.csv", "id,puan,puan\n1,2,3\n");

        Assert.Equal(["anket.csv:1:3: error CXR115: source 'responses': columns 2 and 3 of the header are both named 'puan'"],
            TempDataDirectory.Headlines(_data.Load("source responses from \"anket.csv\" {\n}\n")));
    }

    [Fact]
    public void Blank_lines_above_the_header_are_passed_over_and_later_lines_keep_their_numbers()
    {
        _data.Write("anket.csv", "\r\n\r\nid,puan\r\n1,2\r\n2,x\r\n");

        Assert.Equal(["anket.csv:5:2: error CXR105: column 'puan' value 'x': not a valid whole number"], TempDataDirectory.Headlines(_data.Load(Responses)));
        _data.Write("anket.csv", "\r\n\r\nid,puan\r\n1,2\r\n2,3\r\n");
        Assert.Equal(2, _data.LoadOk(Responses).Rows);
    }

    [Fact]
    public void Names_that_differ_only_in_case_are_the_same_column_to_the_reader_and_are_refused()
    {
        _data.Write("anket.csv", "id,Puan,puan\n1,2,3\n");

        Assert.Equal(["anket.csv:1:3: error CXR115: source 'responses': columns 2 and 3 of the header are named 'Puan' and 'puan', the same name but for case"],
            TempDataDirectory.Headlines(_data.Load(Responses)));
    }
}
