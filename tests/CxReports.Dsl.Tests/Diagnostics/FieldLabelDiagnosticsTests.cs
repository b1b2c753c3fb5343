using CxReports.Dsl.Binding;
using CxReports.Dsl.Text;
using CxReports.Dsl.Diagnostics;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>CXR037: the label of a field, dimension, score component or band, and its labels per locale.</summary>
public class FieldLabelDiagnosticsTests
{
    [Fact]
    public void An_empty_field_label_is_refused_at_the_label()
    {
        Cxr.Single("source s from \"s.csv\" {\n  column city \"  \" = \"sehir\"\n}").Is(DiagnosticCode.InvalidLabel, "x.cxr:2:15",
            "the label of field 'city' is empty", "write the name readers should see, or delete the label");
    }

    [Fact]
    public void An_empty_source_label_is_refused_at_the_label()
    {
        Cxr.Single("source s \"\" from \"s.csv\" label \"en\" \"Sessions\" {\n  column city\n}").Is(DiagnosticCode.InvalidLabel, "x.cxr:1:10",
            "the label of source 's' is empty", "write the name readers should see, or delete the label");
    }

    [Fact]
    public void A_source_label_and_its_locale_labels_are_bound()
    {
        var compiled = ModelBinder.Compile([Cxr.ModelFile, new SourceFile("x.cxr", "source s \"Oturumlar\" from \"s.csv\" label \"en\" \"Sessions\" {\n  column city\n}")]);
        Assert.Empty(compiled.Diagnostics);
        var model = compiled.Model!;

        Assert.Equal("Oturumlar", model.Sources["s"].Label.For("tr-TR"));
        Assert.Equal("Sessions", model.Sources["s"].Label.For("en-US"));
    }

    [Fact]
    public void A_link_label_and_its_locale_labels_are_bound_and_an_empty_one_refused()
    {
        var compiled = ModelBinder.Compile([Cxr.ModelFile, new SourceFile("x.cxr",
            "source s from \"s.csv\" {\n  link buyer \"Alıcı\" = musteri_no -> customers required label \"en\" \"Buyer\"\n}")]);
        Assert.Empty(compiled.Diagnostics);
        var buyer = compiled.Model!.Sources["s"].Field("buyer")!;
        Assert.Equal(("Alıcı", "Buyer"), (buyer.Label.For("tr-TR"), buyer.Label.For("en-US")));

        Cxr.Single("source s from \"s.csv\" {\n  link buyer \"\" -> customers\n}").Is(DiagnosticCode.InvalidLabel, "x.cxr:2:14",
            "the label of link 'buyer' is empty", "write the name readers should see, or delete the label");
    }

    [Fact]
    public void An_empty_label_for_a_locale_is_refused_naming_the_locale()
    {
        Cxr.Single("source s from \"s.csv\" {\n  column age: integer\n  dimension age_band \"Yaş grubu\" = bucket(age, 30) label \"en\" \"\"\n}")
            .Is(DiagnosticCode.InvalidLabel, "x.cxr:3:63", "the \"en\" label of dimension 'age_band' is empty",
                "write the name readers should see, or delete the label");
    }

    [Fact]
    public void A_label_locale_that_is_no_locale_suggests_the_closest()
    {
        Cxr.Single("source s from \"s.csv\" {\n  key no \"Müşteri no\" label \"en-UK\" \"Customer no\"\n}")
            .Is(DiagnosticCode.InvalidLabel, "x.cxr:2:29", "\"en-UK\" is not a locale", "did you mean \"en-US\"?");
    }

    [Fact]
    public void A_locale_labelled_twice_names_the_first()
    {
        Cxr.Single("score health for customers {\n  fee \"Ücret\" weight 1 = sum(invoices.amount) scale 0 .. 10 label \"en\" \"Fee\" label \"EN\" \"Fees\"\n}")
            .Is(DiagnosticCode.InvalidLabel, "x.cxr:2:84", "component 'fee' is already labelled for \"EN\" at x.cxr:2:61", "keep one label per locale");
    }

    [Fact]
    public void An_empty_band_label_is_refused()
    {
        Cxr.Single("score health for customers {\n  fee weight 1 = sum(invoices.amount) scale 0 .. 10\n  band low \"\"\n}")
            .Is(DiagnosticCode.InvalidLabel, "x.cxr:3:12", "the label of band 'low' is empty", "write the name readers should see, or delete the label");
    }

    [Fact]
    public void A_control_character_in_a_field_label_is_refused_as_in_every_string()
    {
        Assert.Contains(Cxr.Compile("source s from \"s.csv\" {\n  column city \"Şe\u0007hir\"\n}"), d => d.Code.Id == DiagnosticCode.ControlCharacter.Id);
    }

    /// <summary>Source and link labels are strings like any other: NUL, a bell or a line break in one is CXR033 at the character.</summary>
    [Theory]
    [InlineData("source s \"Otu\0rum\" from \"s.csv\" {\n  column city\n}", "x.cxr:1:14")]
    [InlineData("source s from \"s.csv\" label \"en\" \"Ses\u0007sions\" {\n  column city\n}", "x.cxr:1:38")]
    [InlineData("source s from \"s.csv\" {\n  link buyer \"Alı\u001bcı\" -> customers\n}", "x.cxr:2:18")]
    public void A_control_character_in_a_source_or_link_label_is_refused_at_it(string text, string at)
    {
        var found = Cxr.Compile(text);
        Assert.Contains(found, d => d.Code.Id == DiagnosticCode.ControlCharacter.Id && d.ToString().StartsWith(at, StringComparison.Ordinal));
    }
}
