using CxReports.Dsl.Binding;
using CxReports.Rendering.Formatting;

namespace CxReports.Rendering.Tests.Formatting;

public class UiTextTests
{
    /// <summary>
    /// Every word member of a language, by name: the string members of <see cref="UiText"/> and of the word tables it
    /// holds (the measured effect's as "Effect.Fell", the spreadsheets' as "Sheet.Report").
    /// </summary>
    private static IEnumerable<(string Name, string? Word)> Members(object text, string prefix = "") =>
        text.GetType().GetProperties().SelectMany(p =>
            p.PropertyType == typeof(string) ? [(prefix + p.Name, (string?)p.GetValue(text))]
            : p.PropertyType.Assembly == typeof(UiText).Assembly && p.GetValue(text) is { } table ? Members(table, $"{prefix}{p.Name}.")
            : []);

    /// <summary>The words of a language that are empty: every word member and every entry of <see cref="UiText.Words"/>.</summary>
    private static IReadOnlyList<string> Missing(UiText text, UiText reference) =>
        Members(text)
            .Where(m => string.IsNullOrWhiteSpace(m.Word))
            .Select(m => m.Name)
            .Concat(reference.Words.Keys.Where(k => !text.Words.TryGetValue(k, out var w) || string.IsNullOrWhiteSpace(w)))
            .ToList();

    [Fact]
    public void Every_word_the_renderer_writes_is_given_in_English_and_in_Turkish()
    {
        Assert.Empty(Missing(UiText.English, UiText.Turkish));
        Assert.Empty(Missing(UiText.Turkish, UiText.English));
        Assert.Equal(UiText.English.Words.Keys.Order(), UiText.Turkish.Words.Keys.Order());
    }

    [Fact]
    public void A_word_added_without_its_translation_is_found()
    {
        var untranslated = UiText.Turkish with { EmptyList = "", Words = UiText.Turkish.Words.Where(w => w.Key != "quarter").ToDictionary() };

        Assert.Equal(["EmptyList", "quarter"], Missing(untranslated, UiText.English));
    }

    [Fact]
    public void The_measured_effect_and_spreadsheet_words_are_checked_with_the_rest()
    {
        var untranslated = UiText.Turkish with
        {
            Effect = UiText.Turkish.Effect with { Fell = "" },
            Sheet = UiText.Turkish.Sheet with { DataVersion = " " },
        };

        Assert.Equal(["Effect.Fell", "Sheet.DataVersion"], Missing(untranslated, UiText.English));
        Assert.Same(UiText.Turkish.Effect, new ValueFormatter("tr-TR").Text.Effect);
        Assert.Same(UiText.English.Sheet, new ValueFormatter("de-DE").Text.Sheet);
    }

    [Fact]
    public void No_Turkish_word_is_left_in_English()
    {
        var same = Members(UiText.English).Zip(Members(UiText.Turkish))
            .Where(pair => pair.First.Word == pair.Second.Word)
            .Select(pair => pair.First.Name)
            .Concat(UiText.English.Words.Where(w => UiText.Turkish.Words[w.Key] == w.Value).Select(w => w.Key));

        Assert.Empty(same);
    }

    [Fact]
    public void The_binder_warns_about_exactly_the_locales_the_renderer_has_no_words_for()
    {
        Assert.Equal(Rules.TranslatedLocales.Order(), UiText.Complete.Order());
    }

    [Fact]
    public void Another_locale_gets_English_words_with_its_own_number_and_date_formats()
    {
        var german = new ValueFormatter("de-DE");

        Assert.Equal(UiText.English.PageOf, german.Text.PageOf);
        Assert.Equal(UiText.English.NoData, german.Text.NoData);
        Assert.Equal("01.12.2025 – 30.11.2026", german.Period(new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 30)));
        Assert.Equal("1.234,5", german.Number(1234.5, Dsl.Model.Unit.None, 1));
    }
}
