using CxReports.Dsl.Model;
using CxReports.Rendering.Pdf.Style;
using SkiaSharp;

namespace CxReports.Rendering.Pdf.Charts;

/// <summary>
/// Colours a chart's series by what they mean, never by their names: series of different metrics by direction
/// (rise is good news: the green family; bad news: the red family; neutral: the brand palette); series of one
/// metric split by ranked values (a score's bands) by rank, best green, worst red, those between amber; series
/// split by anything else from the brand palette. No two series share a colour (the caller caps their number).
/// </summary>
public static class SeriesColors
{
    public static IReadOnlyList<ChartSeries> Assign(IReadOnlyList<ChartSeries> series, bool split, IReadOnlyList<string>? levels)
    {
        var palette = new Queue<SKColor>(Theme.Series);
        var better = new Queue<SKColor>(Theme.Better);
        var worse = new Queue<SKColor>(Theme.Worse);
        SKColor Next(Queue<SKColor> family) => family.Count > 0 ? family.Dequeue() : palette.Count > 0 ? palette.Dequeue() : Theme.Neutral;

        return series.Select(s =>
        {
            if (s.IsOther) return s with { Color = Theme.Other };
            if (split && levels is { Count: > 1 } && s.Key is { } key && levels.ToList().IndexOf(key) is var rank and >= 0)
                return s with { Color = rank == 0 ? Next(better) : rank == levels.Count - 1 ? Next(worse) : Theme.Watch };
            if (split) return s with { Color = Next(palette) };
            return s with
            {
                Color = s.Meaning.Direction switch
                {
                    Direction.HigherIsBetter => Next(better),
                    Direction.LowerIsBetter => Next(worse),
                    _ => Next(palette),
                },
            };
        }).ToList();
    }
}
