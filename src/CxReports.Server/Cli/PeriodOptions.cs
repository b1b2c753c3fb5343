using System.CommandLine;
using CxReports.Dsl.Binding;
using CxReports.Engine.Planning;
using CxReports.Engine.Reports;

namespace CxReports.Server.Cli;

/// <summary>
/// <c>--from</c>, <c>--to</c> and <c>--timezone</c> of a query; without dates, the default period of <see cref="AdHocQuery"/>;
/// without a zone, the model block's.
/// </summary>
public sealed class PeriodOptions
{
    private readonly Option<string?> _from = new("--from") { Description = "First day of the period (YYYY-MM-DD)" };
    private readonly Option<string?> _to = new("--to") { Description = "Last day of the period (YYYY-MM-DD)" };
    private readonly Option<string?> _zone = new("--timezone") { Description = "Time zone for bucketing timestamps (default: the model block's, else UTC)" };

    public void AddTo(Command command)
    {
        command.Options.Add(_from);
        command.Options.Add(_to);
        command.Options.Add(_zone);
    }

    /// <summary>The zone asked for; null: the model's (<see cref="AdHocQuery"/> plans in its <c>model</c> block's, UTC without one).</summary>
    public string? TimeZone(ParseResult parse) => parse.GetValue(_zone);

    /// <summary>The period asked for (<see cref="AdHocQuery.Period"/>); null, with the reason on stderr, when it is not one.</summary>
    public ResolvedPeriod? Resolve(ParseResult parse, TextWriter stderr)
    {
        var from = Date(parse.GetValue(_from), "--from", stderr, out var fromOk);
        var to = Date(parse.GetValue(_to), "--to", stderr, out var toOk);
        if (!fromOk || !toOk) return null;
        if (TimeZone(parse) is { } zone && Rules.FindTimeZone(zone) is null)
        {
            stderr.WriteLine($"cxr: unknown time zone '{zone}' for --timezone (IANA names such as Europe/Istanbul)");
            return null;
        }
        try
        {
            return AdHocQuery.Period(from, to, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));
        }
        catch (ReportArgumentException e)
        {
            stderr.WriteLine($"cxr: {e.Message}");
            return null;
        }
    }

    private static DateOnly? Date(string? text, string option, TextWriter stderr, out bool ok)
    {
        ok = true;
        if (text is null) return null;
        var (date, error) = Requests.RequestReader.ParseDate(text, option);
        if (error is null) return date;
        stderr.WriteLine($"cxr: {error}");
        ok = false;
        return null;
    }
}
