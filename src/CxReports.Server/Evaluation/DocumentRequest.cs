using CxReports.Server.Problems;
using CxReports.Server.Requests;
using Microsoft.Net.Http.Headers;

namespace CxReports.Server.Evaluation;

/// <summary>
/// Which document a report request asks for: the format from the route (<c>.pdf</c>, <c>.xlsx</c>, ...), else the
/// <c>format</c> query member, else the Accept header (JSON when it accepts anything); and for CSV the <c>block</c>.
/// </summary>
public static class DocumentRequest
{
    /// <summary>The formats the report routes serve, with their media types.</summary>
    public static readonly IReadOnlyDictionary<string, string> MediaTypes = new Dictionary<string, string>
    {
        ["json"] = "application/json",
        ["pdf"] = "application/pdf",
        ["csv"] = "text/csv",
        ["xlsx"] = Rendering.Sheets.ReportXlsx.ContentType,
        ["zip"] = "application/zip",
    };

    public static Outcome<string> Format(string? route, IQueryCollection query, string? accept)
    {
        var asked = Single(query, "format");
        if (asked.Problem is { } twice) return twice;
        if (asked.Value is { } format)
        {
            if (!MediaTypes.ContainsKey(format))
                return ServerProblem.BadParameter("format", $"'{RequestReader.Shorten(format)}' is not a report format." +
                    (Dsl.Binding.DidYouMean.Suggest(format, MediaTypes.Keys) is { } s ? $" Did you mean '{s}'?" : ""), MediaTypes.Keys.ToArray());
            if (route is not null && route != format)
                return ServerProblem.BadParameter("format", $"the route asks for {route} and format for {format}; leave format out or use GET /api/reports/{{name}}?format={format}", [route]);
            return format;
        }
        if (route is not null) return route;
        return FromAccept(accept);
    }

    /// <summary>The block a CSV holds (null: not asked); any other format has every block, so naming one is a mistake.</summary>
    public static Outcome<string?> Block(string format, IQueryCollection query)
    {
        var asked = Single(query, "block");
        if (asked.Problem is { } twice) return twice;
        if (asked.Value is not null && format != "csv")
            return ServerProblem.BadParameter("block", $"block chooses the table of a CSV; {format} documents have every block" +
                (format is "xlsx" or "zip" ? " (one sheet or file each)" : ""), ["csv"]);
        return asked.Value;
    }

    /// <summary>The first format the Accept header takes, by quality; JSON for <c>*/*</c>, <c>application/*</c> or no header.</summary>
    private static Outcome<string> FromAccept(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept)) return "json";
        if (!MediaTypeHeaderValue.TryParseList(accept.Split(','), out var types))
            return ServerProblem.Of(StatusCodes.Status400BadRequest, "Invalid header", $"the Accept header '{RequestReader.Shorten(accept)}' is not a list of media types",
                ("header", "Accept"));
        foreach (var type in types.Where(t => (t.Quality ?? 1) > 0).OrderByDescending(t => t.Quality ?? 1))
        {
            var media = type.MediaType.Value ?? "";
            if (media is "*/*" or "application/*") return "json";
            if (MediaTypes.FirstOrDefault(m => string.Equals(m.Value, media, StringComparison.OrdinalIgnoreCase)).Key is { } format) return format;
        }
        return ServerProblem.Of(StatusCodes.Status406NotAcceptable, "Not acceptable",
            $"none of the media types in Accept is served; a report is served as {string.Join(", ", MediaTypes.Values)} (or ask with ?format=)",
            ("header", "Accept"), ("allowed", MediaTypes.Values.ToArray()));
    }

    private static Outcome<string?> Single(IQueryCollection query, string member)
    {
        if (!query.TryGetValue(member, out var values)) return (string?)null;
        if (values.Count > 1) return ServerProblem.BadParameter(member, $"'{member}' is given {values.Count} times; give it once");
        return values.ToString();
    }
}
