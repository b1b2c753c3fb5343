using CxReports.Dsl.Binding;
using CxReports.Dsl.Formatting;
using CxReports.Dsl.Model;
using CxReports.Dsl.Syntax.Parsing;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests.Binding;

/// <summary>The binder parses written values once: what comes after it reads zones, cultures, cron and options as values.</summary>
public class ParsedValuesTests
{
    private const string Text = """
        source tickets from "tickets.csv" {
          options { delimiter ";" header false skip 2 max_shrink 90% timezone "Europe/Istanbul" encoding "windows-1254" null "NA" }
          key id
          time opened_at: timestamp
        }

        metric opened = count(tickets)

        report weekly "Weekly" {
          period previous 2 quarters
          timezone "America/New_York"
          locale "tr-TR"
          schedule "0 8 * * MON" timezone "Asia/Tokyo" {
            email "cx@example.com"
          }
          section "S" {
            kpi opened compare previous year
          }
        }
        """;

    private static SemanticModel Bind(string text)
    {
        var result = ModelBinder.Compile([new SourceFile("x.cxr", text)]);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Model!;
    }

    [Fact]
    public void Source_options_are_typed_values_with_their_defaults_left_null()
    {
        var options = Bind(Text).Sources["tickets"].Options;

        Assert.Equal(new SourceOptions
        {
            Delimiter = ';',
            Header = false,
            Skip = 2,
            MaxShrink = 0.9m,
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Istanbul"),
            Encoding = "windows-1254",
            Null = "NA",
        }, options);
        Assert.Null(options.Quote);
        Assert.Null(options.Escape);
    }

    [Fact]
    public void Written_options_read_as_the_load_version_always_recorded_them_key_by_key()
    {
        // The text a load's version held when the options were a dictionary of the values as written, sorted by key.
        Assert.Equal(
            ["delimiter=;", "encoding=windows-1254", "header=false", "max_shrink=0.9", "null=NA", "skip=2", "timezone=Europe/Istanbul"],
            Bind(Text).Sources["tickets"].Options.Written().Select(o => $"{o.Key}={o.Value}"));
    }

    [Fact]
    public void A_report_holds_its_zone_culture_anchor_baseline_and_cron_parsed_and_the_cron_as_written()
    {
        var report = Bind(Text).Reports["weekly"];

        Assert.Equal("America/New_York", report.TimeZone.Id);
        Assert.Equal("tr-TR", report.Locale.Name);
        Assert.Equal(new RelativePeriodModel(PeriodAnchor.Previous, 2, TimeUnit.Quarter), report.Period);
        Assert.Equal(Baseline.Year, ((KpiBlockModel)report.Sections[0].Blocks[0]).Compare);
        var schedule = report.Schedule!;
        Assert.Equal("0 8 * * MON", schedule.Cron);
        Assert.Equal("Asia/Tokyo", schedule.TimeZone.Id);
        // Monday 5 January 2026, 08:00 in Tokyo (UTC+9, no daylight saving) is 23:00 UTC the day before.
        Assert.Equal(new DateTime(2026, 1, 4, 23, 0, 0, DateTimeKind.Utc),
            schedule.Slots.GetNextOccurrence(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), schedule.TimeZone));
    }

    [Fact]
    public void Formatted_text_binds_to_equal_parsed_values()
    {
        var original = Bind(Text);
        var formatted = Bind(CxrFormatter.Format(CxrParser.ParseFile(new SourceFile("x.cxr", Text)).Value));

        Assert.Equal(original.Sources["tickets"].Options, formatted.Sources["tickets"].Options);
        var (before, after) = (original.Reports["weekly"], formatted.Reports["weekly"]);
        Assert.Equal(before.TimeZone, after.TimeZone);
        Assert.Equal(before.Locale, after.Locale);
        Assert.Equal(before.Period, after.Period);
        Assert.Equal(before.Schedule!.Slots, after.Schedule!.Slots);
        Assert.Equal(before.Schedule.TimeZone, after.Schedule.TimeZone);
    }
}
