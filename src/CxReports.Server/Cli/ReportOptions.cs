using System.CommandLine;
using CxReports.Dsl.Model;
using CxReports.Engine.Reports;

namespace CxReports.Server.Cli;

/// <summary><c>--from</c>, <c>--to</c> and repeated <c>--param k=v</c> of commands that evaluate a report.</summary>
public sealed class ReportOptions
{
    private readonly Option<string?> _from = new("--from") { Description = "First day of the period (YYYY-MM-DD); default: the report's period" };
    private readonly Option<string?> _to = new("--to") { Description = "Last day of the period (YYYY-MM-DD)" };
    private readonly Option<string[]> _params = new("--param") { Description = "A report parameter: --param plan=pro", AllowMultipleArgumentsPerToken = false };

    public void AddTo(Command command)
    {
        command.Options.Add(_from);
        command.Options.Add(_to);
        command.Options.Add(_params);
    }

    /// <summary>
    /// The request, its parameters typed for <paramref name="report"/> (none for a query); null, with the reason on
    /// stderr, when a date is malformed. A parameter the report cannot take throws <see cref="ReportArgumentException"/>
    /// naming it, for the command to report in its own words.
    /// </summary>
    public ReportRequest? Request(ParseResult parse, ReportModel? report, TextWriter stderr)
    {
        var values = new Dictionary<string, string>();
        foreach (var pair in parse.GetValue(_params) ?? [])
        {
            var at = pair.IndexOf('=');
            if (at <= 0)
            {
                stderr.WriteLine($"cxr: --param '{pair}' is not name=value");
                return null;
            }
            values[pair[..at]] = pair[(at + 1)..];
        }
        DateOnly? Date(string? text, string option)
        {
            if (text is null) return null;
            var (date, error) = Requests.RequestReader.ParseDate(text, option);
            return error is null ? date : throw new ReportArgumentException(option, error);
        }
        DateOnly? from, to;
        try
        {
            (from, to) = (Date(parse.GetValue(_from), "--from"), Date(parse.GetValue(_to), "--to"));
        }
        catch (ReportArgumentException e)
        {
            stderr.WriteLine($"cxr: {e.Message}");
            return null;
        }
        return new ReportRequest(from, to, report is null ? null : ParamValues.Parse(report, values, text => text));
    }
}
