using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CxReports.Server.Problems;
using CxReports.Server.Requests;
using CxReports.Server.Security;
using CxReports.Server.Settings;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CxReports.Server.Evaluation;

/// <summary>A minted share link: its absolute URL and when it stops working.</summary>
public sealed record SharedLink(string Url, DateTimeOffset ExpiresAt);

/// <summary>
/// Share links as a use case: minting one for a report with fixed parameters (checked now, as a report request would
/// be), and opening one: the report evaluated through <see cref="ReportService"/> with exactly the parameters signed
/// into the link, whatever the query string says. A link that is not one this server signed, or whose report is
/// gone, is one 404 saying nothing more; a signed link past its time is 410.
/// </summary>
public sealed partial class SharedReports(ReportService reports, ShareLinks links, IOptions<CxrServerOptions> options, TimeProvider time)
{
    public const string SharePath = "/share";
    private static readonly string[] Members = ["from", "to", "parameters", "expiresIn"];
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    [GeneratedRegex("^([1-9][0-9]{0,5})([mhd])$")]
    private static partial Regex Duration();

    private AccessOptions Access => options.Value.Access;

    /// <summary>
    /// A link to <paramref name="name"/> from the JSON body <c>{from, to, parameters: {name: value}, expiresIn: "30m" | "12h" | "7d"}</c>
    /// (every member optional; expiresIn defaults to 7 days, at most Cxr:Access:ShareMaxDays).
    /// </summary>
    public async Task<Outcome<SharedLink>> Mint(string name, HttpRequest http, CancellationToken cancellation)
    {
        var found = reports.Find(name);
        if (found.Problem is { } missing) return missing;
        var body = await BoundedBody.ReadText(http, Access.MaxFormBytes, $"{AccessOptions.Section}:MaxFormBytes", cancellation);
        if (body.Problem is { } tooLarge) return tooLarge;
        var read = Read(body.Value!);
        if (read.Problem is { } bad) return bad;
        var (parameters, lifetime) = read.Value;
        if (reports.Check(name, Query(parameters)).Problem is { } badParameter) return badParameter;
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds((time.GetUtcNow() + lifetime).ToUnixTimeSeconds());
        if (links.Mint(new ShareGrant(name, parameters, expiresAt)) is not { } token)
            return ServerProblem.BadParameter("parameters", $"the parameters make the link longer than {ShareLinks.MaxTokenLength} characters; share fewer or shorter values");
        return new SharedLink($"{http.Scheme}://{http.Host}{http.PathBase}{SharePath}/{token}", expiresAt);
    }

    /// <summary>The shared report evaluated with the link's parameters and no others, for its page (<c>GET /share/{token}</c>).</summary>
    public async Task<Outcome<(Engine.Reports.EvaluatedReport Report, bool CacheHit)>> Evaluated(string token, CancellationToken cancellation)
    {
        var opened = Open(token);
        if (opened.Problem is { } refused) return refused;
        var grant = opened.Value!;
        var evaluated = await reports.Evaluated(grant.Report, Query(grant.Parameters), cancellation);
        return evaluated.Problem is { Status: StatusCodes.Status404NotFound } ? NotFound() : evaluated;
    }

    /// <summary>The shared report as a document (json or pdf) with the link's parameters and no others.</summary>
    public async Task<Outcome<ServedDocument>> Document(string token, string format, CancellationToken cancellation)
    {
        var opened = Open(token);
        if (opened.Problem is { } refused) return refused;
        var grant = opened.Value!;
        var document = await reports.Document(grant.Report, format, Query(grant.Parameters), null, cancellation);
        return document.Problem is { Status: StatusCodes.Status404NotFound } ? NotFound() : document;
    }

    /// <summary>What the link grants, or 410 past its time (or older than the longest life links may have now), or 404.</summary>
    private Outcome<ShareGrant> Open(string token)
    {
        var check = links.Open(token, time.GetUtcNow());
        if (check.Expired || check.Grant is { } late && late.ExpiresAt > time.GetUtcNow().AddDays(Access.ShareMaxDays))
            return ServerProblem.Of(StatusCodes.Status410Gone, "Link expired", "this share link has expired; ask whoever shared it for a new one");
        return check.Grant is { } grant ? grant : NotFound();
    }

