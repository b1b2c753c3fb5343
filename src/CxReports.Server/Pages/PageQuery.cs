namespace CxReports.Server.Pages;

/// <summary>
/// A page's query string with empty members left out: a form submits every field, and an empty one means "not given"
/// (the report's default), not a value.
/// </summary>
public static class PageQuery
{
    public static IQueryCollection WithoutEmpty(IQueryCollection query) => new QueryCollection(query
        .Where(member => member.Value.Any(v => !string.IsNullOrEmpty(v)))
        .ToDictionary(member => member.Key, member => member.Value, StringComparer.Ordinal));
}
