namespace CxReports.Engine.Tests.Loading;

/// <summary>A source's content hash (the data version) depends on what is read and how, never on where the data directory is.</summary>
public sealed class ContentHashTests
{
    private const string Model = """
        source answers from "anket/*.csv" {
          key id
          column score: integer
        }
        source customers from "musteriler.csv" {
          key id
          column plan
        }
        """;

    [Fact]
    public void Byte_identical_data_in_two_folders_has_the_same_content_hash()
    {
        using var first = new TempDataDirectory();
        using var second = new TempDataDirectory();
        foreach (var data in new[] { first, second })
        {
            data.Write("anket/2025.csv", "id,score\n1,9\n2,6\n");
            data.Write("musteriler.csv", "id,plan\nc1,pro\n");
            data.LoadAll(Model);
        }

        foreach (var source in new[] { "answers", "customers" })
            Assert.Equal(first.Warehouse.Log.LastLoaded(source)!.ContentHash, second.Warehouse.Log.LastLoaded(source)!.ContentHash);
    }

    [Fact]
    public void A_changed_byte_changes_the_content_hash()
    {
        using var first = new TempDataDirectory();
        using var second = new TempDataDirectory();
        first.Write("musteriler.csv", "id,plan\nc1,pro\n");
        second.Write("musteriler.csv", "id,plan\nc1,pre\n");
        first.Write("anket/2025.csv", "id,score\n1,9\n");
        second.Write("anket/2025.csv", "id,score\n1,9\n");
        first.LoadAll(Model);
        second.LoadAll(Model);

        Assert.NotEqual(first.Warehouse.Log.LastLoaded("customers")!.ContentHash, second.Warehouse.Log.LastLoaded("customers")!.ContentHash);
    }
}
