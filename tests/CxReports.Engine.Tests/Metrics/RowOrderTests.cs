using CxReports.Engine.Results;
using CxReports.Engine.Tests.Engines;
using static CxReports.Engine.Tests.Metrics.MetricWarehouse;

namespace CxReports.Engine.Tests.Metrics;

/// <summary>
/// The order of a query's rows: bands of <c>bucket</c> and values of an <c>in</c> list in their declared order, text
/// with the report locale's collation (by its label when the column has labels), <c>order by</c> with several keys,
/// and a top N cut after that order; the same on every engine.
/// </summary>
public abstract class RowOrderTests(TestEngine engine) : EngineTests(engine), IDisposable
{
    private const string Model = """
        source customers from "customers.csv" {
          key id
          column city
          column age: integer
          column contract: integer
          column plan in ("basic", "pro", "enterprise")
          column reason labels ("fiyat" as "Ücret", "hizmet" as "Hizmet kalitesi", "rakip" as "Rakip firma", "diger" as "Diğer")
          time signup: date
          dimension age_band = bucket(age, 30, 45, 60)
          dimension contract_band = bucket(contract, 1000, 5000, 20000)
        }
        metric customers_n = count(customers)
        """;

    // Ages: <30 c1 c5 c11 (3), 30-44 c3 c7 c10 (3), 45-59 c4 c8 c9 (3), 60+ c2 c6 (2).
    // Contracts: <1000 c1 c5 c10, 1000-4999 c4 c7 c8, 5000-19999 c3 c9 c11, 20000+ c2 c6.
    // Plans: basic c2 c6 c8 c11 (4), pro c1 c3 c5 c9 c10 (5), enterprise c4 c7 (2).
    // Reasons: fiyat c1 c4 c6 c8 c10 (5), hizmet c2 c7 c9 (3), rakip c3 c11 (2), diger c5 (1).
    private readonly MetricWarehouse _w = MetricWarehouse.Load(engine, Model,
        ("customers.csv", Csv("id,city,age,contract,plan,reason,signup",
            "c1,Trabzon,25,500,pro,fiyat,2025-01-05",
            "c2,İstanbul,70,25000,basic,hizmet,2025-01-06",
            "c3,Adana,35,7000,pro,rakip,2025-01-07",
            "c4,Zonguldak,50,2000,enterprise,fiyat,2025-01-08",
            "c5,İzmir,28,900,pro,diger,2025-02-01",
            "c6,Çorum,61,20000,basic,fiyat,2025-02-02",
            "c7,Iğdır,44,4999,enterprise,hizmet,2025-02-03",
            "c8,Şanlıurfa,45,1000,basic,fiyat,2025-02-04",
            "c9,Uşak,59,19999,pro,hizmet,2025-02-05",
            "c10,Ceyhan,30,999,pro,fiyat,2025-03-01",
            "c11,Çankırı,29,5000,basic,rakip,2025-03-02")));

    private ResultTable Q(string query, string locale = "en-US") => _w.Query(query, "2025-01-01", "2025-03-31", locale: locale);

    private static string[] Column(ResultTable t, int i) => t.Rows.Select(r => (string)r[i]!).ToArray();

    [Fact]
    public void Bands_keep_their_declared_order_not_the_order_of_their_text()
    {
        // As text, "30-44" < "45-59" < "60+" < "<30" and "1000-4999" < "20000+" < "5000-19999" < "<1000".
        ResultTable ages = Q("customers_n by age_band");
        Assert.Equal(["<30", "30-44", "45-59", "60+"], Column(ages, 0));
        Assert.Equal([3L, 3L, 3L, 2L], ages.Rows.Select(r => (long)r[1]!));
        Assert.Equal(["<1000", "1000-4999", "5000-19999", "20000+"], Column(Q("customers_n by contract_band"), 0));
    }

    [Fact]
    public void Bands_order_inside_each_month_and_descending_reverses_them()
    {
        ResultTable t = Q("customers_n by month, age_band");
        // Every month × every band seen: each month lists the four bands in order (March's 45-59 and 60+ count 0).
        Assert.Equal(["<30", "30-44", "45-59", "60+", "<30", "30-44", "45-59", "60+", "<30", "30-44", "45-59", "60+"], Column(t, 1));
        Assert.Equal([1L, 1L, 0L, 0L], t.Rows.Skip(8).Select(r => (long)r[2]!));
        Assert.Equal(["60+", "45-59", "30-44", "<30"], Column(Q("customers_n by age_band order by age_band desc"), 0));
    }

