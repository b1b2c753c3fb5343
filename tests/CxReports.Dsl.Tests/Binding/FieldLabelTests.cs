using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Dsl.Formatting;
using CxReports.Dsl.Syntax.Parsing;
using CxReports.Dsl.Tests.Diagnostics;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests.Binding;

/// <summary>
/// Fields, dimensions, score components and bands carry the readable name written after their name, Turkish letters
/// kept, and labels per locale picked as a metric's are: the culture, else its language, else the written one.
/// </summary>
public class FieldLabelTests
{
    private const string Text = """
        source shops from "magazalar.csv" {
          key magaza_no "Mağaza no" label "en" "Shop no"
          column city "Şehir" = "sehir" required label "en" "City" label "en-GB" "Town"
          column size "Büyüklük" = "m2": integer
          column region = "bolge"
          time opened "Açılış tarihi" = "acilis": date format "%d.%m.%Y"
          dimension size_band "Büyüklük grubu" = bucket(size, 100, 500) label "en" "Size band"
        }

        source visits from "ziyaretler.csv" {
          link shop = magaza_no -> shops
          time at: timestamp
        }

        score busy for shops {
          traffic "Trafik" weight 1 = count(visits) within 30 days scale 0 .. 100 label "en" "Traffic"
          label weight 1 = count(visits) scale 0 .. 10
          band high "Yoğun" >= 50 label "en" "Busy"
          band low "Sakin ığüşöçİ"
        }
        """;

    private static SemanticModel Bind(string text)
    {
        var result = ModelBinder.Compile([new SourceFile("x.cxr", text)]);
        Assert.True(result.Model is not null, string.Join("\n", result.Diagnostics.Select(d => d.Headline)));
        Assert.Empty(result.Diagnostics);
        return result.Model;
    }

    [Theory]
    [InlineData("tr-TR", "Mağaza no", "Şehir", "Büyüklük grubu", "Trafik", "Yoğun")]
    [InlineData("en-US", "Shop no", "City", "Size band", "Traffic", "Busy")]
    [InlineData("en-GB", "Shop no", "Town", "Size band", "Traffic", "Busy")]
    [InlineData("de-DE", "Mağaza no", "Şehir", "Büyüklük grubu", "Trafik", "Yoğun")]
    public void The_report_locale_picks_each_label_and_the_written_one_is_the_default(string locale, string key, string city, string band, string component, string high)
    {
        var model = Bind(Text);
        var shops = model.Sources["shops"];
        Assert.Equal(key, shops.Field("magaza_no")!.Label.For(locale));
        Assert.Equal(city, shops.Field("city")!.Label.For(locale));
        Assert.Equal(band, shops.Field("size_band")!.Label.For(locale));
        Assert.Equal(component, model.Scores["busy"].Components[0].Label.For(locale));
        Assert.Equal(high, model.Scores["busy"].Bands[0].Label.For(locale));
    }

    [Fact]
    public void Labels_keep_Turkish_letters_and_an_unlabelled_one_has_none()
    {
        var model = Bind(Text);
        var shops = model.Sources["shops"];
        Assert.Equal("Sakin ığüşöçİ", model.Scores["busy"].Bands[1].Label.For("tr-TR"));
        Assert.Equal("Açılış tarihi", shops.Field("opened")!.Label.Default);
        Assert.Equal("acilis", shops.Field("opened")!.FileColumn);
        Assert.Null(shops.Field("region")!.Label.For("tr-TR"));
        Assert.Equal("bolge", shops.Field("region")!.FileColumn);
        // A component may still be named label: `label weight ...` is a component, not a locale label.
        Assert.Equal(["traffic", "label"], model.Scores["busy"].Components.Select(c => c.Name));
        Assert.Null(model.Scores["busy"].Components[1].Label.For("en-US"));
    }

    [Fact]
    public void A_label_and_the_file_column_are_told_apart_by_the_equals_sign()
    {
        var city = Bind("source s from \"s.csv\" {\n  column city \"sehir\"\n  column town = \"ilce\"\n}").Sources["s"];
        Assert.Equal(("city", "sehir"), (city.Field("city")!.FileColumn, city.Field("city")!.Label.Default));
        Assert.Equal(("ilce", (string?)null), (city.Field("town")!.FileColumn, city.Field("town")!.Label.Default));
    }

    [Fact]
    public void Formatting_keeps_every_label_in_place_and_is_idempotent()
    {
        var once = CxrFormatter.Format(CxrParser.ParseFile(new SourceFile("x.cxr", Text)).Value);
        Assert.Equal(once, CxrFormatter.Format(CxrParser.ParseFile(new SourceFile("x.cxr", once)).Value));
        Assert.Contains("  column city \"Şehir\" = \"sehir\" required label \"en\" \"City\" label \"en-GB\" \"Town\"\n", once);
        Assert.Contains("  dimension size_band \"Büyüklük grubu\" = bucket(size, 100, 500) label \"en\" \"Size band\"\n", once);
        Assert.Contains("  traffic \"Trafik\" weight 1 = count(visits) within 30 days scale 0 .. 100 label \"en\" \"Traffic\"\n", once);
        Assert.Contains("  band high \"Yoğun\" >= 50 label \"en\" \"Busy\"\n", once);
        Assert.Contains("  band low \"Sakin ığüşöçİ\"\n", once);
        Assert.Equal(Bind(Text).Sources["shops"].Fields.Select(f => f with { Span = default, Derivation = null }),
            Bind(once).Sources["shops"].Fields.Select(f => f with { Span = default, Derivation = null }), new FieldComparer());
    }

    /// <summary>Fields compare by what they say: name, file column, kind, type and labels.</summary>
    private sealed class FieldComparer : IEqualityComparer<FieldModel>
    {
        public bool Equals(FieldModel? x, FieldModel? y) =>
            x!.Name == y!.Name && x.FileColumn == y.FileColumn && x.Kind == y.Kind && x.Type == y.Type
            && x.Label.Default == y.Label.Default && x.Label.ByLocale.OrderBy(l => l.Key).SequenceEqual(y.Label.ByLocale.OrderBy(l => l.Key));

        public int GetHashCode(FieldModel obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }
}
