using CxReports.Engine.Loading;

namespace CxReports.Engine.Tests.Loading;

/// <summary>Problems with a source's files rather than its values: missing, empty, malformed, misnamed or outside.</summary>
public sealed class FileErrorTests : IDisposable
{
    private readonly TempDataDirectory _data = new();
    private readonly string _outside = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "cxr-outside-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose()
    {
        _data.Dispose();
        Directory.Delete(_outside, recursive: true);
    }

    private const string Customers = """
        source customers from "musteriler.csv" {
          key musteri_no
          column plan = "paket"
        }
        """;

    private string SingleError(string cxr)
    {
        var outcome = _data.Load(cxr);
        Assert.Equal(1, outcome.ErrorCount);
        return Assert.Single(TempDataDirectory.Headlines(outcome));
    }

    [Fact]
    public void Missing_file_is_reported_with_the_path_and_the_data_directory()
    {
        var error = SingleError(Customers);

        Assert.Equal($"musteriler.csv:1:1: error CXR101: source 'customers': file \"musteriler.csv\" not found in {_data.Root}", error);
    }

    [Fact]
    public void Glob_matching_no_file_is_reported_as_such()
    {
        Directory.CreateDirectory(Path.Combine(_data.Root, "faturalar"));
        _data.Write("faturalar/notes.txt", "not a csv");

        var error = SingleError("""
            source invoices from "faturalar/*.csv" {
              key belge_no
            }
            """);

        Assert.Equal($"faturalar/*.csv:1:1: error CXR101: source 'invoices': no file matches \"faturalar/*.csv\" in {_data.Root}", error);
    }

    [Fact]
    public void Empty_file_of_zero_bytes_is_reported_with_a_hint()
    {
        _data.Write("musteriler.csv", "");

        var outcome = _data.Load(Customers);

        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal("musteriler.csv:1:1: error CXR103: source 'customers': the file is empty (0 bytes)", diagnostic.Headline);
        Assert.Equal("an export with no rows still has its header line", diagnostic.Hint);
    }

    [Fact]
    public void Header_only_file_loads_as_an_empty_table()
    {
        _data.Write("musteriler.csv", "musteri_no,paket\n");

        var outcome = _data.LoadOk(Customers);

        Assert.Equal(0, outcome.Rows);
        Assert.Equal(0, _data.Warehouse.Scalar<long>("SELECT count(*) FROM customers"));
    }

    [Fact]
    public void Declared_column_absent_from_the_header_lists_the_file_columns_and_suggests_the_closest()
    {
        _data.Write("musteriler.csv", "musteri_no,paket,aylik_ucret\nM1,pro,10\n");

        var outcome = _data.Load("""
            source customers from "musteriler.csv" {
              key musteri_no
              column plan = "packet"
            }
            """);

        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal("musteriler.csv:1:1: error CXR104: column 'packet' (field 'plan' of source 'customers') is not in the file; " +
                     "it has: musteri_no, paket, aylik_ucret", diagnostic.Headline);
        Assert.Equal("did you mean 'paket'?", diagnostic.Hint);
    }

    [Fact]
    public void File_of_a_glob_without_a_declared_column_fails_naming_that_file_instead_of_loading_blanks()
    {
        // Files of a glob are matched by column name: DuckDB alone would read the missing column as blank.
        _data.Write("exports/2025-01.csv", "musteri_no,paket\nM1,pro\n");
        _data.Write("exports/2025-02.csv", "musteri_no\nM2\n");

        var outcome = _data.Load("""
            source customers from "exports/*.csv" {
              key musteri_no
              column paket
            }
            """);

        Assert.Equal(LoadStatus.Failed, outcome.Status);
        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal($"exports{Path.DirectorySeparatorChar}2025-02.csv:1:1: error CXR104: column 'paket' (field 'paket' of source 'customers') " +
                     "is not in the file; it has: musteri_no", diagnostic.Headline);
    }

    // For a file that does not fit its header, DuckDB 1.5's own message is only "Error when sniffing file ...: It was
    // not possible to automatically detect the CSV parsing dialect", so the loader names the line, column and reason.

    [Fact]
    public void Row_with_too_many_fields_fails_as_malformed_naming_its_line_and_the_field_counts()
    {
        _data.Write("musteriler.csv", "musteri_no,paket\nM1,basic\nM2,pro,extra\nM3,pro\n");

        var error = SingleError(Customers);

        Assert.Equal("musteriler.csv:3:3: error CXR111: source 'customers': the line has 3 fields but the header has 2 (fields are separated by ','); the extra text is 'extra'", error);
    }