    private static ServerProblem NotFound() =>
        ServerProblem.Of(StatusCodes.Status404NotFound, "Not found", "there is no shared report at this address");

    private static QueryCollection Query(IReadOnlyDictionary<string, string> parameters) =>
        new(parameters.ToDictionary(p => p.Key, p => new StringValues(p.Value), StringComparer.Ordinal));

    /// <summary>The parameters (from and to among them, as text) and the lifetime the body asks for, or the member at fault.</summary>
    private Outcome<(Dictionary<string, string> Parameters, TimeSpan Lifetime)> Read(string text)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(text.Length == 0 ? "{}" : text, new JsonDocumentOptions { MaxDepth = 4 });
        }
        catch (JsonException e)
        {
            return ServerProblem.BadParameter("body", $"the body is not JSON: {e.Message}");
        }
        using (json)
        {
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return ServerProblem.BadParameter("body", "the body is a JSON object: {\"from\": \"2026-01-01\", \"to\": \"2026-03-31\", \"parameters\": {}, \"expiresIn\": \"7d\"}");
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            var lifetime = DefaultLifetime < TimeSpan.FromDays(Access.ShareMaxDays) ? DefaultLifetime : TimeSpan.FromDays(Access.ShareMaxDays);
            foreach (var member in json.RootElement.EnumerateObject())
            {
                switch (member.Name)
                {
                    case "from" or "to":
                        if (member.Value.ValueKind != JsonValueKind.String) return ServerProblem.BadParameter(member.Name, $"{member.Name} is a date as text, YYYY-MM-DD");
                        parameters[member.Name] = member.Value.GetString()!;
                        break;
                    case "parameters":
                        if (Parameters(member.Value, parameters) is { } badParameter) return badParameter;
                        break;
                    case "expiresIn":
                        var asked = Lifetime(member.Value);
                        if (asked.Problem is { } badLifetime) return badLifetime;
                        lifetime = asked.Value;
                        break;
                    default:
                        return ServerProblem.BadParameter(RequestReader.Shorten(member.Name), $"'{RequestReader.Shorten(member.Name)}' is not a member of a share request", Members);
                }
            }
            return (parameters, lifetime);
        }
    }

    private static ServerProblem? Parameters(JsonElement value, Dictionary<string, string> into)
    {
        if (value.ValueKind != JsonValueKind.Object) return ServerProblem.BadParameter("parameters", "parameters is an object of report parameters by name: {\"plan\": \"pro\"}");
        foreach (var parameter in value.EnumerateObject())
        {
            var name = RequestReader.Shorten(parameter.Name);
            if (Dsl.Binding.Rules.ReservedParamNames.Contains(parameter.Name))
                return ServerProblem.BadParameter($"parameters.{name}", $"'{name}' is not a report parameter: give from and to beside parameters; a link has no format or block");
            if (into.ContainsKey(parameter.Name)) return ServerProblem.BadParameter($"parameters.{name}", $"parameter '{name}' is given twice");
            string? text = parameter.Value.ValueKind switch
            {
                JsonValueKind.String => parameter.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => parameter.Value.GetRawText(),
                _ => null,
            };
            if (text is null) return ServerProblem.BadParameter($"parameters.{name}", $"parameter '{name}' is a string, number or true/false");
            into[parameter.Name] = text;
        }
        return null;
    }

    private Outcome<TimeSpan> Lifetime(JsonElement value)
    {
        var maximum = $"at most {Access.ShareMaxDays}d ({AccessOptions.Section}:ShareMaxDays)";
        if (value.ValueKind != JsonValueKind.String || Duration().Match(value.GetString()!) is not { Success: true } match)
            return ServerProblem.BadParameter("expiresIn", $"expiresIn is a duration such as \"30m\", \"12h\" or \"7d\", {maximum}");
        var amount = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var lifetime = match.Groups[2].Value switch
        {
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromDays(amount),
        };
        return lifetime <= TimeSpan.FromDays(Access.ShareMaxDays)
            ? lifetime
            : ServerProblem.BadParameter("expiresIn", $"expiresIn '{value.GetString()}' is longer than a share link may last: {maximum}");
    }
}
