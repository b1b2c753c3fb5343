using CxReports.Engine.Tests.Engines;
namespace CxReports.Engine.Tests.Reports;

/// <summary>
/// Result columns carry the labels of the fields, dimensions, score components and bands they show, for the report's
/// locale: dimension columns and every column of a scores list, band values and shown fields with value labels.
/// </summary>
public abstract class LabelledColumnTests(TestEngine engine) : IDisposable
{
    private readonly ReportFixture _fixture = new(engine);

    public void Dispose() => _fixture.Dispose();

    private const string Model = """
        source customers from "customers.csv" {
          key id "Müşteri no" label "en" "Customer no"
          column name "Ad" label "en" "Name"
          column plan "Paket" in ("basic", "pro") labels ("basic" as "Temel", "pro" as "Profesyonel") label "en" "Plan"
          column fee: decimal
          dimension fee_band "Ücret grubu" = bucket(fee, 40) label "en" "Fee band"
        }
        source responses from "responses.csv" {
          link customer = customer_id -> customers
          time at: date
          column score: integer
        }
        score health for customers {
          loyalty "Sadakat" weight 1 = last(responses.score) scale 0 .. 10 label "en" "Loyalty"
          band healthy "Sağlıklı" >= 70 label "en" "Healthy"
          band at_risk "Risk altında" label "en-US" "At risk"
        }
        report tr {
          locale "tr-TR"
          period 2025-01-01 .. 2025-03-31
          section "s" {
            table count(responses) by customer.fee_band, customer.plan
            scores list: health show name, plan
          }
        }
        report en {
          locale "en-US"
          period 2025-01-01 .. 2025-03-31
          section "s" {
            table count(responses) by customer.fee_band, customer.plan
            scores list: health show name, plan
          }
        }
        """;

    private Engine.Reports.EvaluatedReport Evaluate(string report) => _fixture
        .File("customers.csv", "id,name,plan,fee\nk1,Kaya Ltd,pro,30\nk2,Akın AŞ,basic,50\n")
        .File("responses.csv", "customer_id,at,score\nk1,2025-02-01,10\nk2,2025-02-01,3\n")
        .Compile(Model)
        .Evaluate(report, today: new DateOnly(2025, 6, 1));

    [Theory]
    [InlineData("tr", "Ücret grubu", "Paket")]
    [InlineData("en", "Fee band", "Plan")]
    public void Dimension_columns_are_headed_by_the_label_for_the_report_locale(string report, string feeBand, string plan)
    {
        var table = Evaluate(report).Sections[0].Blocks[0].Table!;

        Assert.Equal([feeBand, plan, "count(responses)"], table.Columns.Select(c => c.Meaning.Label));
        Assert.Equal("Profesyonel", table.Columns[1].LabelOf("pro"));
    }

    [Theory]
    [InlineData("tr", "Müşteri no", "Ad", "Paket", "Sadakat", "Sağlıklı", "Risk altında")]
    [InlineData("en", "Customer no", "Name", "Plan", "Loyalty", "Healthy", "At risk")]
    public void A_scores_list_labels_its_key_shown_fields_components_and_band_values(string report, string key, string name, string plan,
        string loyalty, string healthy, string atRisk)
    {
        var table = Evaluate(report).Sections[0].Blocks[1].Table!;

        Assert.Equal(["id", "name", "plan", "score", "band", "loyalty"], table.Columns.Select(c => c.Name));
        Assert.Equal([key, name, plan, null, null, loyalty], table.Columns.Select(c => c.Meaning.Label));
        // The engine's own columns are headed by the renderer's word in the report's language.
        Assert.Equal([null, null, null, "score", "band", null], table.Columns.Select(c => c.Word));
        // Lowest score first: k2 answered 3 (loyalty 30, at risk), k1 answered 10 (100, healthy); the data keeps the band's name.
        Assert.Equal(["at_risk", "healthy"], table.Rows.Select(r => (string)r[4]!));
        Assert.Equal([atRisk, healthy], table.Rows.Select(r => table.Columns[4].LabelOf(r[4])));
        Assert.Equal(["Temel", "Profesyonel"], table.Rows.Select(r => table.Columns[2].LabelOf(r[2])));
    }
}

public sealed class LabelledColumnTestsOnDuckDb() : LabelledColumnTests(TestEngine.DuckDb);

public sealed class LabelledColumnTestsOnPostgres() : LabelledColumnTests(TestEngine.Postgres);