    [Fact]
    public void Row_with_too_few_fields_after_a_multi_line_value_names_its_physical_line()
    {
        _data.Write("musteriler.csv", "musteri_no,paket\nM1,\"two\nlines\"\nM2\nM3,pro\n");

        var error = SingleError(Customers);

        Assert.Equal("musteriler.csv:4:2: error CXR111: source 'customers': the line has 1 field but the header has 2 (fields are separated by ','); the line reads 'M2'", error);
    }

    [Fact]
    public void Unterminated_quote_fails_as_malformed_naming_the_line_where_the_quote_opens()
    {
        _data.Write("musteriler.csv", "musteri_no,paket\nM1,basic\nM2,\"pro\nM3,pro\n");

        var error = SingleError(Customers);

        Assert.Equal("musteriler.csv:3:2: error CXR111: source 'customers': the quoted value that starts on line 3 is never closed; the value reads 'pro\\nM3,pro\\n'", error);
    }

    [Fact]
    public void Text_after_a_closing_quote_fails_as_malformed()
    {
        _data.Write("musteriler.csv", "musteri_no,paket\nM1,\"pro\" plus\n");

        var error = SingleError(Customers);

        Assert.Equal("musteriler.csv:2:2: error CXR111: source 'customers': a quoted value is followed by more text before the next ',' " +
                     "(a quote inside quotes is written twice: \"\"); the value reads 'pro plus'", error);
    }

    [Fact]
    public void Title_line_above_the_header_without_skip_is_read_as_the_header_and_the_declared_columns_are_missing()
    {
        // Left to itself, DuckDB's sniffer skips such lines silently; then the lines named in errors would be off.
        _data.Write("musteriler.csv", "Musteri listesi\nmusteri_no,paket\nM1,pro\n");

        var outcome = _data.Load(Customers);

        Assert.Equal([
            "musteriler.csv:1:1: error CXR104: column 'musteri_no' (field 'musteri_no' of source 'customers') is not in the file; it has: Musteri listesi",
            "musteriler.csv:1:1: error CXR104: column 'paket' (field 'plan' of source 'customers') is not in the file; it has: Musteri listesi",
        ], TempDataDirectory.Headlines(outcome));
    }

    [Fact]
    public void Malformed_second_file_of_a_glob_is_named_and_nothing_is_loaded()
    {
        _data.Write("faturalar/2025-01.csv", "belge_no,tutar\nF1,10\n");
        _data.Write("faturalar/2025-02.csv", "belge_no,tutar\nF2,20\nF3,30,x\n");

        var error = SingleError("""
            source invoices from "faturalar/*.csv" {
              key belge_no
              column amount = "tutar": decimal
            }
            """);

        Assert.Equal("faturalar/2025-02.csv:3:3: error CXR111: source 'invoices': the line has 3 fields but the header has 2 (fields are separated by ','); the extra text is 'x'", error);
        Assert.False(_data.Warehouse.TableExists("invoices"));
    }

    [Fact]
    public void File_that_is_not_utf8_is_refused_naming_the_line_column_and_byte()
    {
        _data.WriteBytes("musteriler.csv", System.Text.Encoding.Latin1.GetBytes("musteri_no,paket\nM1,Gönül\n"));

        var error = SingleError(Customers);

        Assert.Equal("musteriler.csv:2:5: error CXR114: source 'customers': byte 0xF6 is not valid utf-8; the file is not utf-8 text " +
                     "(declare its encoding: options { encoding \"windows-1254\" }, or \"iso-8859-9\", \"latin-1\", \"utf-16\")", error);
    }

    [Fact]
    public void File_reached_through_a_symlink_pointing_outside_the_data_directory_is_refused()
    {
        var secret = Path.Combine(_outside, "secret.csv");
        File.WriteAllText(secret, "musteri_no,paket\nM1,pro\n");
        File.CreateSymbolicLink(Path.Combine(_data.Root, "musteriler.csv"), secret);

        var error = SingleError(Customers);

        Assert.Equal($"musteriler.csv:1:1: error CXR112: source 'customers': musteriler.csv links to {secret}, outside the data directory", error);
        Assert.False(_data.Warehouse.TableExists("customers"));
    }