    [Fact]
    public void Values_of_an_in_list_keep_its_order()
    {
        // Alphabetically basic, enterprise, pro; declared basic, pro, enterprise.
        Assert.Equal(["basic", "pro", "enterprise"], Column(Q("customers_n by plan"), 0));
    }

    [Fact]
    public void Turkish_text_sorts_with_the_turkish_alphabet_under_tr_TR()
    {
        // Turkish alphabet: a b c ç d e f g ğ h ı i j k l m n o ö p r s ş t u ü v y z (I is dotless ı's capital, İ dotted i's).
        // By code points Ç (U+00C7), İ (U+0130) and Ş (U+015E) would follow Z.
        Assert.Equal(["Adana", "Ceyhan", "Çankırı", "Çorum", "Iğdır", "İstanbul", "İzmir", "Şanlıurfa", "Trabzon", "Uşak", "Zonguldak"],
            Column(Q("customers_n by city", "tr-TR"), 0));
    }

    [Fact]
    public void English_collation_treats_c_cedilla_as_an_accented_c()
    {
        // en-US compares Ç as C first ("Çan" < "Cey" since a < e), where Turkish puts every Ç word after every C word.
        Assert.Equal(["Adana", "Çankırı", "Ceyhan", "Çorum", "Iğdır", "İstanbul", "İzmir", "Şanlıurfa", "Trabzon", "Uşak", "Zonguldak"],
            Column(Q("customers_n by city", "en-US"), 0));
    }

    [Fact]
    public void A_top_n_cuts_ties_after_the_locale_order()
    {
        // Every city counts 1: the cut among the tied rows follows the Turkish alphabet, not code points (which
        // would keep Iğdır before Çankırı).
        Assert.Equal(["Adana", "Ceyhan", "Çankırı"], Column(Q("customers_n by city top 3", "tr-TR"), 0));
    }

    [Fact]
    public void Labelled_text_sorts_by_its_labels()
    {
        // Labels in Turkish order: Diğer (diger), Hizmet kalitesi (hizmet), Rakip firma (rakip), Ücret (fiyat); the
        // values stay the codes.
        ResultTable t = Q("customers_n by reason", "tr-TR");
        Assert.Equal(["diger", "hizmet", "rakip", "fiyat"], Column(t, 0));
        Assert.Equal("Ücret", t.Columns[0].LabelOf("fiyat"));
    }

    [Fact]
    public void Order_by_a_metric_largest_first()
    {
        ResultTable t = Q("customers_n by reason order by customers_n desc");
        Assert.Equal(["fiyat", "hizmet", "rakip", "diger"], Column(t, 0));
        Assert.Equal([5L, 3L, 2L, 1L], t.Rows.Select(r => (long)r[1]!));
    }

    [Fact]
    public void Order_by_several_keys_then_the_dimensions()
    {
        // Counts by plan × age band (only combinations seen): basic <30 1, 45-59 1, 60+ 2; pro <30 2, 30-44 2,
        // 45-59 1; enterprise 30-44 1, 45-59 1. Count 2 first, by band last first; the three 45-59 rows tie on both
        // keys and follow the plan's declared order.
        ResultTable t = Q("customers_n by plan, age_band order by customers_n desc, age_band desc");
        Assert.Equal([("basic", "60+"), ("pro", "30-44"), ("pro", "<30"), ("basic", "45-59"), ("pro", "45-59"),
                ("enterprise", "45-59"), ("enterprise", "30-44"), ("basic", "<30")],
            t.Rows.Select(r => ((string)r[0]!, (string)r[1]!)));
    }

    [Fact]
    public void Order_by_time_descending_and_a_top_n_of_the_order()
    {
        Assert.Equal([Day("2025-03-01"), Day("2025-02-01"), Day("2025-01-01")],
            Q("customers_n by month order by month desc").Rows.Select(r => (DateOnly)r[0]!));
        // Without its own `by`, a top N keeps the first rows of the order by.
        ResultTable top = Q("customers_n by reason order by customers_n asc top 2");
        Assert.Equal(["diger", "rakip"], Column(top, 0));
    }

    [Fact]
    public void A_top_n_by_a_metric_is_shown_in_the_order_by()
    {
        // The two largest plans (pro 5, basic 4), shown in the order asked for: by plan, declared order.
        Assert.Equal(["basic", "pro"], Column(Q("customers_n by plan order by plan top 2 by customers_n"), 0));
    }

    public void Dispose() => _w.Dispose();
}

public sealed class RowOrderTestsOnDuckDb() : RowOrderTests(TestEngine.DuckDb);

public sealed class RowOrderTestsOnPostgres() : RowOrderTests(TestEngine.Postgres);
