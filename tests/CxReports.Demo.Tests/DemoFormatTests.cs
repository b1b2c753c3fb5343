using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CxReports.Demo.Tests;

[Collection(DemoDatasetCollection.Name)]
public sealed class DemoFormatTests(DemoDatasetFixture data)
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Theory]
    [InlineData("musteriler.csv", ';', "musteri_no;ad;paket;aylik_ucret;sozlesme_degeri;sehir;yas;unvan;web_ziyaret;kayit_tarihi")]
    [InlineData("ayrilislar.csv", ';', "musteri_no;ayrilis_tarihi;neden")]
    [InlineData("faturalar/2024.csv", ';', "belge_no;musteri_no;belge_tarihi;tur;tutar")]
    [InlineData("faturalar/2025.csv", ';', "belge_no;musteri_no;belge_tarihi;tur;tutar")]
    [InlineData("faturalar/2026.csv", ';', "belge_no;musteri_no;belge_tarihi;tur;tutar")]
    [InlineData("anket.csv", ',', "yanit_no,musteri_no,yanit_zamani,kanal,puan,csat,ces,yorum")]
    [InlineData("destek_talepleri.csv", ',', "talep_no,musteri_no,acilis,ilk_yanit,kategori,kanal")]
    [InlineData("cx_giderleri.csv", ';', "donem;ekip_gideri;yazilim_gideri;kampanya_gideri;destek_gideri")]
    [InlineData("siparisler.csv", ',', "siparis_no,musteri_no,siparis_tarihi,tur,tutar")]
    public void Csv_files_have_the_exact_header_and_full_rows(string file, char delimiter, string header)
    {
        (string[] head, List<string[]> rows) = data.Read(file, delimiter);
        Assert.Equal(header, string.Join(delimiter, head));
        Assert.All(rows, r => Assert.Equal(head.Length, r.Length));
        Assert.Equal(data.Summary.RowsPerFile[file], rows.Count);
        Assert.Equal(file is "musteriler.csv" or "ayrilislar.csv", File.ReadAllBytes(data.PathOf(file)).AsSpan().StartsWith(Bom));
    }

    [Fact]
    public void Customers_are_an_excel_style_export_with_quoted_names_and_blank_lines()
    {
        byte[] bytes = File.ReadAllBytes(data.PathOf("musteriler.csv"));
        string text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "")); // CRLF only
        Assert.Contains("\r\n\r\n", text);

        List<string[]> rows = data.Read("musteriler.csv", ';').Rows;
        Assert.Equal(DemoDatasetFixture.Customers, rows.Count);
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => $"M{i:D5}"), rows.Select(r => r[0]));
        Assert.Contains(rows, r => r[1].Contains(';'));
        Assert.Contains(rows, r => r[1].Contains('"'));
        Assert.All(rows, r =>
        {
            Assert.Contains(r[2], new[] { "basic", "pro", "enterprise" });
            Assert.Matches(@"^\d+,\d{2}$", r[3]);
            Assert.Matches(@"^\d+,\d{2}$", r[4]);
            Assert.InRange(int.Parse(r[6], DemoDatasetFixture.Inv), 18, 80);
            DemoDatasetFixture.DayMonthYear(r[9]);
        });
        Assert.Contains(rows, r => r[5] == "İstanbul");
        Assert.Contains(rows, r => r[5] == "İzmir");
    }

    [Fact]
    public void Every_churn_belongs_to_a_customer_and_follows_the_signup()
    {
        Dictionary<string, DateOnly> signups = data.Signups();
        List<string[]> churns = data.Read("ayrilislar.csv", ';').Rows;
        Assert.NotEmpty(churns);
        Assert.Equal(churns.Count, churns.Select(r => r[0]).Distinct().Count());
        Assert.All(churns, r =>
        {
            Assert.True(signups.TryGetValue(r[0], out DateOnly signup), r[0]);
            DateOnly churn = DemoDatasetFixture.DayMonthYear(r[1]);
            Assert.True(churn > signup, $"{r[0]} leaves {churn} before joining {signup}");
            Assert.True(churn <= data.Summary.To);
            Assert.Contains(r[2], new[] { "fiyat", "hizmet", "rakip", "diğer" });
        });
    }

    [Fact]
    public void Invoices_lie_between_the_month_before_the_period_and_the_end()
    {
        DateOnly first = data.Summary.From.AddMonths(-1);
        var kinds = new HashSet<string>();
        foreach (string file in data.Summary.RowsPerFile.Keys.Where(k => k.StartsWith("faturalar/", StringComparison.Ordinal)))
        {
            int year = int.Parse(file[10..14], DemoDatasetFixture.Inv);
            Assert.All(data.Read(file, ';').Rows, r =>
            {
                DateOnly date = DemoDatasetFixture.DayMonthYear(r[2]);
                Assert.InRange(date, first, data.Summary.To);
                Assert.Equal(year, date.Year);
                Assert.Matches(@"^-?\d+,\d{2}$", r[4]);
                Assert.Equal(r[3] == "iade", r[4].StartsWith('-'));
                kinds.Add(r[3]);
            });
        }
        Assert.Equal(["abonelik", "ek_hizmet", "iade", "kurulum"], kinds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Survey_has_multiline_comments_blanks_anonymous_answers_and_month_boundary_timestamps()
    {
        List<string[]> rows = data.Read("anket.csv", ',').Rows;
        Assert.Contains(rows, r => r[7].Contains('\n'));
        Assert.Contains(rows, r => r[7].Contains('"'));
        Assert.Contains(rows, r => r[5].Length == 0);
        Assert.Contains(rows, r => r[6].Length == 0);
        Assert.Contains(rows, r => r[1].Length == 0);
        Assert.Contains(rows, r => r[2].EndsWith('Z'));
        Assert.Contains(rows, r => r[2].EndsWith("+03:00", StringComparison.Ordinal));
        // The UTC month and the Istanbul month of the same instant differ.
        Assert.Contains(rows, r =>
        {
            DateTimeOffset t = DemoDatasetFixture.Timestamp(r[2]);
            return t.UtcDateTime.Month != t.ToOffset(TimeSpan.FromHours(3)).Month;
        });
        Assert.All(rows, r =>
        {
            Assert.Contains(r[3], new[] { "product", "phone", "email", "chat", "sales", "webinar" });
            Assert.InRange(int.Parse(r[4], DemoDatasetFixture.Inv), 0, 10);
            if (r[5].Length > 0) Assert.InRange(int.Parse(r[5], DemoDatasetFixture.Inv), 1, 5);
            if (r[6].Length > 0) Assert.InRange(int.Parse(r[6], DemoDatasetFixture.Inv), 1, 7);
        });
    }

    [Fact]
    public void Tickets_are_answered_after_they_open_or_not_yet()
    {
        List<string[]> rows = data.Read("destek_talepleri.csv", ',').Rows;
        Assert.Contains(rows, r => r[3].Length == 0);
        Assert.All(rows, r =>
        {
            Assert.EndsWith("+03:00", r[2], StringComparison.Ordinal);
            if (r[3].Length > 0) Assert.True(DemoDatasetFixture.Timestamp(r[3]) > DemoDatasetFixture.Timestamp(r[2]), r[0]);
            Assert.Contains(r[4], new[] { "fatura", "hata", "nasil_yapilir", "ozellik_talebi", "hesap" });
        });
    }

    [Fact]
    public void Usage_is_one_json_object_per_line()
    {
        HashSet<string> customers = data.Signups().Keys.ToHashSet();
        string[] lines = File.ReadAllLines(data.PathOf("kullanim.ndjson"));
        Assert.Equal(data.Summary.RowsPerFile["kullanim.ndjson"], lines.Length);
        Assert.All(lines, line =>
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            JsonElement e = doc.RootElement;
            Assert.Contains(e.GetProperty("musteri_no").GetString()!, customers);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", e.GetProperty("zaman").GetString());
            Assert.Contains(e.GetProperty("olay").GetString(), new[] { "login", "report_view", "export", "invite" });
        });
    }

    [Fact]
    public void Costs_are_monthly_with_decimal_commas_and_blank_campaign_months()
    {
        List<string[]> rows = data.Read("cx_giderleri.csv", ';').Rows;
        Assert.Equal(24, rows.Count);
        Assert.Equal("2024-11", rows[0][0]);
        Assert.Equal("2026-10", rows[^1][0]);
        Assert.Contains(rows, r => r[3].Length == 0);
        Assert.All(rows, r => Assert.All(r.Skip(1).Where(f => f.Length > 0), f => Assert.Matches(@"^\d+,\d{2}$", f)));
    }

    [Fact]
    public void Orders_use_iso_dates_and_decimal_points_with_negative_refunds()
    {
        List<string[]> rows = data.Read("siparisler.csv", ',').Rows;
        Assert.Contains(rows, r => r[3] == "iade");
        Assert.All(rows, r =>
        {
            DateOnly.ParseExact(r[2], "yyyy-MM-dd", DemoDatasetFixture.Inv);
            Assert.Matches(r[3] == "iade" ? @"^-\d+\.\d{2}$" : @"^\d+\.\d{2}$", r[4]);
        });
    }
}
