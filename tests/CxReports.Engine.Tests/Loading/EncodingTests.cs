using System.Text;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Text;

namespace CxReports.Engine.Tests.Loading;

/// <summary>
/// Files in the Turkish code pages load with their letters right (transcoded to UTF-8 once); a file that is not
/// text in its declared encoding is refused naming the first bad line, column and byte, and the table stays.
/// </summary>
public sealed class EncodingTests : IDisposable
{
    private readonly TempDataDirectory _data = new();

    public void Dispose() => _data.Dispose();

    private static readonly Encoding Windows1254 = CodePagesEncodingProvider.Instance.GetEncoding(1254)!;
    private static readonly Encoding Iso88599 = CodePagesEncodingProvider.Instance.GetEncoding(28599)!;

    private static string Comments(string encoding) => $$"""
        source comments from "yorumlar.csv" {
          options { encoding "{{encoding}}" }
          key id: integer
          column text = "yorum"
        }
        """;

    [Fact]
    public void Windows_1254_file_loads_its_turkish_letters_and_euro_sign()
    {
        _data.WriteBytes("yorumlar.csv", Windows1254.GetBytes("id,yorum\r\n1,Fena değil\r\n2,\"İşçi ağı,\r\nŞÜĞ\"\r\n3,€ 5 ıslak\r\n"));

        _data.LoadOk(Comments("windows-1254"));

        Assert.Equal(["1|Fena değil", "2|İşçi ağı,\r\nŞÜĞ", "3|€ 5 ıslak"], _data.Rows("SELECT * FROM comments ORDER BY id"));
    }

    [Fact]
    public void Iso_8859_9_file_loads_fena_degil_not_mojibake()
    {
        _data.WriteBytes("yorumlar.csv", Iso88599.GetBytes("id,yorum\n1,Fena değil\n2,Şişli\n"));

        _data.LoadOk(Comments("iso-8859-9"));

        Assert.Equal(["1|Fena değil", "2|Şişli"], _data.Rows("SELECT * FROM comments ORDER BY id"));
    }

    [Fact]
    public void Byte_windows_1254_does_not_define_is_refused_by_line_column_and_byte_and_the_table_stays()
    {
        _data.WriteBytes("yorumlar.csv", Windows1254.GetBytes("id,yorum\n1,iyi\n"));
        _data.LoadOk(Comments("windows-1254"));
        var bytes = Windows1254.GetBytes("id,yorum\n1,iyi\n2,\"çok\nuzun\"\n3,a").Concat(new byte[] { 0x81, (byte)'\n' }).ToArray();
        _data.WriteBytes("yorumlar.csv", bytes);

        var outcome = _data.Load(Comments("windows-1254"));

        Assert.Equal(["yorumlar.csv:5:4: error CXR114: source 'comments': byte 0x81 is not valid windows-1254; the file is not windows-1254 text"],
            TempDataDirectory.Headlines(outcome));
        Assert.Equal(["1|iyi"], _data.Rows("SELECT * FROM comments"));
        Assert.Empty(Directory.GetFiles(Path.Combine(_data.Root, "cxreports-work")));
    }

    [Fact]
    public void Iso_8859_9_file_holding_a_windows_1254_euro_sign_is_refused()
    {
        _data.WriteBytes("yorumlar.csv", Windows1254.GetBytes("id,yorum\n1,€ 5\n"));

        Assert.Equal(["yorumlar.csv:2:3: error CXR114: source 'comments': byte 0x80 is not valid iso-8859-9; the file is not iso-8859-9 text"],
            TempDataDirectory.Headlines(_data.Load(Comments("iso-8859-9"))));
    }

    [Fact]
    public void Bad_value_in_a_transcoded_file_is_named_by_the_original_file_and_its_physical_line()
    {
        _data.WriteBytes("yorumlar.csv", Windows1254.GetBytes("id,yorum\r\n1,\"ağ\r\nşı\"\r\niki,ğ\r\n"));

        Assert.Equal(["yorumlar.csv:4:1: error CXR105: column 'id' value 'iki': not a valid whole number"],
            TempDataDirectory.Headlines(_data.Load(Comments("windows-1254"))));
    }

    [Fact]
    public void Unknown_encoding_is_a_diagnostic_at_the_value_listing_the_encodings()
    {
        var result = ModelBinder.Compile([new SourceFile("m.cxr", Comments("cp1254"))]);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("m.cxr:2:22: error CXR027: unknown encoding \"cp1254\"", diagnostic.Headline);
        Assert.Equal("encodings are utf-8, utf-16, latin-1, windows-1254, iso-8859-9", diagnostic.Hint);
    }

    [Fact]
    public void Utf16_file_with_a_byte_order_mark_loads_and_its_bad_value_is_named_by_line()
    {
        var text = "id,yorum\r\n1,\"Fena\r\ndeğil\"\r\n2,Şişli\r\n";
        _data.WriteBytes("yorumlar.csv", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray());
        _data.LoadOk(Comments("utf-16"));
        Assert.Equal(["1|Fena\r\ndeğil", "2|Şişli"], _data.Rows("SELECT * FROM comments ORDER BY id"));

        _data.WriteBytes("yorumlar.csv", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text + "üç,x\r\n")).ToArray());
        Assert.Equal(["yorumlar.csv:5:1: error CXR105: column 'id' value 'üç': not a valid whole number"],
            TempDataDirectory.Headlines(_data.Load(Comments("utf-16"))));
    }

    [Fact]
    public void Utf8_file_with_a_byte_order_mark_and_crlf_loads_its_first_column_by_name()
    {
        _data.WriteBytes("yorumlar.csv", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("id,yorum\r\n1,Güzel\r\n")).ToArray());

        _data.LoadOk(Comments("utf-8"));

        Assert.Equal(["1|Güzel"], _data.Rows("SELECT * FROM comments"));
    }
}
