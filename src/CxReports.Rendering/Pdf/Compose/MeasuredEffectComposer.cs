using CxReports.Dsl.Model;
using CxReports.Engine.Results;
using CxReports.Rendering.Formatting;
using CxReports.Rendering.Pdf.Blocks;
using CxReports.Rendering.Pdf.Layout;
using CxReports.Rendering.Pdf.Style;

namespace CxReports.Rendering.Pdf.Compose;

/// <summary>
/// A scenario's measured effect (<see cref="Engine.Reports.MeasuredEffect"/>) as a row of tiles (churn before and after, customers
/// kept or lost a month, their value, the net of programme cost) and one sentence saying it in words; when it cannot
/// be measured, only the sentence saying why.
/// </summary>
public static class MeasuredEffectComposer
{
    private static readonly TextStyle SentenceStyle = TextStyle.Regular(Theme.Body);

    public static IBlock Compose(ResultTable measured, ValueFormatter format)
    {
        var sentence = new ParagraphBlock(Sentence(measured, format), SentenceStyle, 0);
        var tiles = Tiles(measured, format);
        return tiles.Count == 0 ? sentence : new StackBlock([new KpiTilesBlock(tiles), sentence], gap: 6f);
    }

    /// <summary>Customers kept a month (negative: lost), for marking the what-if row nearest to it; null when unknown.</summary>
    public static double? KeptPerMonth(ResultTable measured) => Number(measured, "kept_per_month");

    public static IReadOnlyList<KpiTile> Tiles(ResultTable measured, ValueFormatter format)
    {
        var text = format.Text.Effect;
        double? before = Number(measured, "churn_before"), after = Number(measured, "churn_after"), change = Number(measured, "churn_change"),
            kept = Number(measured, "kept_per_month"), customers = Number(measured, "customers"), value = Number(measured, "value"),
            cost = Number(measured, "cost"), net = Number(measured, "net"), roi = Number(measured, "roi_pct");
        if (before is null || after is null || kept is null) return [];

        var churn = KpiComposer.Tile(Meaning.Of(Unit.Percent, Direction.LowerIsBetter, text.ChurnTile), after, before, change, format)
            with { Comparison = $"{text.Baseline}: {format.Number(before.Value, Unit.Percent, 1)}" };
        var keptTile = new KpiTile(kept >= 0 ? text.KeptTile : text.LostTile, format.Number(Math.Abs(kept.Value), Unit.Count, 0), true, null, Theme.Neutral,
            customers is { } c ? string.Format(format.Culture, text.ActiveOnAverage, format.Number(c, Unit.Count, 0)) : null);
        List<KpiTile> tiles = [churn, keptTile];
        if (kept > 0 && value is { } v)
            tiles.Add(new KpiTile(text.ValueTile, Money(measured, "value", v, format), true, null, Theme.Neutral,
                cost is { } programme ? string.Format(format.Culture, text.ProgrammeCost, Money(measured, "cost", programme, format)) : null));
        if (kept > 0 && net is { } n)
            tiles.Add(new KpiTile(text.NetTile, Signed(measured, "net", n, format), true,
                roi is { } r ? $"{format.Text.Roi} {format.Number(r, Unit.Percent, 0)}" : null, KpiComposer.ColorFor(Math.Round(n), Direction.HigherIsBetter), null));
        return tiles;
    }

    /// <summary>
    /// "Churn fell from 2.8% to 1.9% a month against the previous period (…), 0.9 pp less. About 11 customers a month
    /// were kept; …", or why the effect cannot be measured.
    /// </summary>
    public static string Sentence(ResultTable measured, ValueFormatter format)
    {
        var text = format.Text.Effect;
        var from = measured.Rows[0][measured.IndexOf("baseline_from")] as DateOnly?;
        var to = measured.Rows[0][measured.IndexOf("baseline_to")] as DateOnly?;
        double? before = Number(measured, "churn_before"), after = Number(measured, "churn_after"), change = Number(measured, "churn_change"),
            kept = Number(measured, "kept_per_month"), customers = Number(measured, "customers"), keptAtEnd = Number(measured, "customers_kept"),
            value = Number(measured, "value"), cost = Number(measured, "cost"), net = Number(measured, "net"), roi = Number(measured, "roi_pct");
        if (from is null || to is null) return text.NoBaseline;
        var baseline = format.Period(from.Value, to.Value);
        if (before is null) return string.Format(format.Culture, text.NoBaselineChurn, baseline);
        if (after is null || change is null) return text.NoPeriodChurn;
        if (customers is null or 0 || kept is null) return text.NoCustomers;

        var against = measured.Rows[0][measured.IndexOf("against")] as string == "year" ? text.AgainstPreviousYear : text.AgainstPreviousPeriod;
        string Percent(double p) => format.Number(p, Unit.Percent, 1);
        var points = format.Number(Math.Abs(change.Value), Unit.None, 1) + format.Text.PercentPoints;
        var roundedChange = Math.Round(change.Value, 1);
        var sentence = roundedChange == 0
            ? string.Format(format.Culture, text.Unchanged, Percent(after.Value), against, baseline)
            : string.Format(format.Culture, roundedChange < 0 ? text.Fell : text.Rose, Percent(before.Value), Percent(after.Value), against, baseline, points);
        string Count(double n) => format.Number(Math.Abs(n), Unit.Count, 0);
        var months = (measured.Rows[0][measured.IndexOf("months")] as long? ?? 0).ToString(format.Culture);
        if (Math.Round(kept.Value) > 0)
            sentence += value is null
                ? text.NoValue
                : string.Format(format.Culture, text.Kept, Count(kept.Value), Count(keptAtEnd ?? 0), Money(measured, "value", value.Value, format),
                    Money(measured, "cost", cost ?? 0, format), months, Signed(measured, "net", net ?? 0, format), roi is { } r ? format.Number(r, Unit.Percent, 0) : format.Text.NoData);
        else if (Math.Round(kept.Value) < 0)
            sentence += string.Format(format.Culture, text.Lost, Count(kept.Value), Money(measured, "cost", cost ?? 0, format), months);
        return sentence;
    }

    /// <summary>An amount of the measured effect, compact and in the currency its column carries: "83 B ₺", "TRY 83k".</summary>
    private static string Money(ResultTable measured, string column, double value, ValueFormatter format) =>
        format.Compact(value, measured.IndexOf(column) is var i and >= 0 ? measured.Columns[i].Meaning : Meaning.Of(Unit.Currency));

    private static string Signed(ResultTable measured, string column, double value, ValueFormatter format) =>
        (Math.Round(value) > 0 ? "+" : "") + Money(measured, column, value, format);

    private static double? Number(ResultTable table, string column) =>
        table.IndexOf(column) is var i and >= 0 && table.Rows.Count > 0 && table.Rows[0][i] is double d && double.IsFinite(d) ? d
        : table.IndexOf(column) is var j and >= 0 && table.Rows.Count > 0 && table.Rows[0][j] is long l ? l
        : null;
}
