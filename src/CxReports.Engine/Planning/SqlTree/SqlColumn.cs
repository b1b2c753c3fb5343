namespace CxReports.Engine.Planning.SqlTree;

/// <summary>A select-list entry: an expression and the name it is read back by (none for <c>x.*</c> or a plain column).</summary>
public sealed record SqlColumn(string Expression, string? Name = null)
{
    public static implicit operator SqlColumn(string expression) => new(expression);
}
