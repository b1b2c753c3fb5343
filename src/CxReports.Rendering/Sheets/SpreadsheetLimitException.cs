namespace CxReports.Rendering.Sheets;

/// <summary>A block's table does not fit a spreadsheet (more rows than an Excel sheet holds); the message says which and why.</summary>
public sealed class SpreadsheetLimitException(string block, string message) : Exception(message)
{
    public string Block { get; } = block;
}
