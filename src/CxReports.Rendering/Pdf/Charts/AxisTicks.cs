using CxReports.Rendering.Formatting;
using CxReports.Dsl.Model;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace CxReports.Rendering.Pdf.Charts;

/// <summary>
/// A value axis's ticks: ScottPlot's automatic positions, labelled together so every label has the same decimals
/// (<see cref="ValueFormatter.AxisLabels"/>); ScottPlot labels each tick alone.
/// </summary>
public sealed class AxisTicks(ValueFormatter format, Unit unit) : ITickGenerator
{
    private readonly NumericAutomatic _automatic = new() { LabelFormatter = v => format.Axis(v, unit), TickDensity = 0.8 };

    public Tick[] Ticks { get; set; } = [];

    public int MaxTickCount
    {
        get => _automatic.MaxTickCount;
        set => _automatic.MaxTickCount = value;
    }

    public void Regenerate(CoordinateRange range, Edge edge, PixelLength size, Paint paint, LabelStyle labelStyle)
    {
        _automatic.Regenerate(range, edge, size, paint, labelStyle);
        var major = _automatic.Ticks.Where(t => t.IsMajor).ToList();
        var labels = format.AxisLabels(major.Select(t => t.Position).ToList(), unit);
        Ticks = [.. major.Select((t, i) => new Tick(t.Position, labels[i], true)), .. _automatic.Ticks.Where(t => !t.IsMajor)];
    }
}
