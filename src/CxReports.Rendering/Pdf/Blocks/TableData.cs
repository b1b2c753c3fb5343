using SkiaSharp;

namespace CxReports.Rendering.Pdf.Blocks;

/// <summary>How a table cell is painted: plain text, a right-aligned number, a 0-100 bar with its number, or a coloured badge.</summary>
public enum CellKind { Text, Number, Bar, Badge }

/// <summary>A table column as printed: its header and how its cells are painted.</summary>
public sealed record TableColumn(string Header, CellKind Kind = CellKind.Text)
{
    public bool RightAligned => Kind is CellKind.Number or CellKind.Bar;
}

/// <summary>One formatted cell: the text, the value behind a bar (0-100), and an optional colour for the text or badge.</summary>
public sealed record TableCell(string Text, double? Value = null, SKColor? Color = null)
{
    public static implicit operator TableCell(string text) => new(text);
}

/// <summary>A formatted table ready to lay out: columns, rows of cells, and the title repeated on continuation pages.</summary>
public sealed record TableData(IReadOnlyList<TableColumn> Columns, IReadOnlyList<TableCell[]> Rows, string? Title = null, string Continued = "continued");
