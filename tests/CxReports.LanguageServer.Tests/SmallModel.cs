namespace CxReports.LanguageServer.Tests;

/// <summary>A small valid model in three files: sources, metrics over them, and a report using both.</summary>
public static class SmallModel
{
    public const string Sources = """
        source customers from "musteriler.csv" {
          key musteri_no
          column plan "Paket" = "paket"
          column şehir = "sehir"
          time signup = "kayit_tarihi": date
          lifecycle signup
        }

        source responses from "anketler.csv" {
          key yanit_no
          link customer = musteri_no -> customers
          time answered_at: timestamp
          column score: integer required range 0 .. 10
          column channel
        }

        """;

    public const string Metrics = """
        metric nps "Net Promoter Score" = nps(responses.score)
        metric responses_n = count(responses)
        metric promoters = count(responses) where responses.score >= 9

        """;

    public const string Report = """
        report weekly "Weekly" {
          period last 12 months
          grain month
          section "Main" {
            kpi nps, responses_n
            table nps by channel
            chart line nps by month, customer.plan
          }
        }

        """;

    public static ReportsFolder Folder() => new(("sources.cxr", Sources), ("metrics.cxr", Metrics), ("weekly.cxr", Report));
}
