using CxReports.Dsl.Binding;
using CxReports.Dsl.Text;
using CxReports.Engine.Loading;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Tests.Loading;

/// <summary>
/// The staging pass takes shortcuts for speed (see the load benchmark): a cheap guard in front of
/// <c>nullif(trim(x), '')</c>, values converted from the text as read (trimmed only when that can matter), and one
/// per-field "broken" condition instead of OR-ing every check. Each must agree exactly with the rule as stated on
/// the trimmed text, which the error path uses, on any text, including Unicode spaces and controls.
/// </summary>
public sealed class StagingShortcutTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cxr-staging-").FullName;
    private readonly DuckDbWarehouse _warehouse;

    public StagingShortcutTests() => _warehouse = DuckDbWarehouse.Open(new WarehouseOptions(_dir));

    public void Dispose()
    {
        _warehouse.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static readonly string[] Pieces =
    [
        "", " ", "  ", "\t", "\n", "\r", "\u00A0", "\u1680", "\u2000", "\u2009", "\u200A", "\u202F", "\u205F", "\u3000",
        "\u0085", "\u200B", "\u0000", "\u007F", "!", "a", "Z", "5", "-3", "0", "10", "11", "1,5", "2.5", "1e3", "true", "no",
        "ö", "ı", "İ", "日本", "😀", "basic", "pro", "phone", "webinar", "a'b", "Phone", "2025-03-31", "31.03.2025", "2025-03-31T09:30:00+03:00", "2025-03-31 09:30:00",
        "Z", "+03:00", ":", "~", "\"", "'", "31.03.2025 09:30+0300",
    ];

    /// <summary>Fixed samples plus random concatenations of the pieces, so the ends of values vary widely.</summary>
    private static List<string> Samples()
    {
        var random = new Random(20261122);
        var samples = new List<string>(Pieces);
        foreach (var a in Pieces)
        foreach (var b in new[] { "", " ", "\u00A0", "\u3000", "\t", "a", "ö" })
        {
            samples.Add(a + b);
            samples.Add(b + a);
            samples.Add(b + a + b);
        }
        for (var i = 0; i < 3000; i++)
            samples.Add(string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => Pieces[random.Next(Pieces.Length)])));
        return samples;
    }

    private void CreateSamples(string table, IEnumerable<string> values)
    {
        _warehouse.Execute($"CREATE OR REPLACE TABLE {table} (x VARCHAR)");
        _warehouse.InTransaction(() =>
        {
            foreach (var value in values) _warehouse.Execute($"INSERT INTO {table} VALUES ($1)", value);
        });
        _warehouse.Execute($"INSERT INTO {table} VALUES (NULL)");
    }

    [Fact]
    public void The_trim_guard_gives_exactly_nullif_trim()
    {
        CreateSamples("samples", Samples());
        var differing = _warehouse.Query(
            $"SELECT x FROM samples WHERE {StagingSql.Trimmed("x")} IS DISTINCT FROM nullif(trim(x), '')", r => r.GetString(0));
        Assert.Empty(differing);
        // and the guard really lets the plain values through
        Assert.Equal(1, _warehouse.Scalar<long>($"SELECT count(*) FROM (SELECT 'C000123' AS x) WHERE {StagingSql.Trimmed("x")} = 'C000123'"));
    }

    /// <summary>Fields of every type, format and check, in a source with a time zone and in one without.</summary>
    private static IEnumerable<FieldConversion> EveryKindOfField()
    {
        var compiled = ModelBinder.Compile([new SourceFile("m.cxr", """
            source s from "s.csv" {
              options {
                timezone "Europe/Istanbul"
              }
              key id: integer
              column plan required in ("basic", "pro")
              column note
              column channel in ("product", "phone", "email", "chat", "sales", "webinar", "a'b")
              column kind required in ("product", "phone", "email", "chat", "sales", "webinar", "basic", "ö", "日本")
              column label required
              column score: integer required range 0 .. 10
              column csat: integer range 1 .. 5
              column fee: decimal format "," required range 0 .. 100
              column amount: decimal default 0
              column ok: boolean required
              column flag: boolean default false
              time day: date format "%d.%m.%Y" required
              time other: date
              time at: timestamp required
              time seen: timestamp format "%Y-%m-%d %H:%M:%S"
              column level: integer default 3 range 1 .. 5
            }
            source u from "u.csv" {
              key id: integer required
              column size: integer in (1, 5, 10)
              column price: decimal range 0 .. 10
              column rate: decimal format ","
              column ok: boolean
              time day: date
              time at: timestamp
              time stamped: timestamp format "%d.%m.%Y %H:%M%z"
              column note default "none"
            }
            """)]);
        Assert.False(compiled.HasErrors, string.Join("\n", compiled.Diagnostics));
        return compiled.Model!.Sources.Values.SelectMany(source => new StagingSql(source).Fields);
    }

    /// <summary>Each sample as the reader gives it (the raw column) and trimmed (the error path's text column).</summary>
    private static string RawAndText(FieldConversion field) =>
        $"(SELECT x AS {field.Raw}, {StagingSql.Trimmed("x")} AS {field.Text} FROM raw)";

    [Fact]
    public void Each_fields_value_from_the_text_as_read_is_its_rule_on_the_trimmed_text()
    {
        CreateSamples("raw", Samples());
        foreach (var field in EveryKindOfField())
        {
            var differing = _warehouse.Query(
                $"SELECT {field.Raw} FROM {RawAndText(field)} WHERE ({field.ConvertedFromRaw}) IS DISTINCT FROM ({field.Converted})",
                r => r.IsDBNull(0) ? "<null>" : r.GetString(0));
            Assert.True(differing.Count == 0, $"{field.Field.Name}: {string.Join(" | ", differing.Take(5))}");
            // Not vacuous: padded values convert (or are kept) for every field.
            Assert.True(_warehouse.Scalar<long>(
                $"SELECT count(*) FROM {RawAndText(field)} WHERE ({field.Converted}) IS NOT NULL AND {field.Raw} <> {field.Text}") > 0,
                $"{field.Field.Name}: no padded value converts");
        }
    }

    [Fact]
    public void Each_fields_broken_condition_is_exactly_its_checks_or_ed()
    {
        CreateSamples("raw", Samples());
        foreach (var field in EveryKindOfField())
        {
            var values = $"(SELECT *, {field.ConvertedFromRaw} AS {field.Value} FROM {RawAndText(field)})";
            var plain = field.Checks().Select(c => $"({c.Condition})").ToArray();
            var everyCheck = plain.Length == 0 ? "false" : $"coalesce({string.Join(" OR ", plain)}, false)";
            var broken = field.Broken is { } b ? $"coalesce({b}, false)" : "false";
            var differing = _warehouse.Query(
                $"SELECT {field.Raw} FROM {values} WHERE ({everyCheck}) IS DISTINCT FROM ({broken})", r => r.IsDBNull(0) ? "<null>" : r.GetString(0));
            Assert.True(differing.Count == 0, $"{field.Field.Name}: {string.Join(" | ", differing.Take(5))}");
            if (plain.Length > 0) // the samples break every rule somewhere, so the comparison is not vacuous
                Assert.True(_warehouse.Scalar<long>($"SELECT count(*) FROM {values} WHERE {broken}") > 0, $"{field.Field.Name}: nothing broken");
        }
    }

    /// <summary>
    /// Whole numbers are read through a shortcut (a number written as it prints needs no pattern match); on any text
    /// it must give what the plain rule gives: the pattern <c>[+-]?[0-9]+</c> with optional padding, then the cast.
    /// Every string of up to four characters from digits, signs, '.', 'e', 'x', '_' and space, plus the samples and
    /// the edges of BIGINT.
    /// </summary>
    [Fact]
    public void The_whole_number_shortcut_gives_exactly_the_pattern_rule()
    {
        var field = new StagingSql(ModelBinder.Compile([new SourceFile("m.cxr", "source s from \"s.csv\" {\n  column n: integer\n}\n")])
            .Model!.Sources["s"]).Fields.Single();
        CreateSamples("raw", Samples().Concat([
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "007", "-0", "+0",
            "0x10", "1_000", "１２", "12\t", "\t12", " 12 ", "1e3", "12.0", "12.5", "--1", "+-1", "٣"]));
        _warehouse.Execute($"""
            CREATE OR REPLACE TABLE texts AS
            SELECT x AS t FROM raw
            UNION ALL
            SELECT concat(a.c, b.c, c.c, d.c) FROM (SELECT unnest(['', '0', '1', '9', '-', '+', '.', 'e', 'x', '_', ' ']) AS c) a,
              (SELECT unnest(['', '0', '5', '-', '.', 'e', ' ']) AS c) b, (SELECT unnest(['', '0', '7', '+', 'e']) AS c) c,
              (SELECT unnest(['', '0', '3', ' ', '.']) AS c) d
            """);
        static string Plain(string text) => $"CASE WHEN regexp_full_match({text}, '[[:space:]]*[+-]?[0-9]+[[:space:]]*') THEN TRY_CAST({text} AS BIGINT) END";
        var plain = Plain("t");
        var shortcut = field.Converted.Replace(field.Text, "t");

        var differing = _warehouse.Query($"SELECT t FROM texts WHERE ({shortcut}) IS DISTINCT FROM ({plain})", r => r.IsDBNull(0) ? "<null>" : r.GetString(0));
        Assert.True(differing.Count == 0, string.Join(" | ", differing.Take(10)));
        // The staging pass's form, from the text as read, is the plain rule on the trimmed text.
        var fromRaw = field.ConvertedFromRaw.Replace(field.Raw, "t");
        differing = _warehouse.Query(
            $"SELECT t FROM (SELECT t, {StagingSql.Trimmed("t")} AS tt FROM texts) WHERE ({fromRaw}) IS DISTINCT FROM ({Plain("tt")})",
            r => r.IsDBNull(0) ? "<null>" : r.GetString(0));
        Assert.True(differing.Count == 0, "from the text as read: " + string.Join(" | ", differing.Take(10)));
        // Not vacuous: both outcomes occur, and some numbers take the pattern's way in ("007", "+0").
        Assert.True(_warehouse.Scalar<long>($"SELECT count(*) FROM texts WHERE ({plain}) IS NULL AND t IS NOT NULL") > 1000);
        Assert.True(_warehouse.Scalar<long>($"SELECT count(*) FROM texts WHERE ({plain}) IS NOT NULL AND CAST(TRY_CAST(t AS BIGINT) AS VARCHAR) <> t") > 10);
    }

    [Fact]
    public void Values_padded_with_unicode_spaces_load_trimmed_and_bad_rows_still_fail()
    {
        var model = ModelBinder.Compile([new SourceFile("m.cxr", """
            source s from "s.csv" {
              key id: integer
              column plan required in ("basic", "pro")
              column score: integer required range 0 .. 10
              column note
            }
            """)]).Model!;
        var loader = new WarehouseLoader(_warehouse, TimeProvider.System);

        File.WriteAllText(Path.Combine(_dir, "s.csv"), "id,plan,score,note\n 1 ,\u00A0basic\u3000,\t7, hi \u2009\n2,pro,10,\n3,basic,0,\"\u00A0\"\n");
        var outcome = Assert.Single(loader.LoadAll(model, force: true));
        Assert.True(outcome.Status == LoadStatus.Loaded, string.Join("\n", outcome.Diagnostics));
        var rows = _warehouse.Query("SELECT id, plan, score, note FROM s ORDER BY id",
            r => $"{r.GetInt64(0)}|{r.GetString(1)}|{r.GetInt64(2)}|{(r.IsDBNull(3) ? "<null>" : r.GetString(3))}");
        Assert.Equal(["1|basic|7|hi", "2|pro|10|<null>", "3|basic|0|<null>"], rows);

        File.WriteAllText(Path.Combine(_dir, "s.csv"), "id,plan,score,note\n1,basic,7,\n2,\u00A0,5,\n3,gold,5,\n4,pro,11,\n5,pro,x,\n5,pro,\u3000,\n");
        outcome = Assert.Single(loader.LoadAll(model, force: true));
        Assert.Equal(LoadStatus.Failed, outcome.Status);
        Assert.Equal(6, outcome.ErrorCount); // blank plan, gold, 11, x, blank score, duplicate 5
    }

    [Theory]
    [InlineData("key id: integer", "id\n3\n-2\n7\n3\n", 1)]                       // bitmap over -2 .. 7
    [InlineData("key id: integer", "id\n1\n9000000000000000000\n1\n", 1)]              // range too wide: count(DISTINCT)
    [InlineData("key id: integer", "id\n-9223372036854775808\n9223372036854775807\n", 0)]
    [InlineData("key id: integer", "id\n5\n5\n5\n", 2)]
    [InlineData("key id", "id\nA1\nA2\nA1\n", 1)]                                      // text key: count(DISTINCT)
    public void Duplicate_keys_are_counted_exactly_whatever_the_keys_range(string key, string csv, int duplicates)
    {
        var model = ModelBinder.Compile([new SourceFile("m.cxr", $$"""
            source s from "s.csv" {
              {{key}}
            }
            """)]).Model!;
        File.WriteAllText(Path.Combine(_dir, "s.csv"), csv);
        var outcome = Assert.Single(new WarehouseLoader(_warehouse, TimeProvider.System).LoadAll(model, force: true));
        Assert.Equal(duplicates == 0 ? LoadStatus.Loaded : LoadStatus.Failed, outcome.Status);
        Assert.Equal(duplicates, outcome.ErrorCount);
    }
}
