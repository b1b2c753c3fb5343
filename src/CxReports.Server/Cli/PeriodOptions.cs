using System.CommandLine;
using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Engine.Planning;

namespace CxReports.Server.Cli;

/// <summary><c>--from</c>, <c>--to</c> and <c>--timezone</c>; without dates, the 12 whole months before the current one.</summary>
public sealed class PeriodOptions
{
    private readonly Option<string?> _from = new("--from") { Description = "First day of the period (YYYY-MM-DD)" };
    private readonly Option<string?> _to = new("--to") { Description = "Last day of the period (YYYY-MM-DD)" };
    private readonly Option<string> _zone = new("--timezone") { Description = "Time zone for bucketing timestamps", DefaultValueFactory = _ => "UTC" };

    public void AddTo(Command command)
    {
        command.Options.Add(_from);
        command.Options.Add(_to);
        command.Options.Add(_zone);
    }

    public string TimeZone(ParseResult parse) => parse.GetValue(_zone)!;

    /// <summary>The period asked for, or <paramref name="fallback"/> (a report's own) when no dates are given.</summary>
    public ResolvedPeriod? Resolve(ParseResult parse, TextWriter stderr, PeriodModel? fallback = null)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = Date(parse.GetValue(_from), "--from", stderr, out var fromOk);
        var to = Date(parse.GetValue(_to), "--to", stderr, out var toOk);
        if (!fromOk || !toOk) return null;
        if (Rules.FindTimeZone(TimeZone(parse)) is null)
        {
            stderr.WriteLine($"cxr: unknown time zone '{TimeZone(parse)}' for --timezone (IANA names such as Europe/Istanbul)");
            return null;
        }
        var written = ResolvedPeriod.Resolve(fallback ?? new RelativePeriodModel(PeriodAnchor.Previous, 12, TimeUnit.Month), today);
        var period = ResolvedPeriod.Of(from ?? written.From, to ?? written.To, today);
        if (period.From > period.To)
        {
            stderr.WriteLine($"cxr: the period ends ({period.To:yyyy-MM-dd}) before it starts ({period.From:yyyy-MM-dd})");
            return null;
        }
        return period;
    }

    private static DateOnly? Date(string? text, string option, TextWriter stderr, out bool ok)
    {
        ok = true;
        if (text is null) return null;
        var (date, error) = Evaluation.RequestReader.ParseDate(text, option);
        if (error is null) return date;
        stderr.WriteLine($"cxr: {error}");
        ok = false;
        return null;
    }
}
