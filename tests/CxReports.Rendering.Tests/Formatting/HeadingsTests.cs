using CxReports.Engine.Results;
using CxReports.Rendering.Formatting;
using CxReports.Dsl.Model;
using CxReports.Engine.Planning;

namespace CxReports.Rendering.Tests.Formatting;

public class HeadingsTests
{
    [Theory]
    [InlineData("en-US", "customer.monthly_fee", "Monthly fee")]
    [InlineData("en-US", "musteri_no", "Musteri no")]
    [InlineData("tr-TR", "ilçe", "İlçe")]
    [InlineData("tr-TR", "ıspanak_türü", "Ispanak türü")]
    [InlineData("en-US", "first_response_h", "First response h")]
    [InlineData("en-US", "nps", "Nps")]
    public void A_column_without_a_label_is_its_name_set_as_text_with_nothing_guessed(string locale, string name, string heading) =>
        Assert.Equal(heading, Headings.Of(new ResultColumn(name, ColumnType.Text), new ValueFormatter(locale)));

    [Fact]
    public void A_label_wins_over_the_name_and_a_time_dimension_is_named_by_its_grain()
    {
        var turkish = new ValueFormatter("tr-TR");

        Assert.Equal("Ortalama işlem tutarı", Headings.Of(new ResultColumn("ats", ColumnType.Number, Meaning.Of(Unit.Currency, label: "Ortalama işlem tutarı")), turkish));
        Assert.Equal("Çeyrek", Headings.Of(new ResultColumn("signup", ColumnType.Date) { Grain = TimeUnit.Quarter }, turkish));
        Assert.Equal("Month", Headings.Of(new ResultColumn("bucket", ColumnType.Date) { Grain = TimeUnit.Month }, new ValueFormatter("en-US")));
        // A date field named after a grain is still a field.
        Assert.Equal("Month", Headings.Of(new ResultColumn("month", ColumnType.Date), new ValueFormatter("en-US")));
        Assert.Equal("Ay", Headings.Of(new ResultColumn("ay", ColumnType.Date), turkish));
    }
}
