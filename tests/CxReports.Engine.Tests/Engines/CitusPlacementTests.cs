using CxReports.Dsl.Binding;
using CxReports.Dsl.Text;
using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Tests.Engines;

/// <summary>
/// How the sample model's sources are placed on a Citus cluster. There is no Citus server here, so the statements
/// are checked as text; on plain PostgreSQL (no <c>citus</c> extension) none is issued, as every other
/// PostgreSQL test shows.
/// </summary>
public sealed class CitusPlacementTests
{
    private static readonly Dsl.Model.SemanticModel Model = ModelBinder.Compile(
        ReportFiles.Read([Path.Combine(TestPaths.RepositoryRoot(), "reports")], TestPaths.RepositoryRoot())).Model!;

    [Fact]
    public void The_customer_entity_is_distributed_by_its_key_and_every_source_linking_to_it_by_that_link()
    {
        var placements = Model.Sources.Values.ToDictionary(s => s.Name, s => TablePlacement.Of(Model, s).DistributeBy);

        Assert.Equal("musteri_no", placements["customers"]);
        foreach (var linked in new[] { "churns", "invoices", "responses", "tickets", "usage", "orders" })
            Assert.Equal("customer", placements[linked]);
        Assert.Null(placements["costs"]); // monthly programme costs: small, no customer, copied to every worker
    }

    [Fact]
    public void Distributed_and_reference_tables_are_created_with_citus_functions_on_the_schema_qualified_table()
    {
        Assert.Equal("""SELECT create_distributed_table('"cxr"."_cxr_stage_responses"', 'customer')""",
            CitusPlacement.Distribute("cxr", "_cxr_stage_responses", new PublishedTable("responses", "customer")));
        Assert.Equal("""SELECT create_reference_table('"cxr"."_cxr_stage_costs"')""",
            CitusPlacement.Distribute("cxr", "_cxr_stage_costs", new PublishedTable("costs", null)));
        Assert.Equal("""SELECT create_distributed_table('"my ""odd"" schema"."t"', 'it''s')""",
            CitusPlacement.Distribute("my \"odd\" schema", "t", new PublishedTable("t", "it's")));
    }
}