    [Fact]
    public void Folder_reached_through_a_symlink_pointing_outside_the_data_directory_is_refused()
    {
        File.WriteAllText(Path.Combine(_outside, "2025-01.csv"), "belge_no\nF1\n");
        Directory.CreateSymbolicLink(Path.Combine(_data.Root, "faturalar"), _outside);

        var error = SingleError("""
            source invoices from "faturalar/*.csv" {
              key belge_no
            }
            """);

        Assert.Equal($"faturalar/2025-01.csv:1:1: error CXR112: source 'invoices': faturalar/2025-01.csv links to {Path.Combine(_outside, "2025-01.csv")}, " +
                     "outside the data directory", error);
    }

    [Fact]
    public void Symlink_to_a_file_inside_the_data_directory_is_followed()
    {
        _data.Write("exports/musteriler-2025-03.csv", "musteri_no,paket\nM1,pro\n");
        File.CreateSymbolicLink(Path.Combine(_data.Root, "musteriler.csv"), Path.Combine(_data.Root, "exports/musteriler-2025-03.csv"));

        _data.LoadOk(Customers);

        Assert.Equal(["M1|pro"], _data.Rows("SELECT * FROM customers"));
    }

    [Fact]
    public void Source_file_that_is_a_symlink_to_etc_passwd_is_refused_and_nothing_is_loaded()
    {
        File.CreateSymbolicLink(Path.Combine(_data.Root, "musteriler.csv"), "/etc/passwd");

        var error = SingleError(Customers);

        Assert.Equal("musteriler.csv:1:1: error CXR112: source 'customers': musteriler.csv links to /etc/passwd, outside the data directory", error);
        Assert.False(_data.Warehouse.TableExists("customers"));
    }

    [Fact]
    public void Glob_that_also_matches_a_symlink_leading_outside_is_refused_as_a_whole()
    {
        _data.Write("faturalar/2025-01.csv", "belge_no\nF1\n");
        var secret = Path.Combine(_outside, "secret.csv");
        File.WriteAllText(secret, "belge_no\nS1\n");
        File.CreateSymbolicLink(Path.Combine(_data.Root, "faturalar", "2025-02.csv"), secret);

        var error = SingleError("""
            source invoices from "faturalar/*.csv" {
              key belge_no
            }
            """);

        Assert.Equal($"faturalar/2025-02.csv:1:1: error CXR112: source 'invoices': faturalar/2025-02.csv links to {secret}, outside the data directory", error);
        Assert.False(_data.Warehouse.TableExists("invoices"));
    }

    [Fact]
    public void Symlink_loop_is_a_diagnostic_not_a_crash()
    {
        File.CreateSymbolicLink(Path.Combine(_data.Root, "musteriler.csv"), Path.Combine(_data.Root, "loop.csv"));
        File.CreateSymbolicLink(Path.Combine(_data.Root, "loop.csv"), Path.Combine(_data.Root, "musteriler.csv"));

        var error = SingleError(Customers);

        Assert.StartsWith("musteriler.csv:1:1: error CXR112: source 'customers': musteriler.csv cannot be resolved: ", error);
    }

    [Fact]
    public void File_name_with_brackets_is_read_as_that_file_not_as_a_glob_matching_another()
    {
        // DuckDB would read "a[b].csv" as the glob a[b].csv, which matches ab.csv only.
        _data.Write("a[b].csv", "musteri_no,paket\nM1,bracket\n");
        _data.Write("ab.csv", "musteri_no,paket\nM2,plain\n");

        _data.LoadOk("""
            source customers from "a[b].csv" {
              key musteri_no
              column plan = "paket"
            }
            """);

        Assert.Equal(["M1|bracket"], _data.Rows("SELECT * FROM customers"));
    }

    [Fact]
    public void File_named_with_a_star_is_read_once_when_a_wildcard_matches_it()
    {
        // "m*.csv" matches the files m*.csv and m1.csv; each is read once (as a glob, m*.csv would read m1.csv again).
        _data.Write("m*.csv", "musteri_no,paket\nM1,star\n");
        _data.Write("m1.csv", "musteri_no,paket\nM2,one\n");

        _data.LoadOk("""
            source customers from "m*.csv" {
              key musteri_no
              column plan = "paket"
            }
            """);

        Assert.Equal(["M1|star", "M2|one"], _data.Rows("SELECT * FROM customers ORDER BY musteri_no"));
    }
}
