using System.CommandLine;
using CxReports.Engine.Execution;
using CxReports.Engine.Planning;

namespace CxReports.Server.Cli;

/// <summary>
/// <c>--max-rows</c>, <c>--max-result-bytes</c> and <c>--max-buckets</c> of the commands that evaluate: the server's
/// defaults (<see cref="EvaluationLimits.Default"/>), which one run may raise, e.g. to export a large table.
/// </summary>
public sealed class LimitOptions
{
    private readonly Option<int> _rows = NumberOption.Within(new Option<int>("--max-rows")
    {
        Description = "Most rows of one result table", DefaultValueFactory = _ => EvaluationLimits.DefaultMaxRows,
    }, 1, int.MaxValue);

    private readonly Option<long> _bytes = NumberOption.Within(new Option<long>("--max-result-bytes")
    {
        Description = "Most bytes of values over all result tables (about their JSON size)", DefaultValueFactory = _ => EvaluationLimits.DefaultMaxBytes,
    }, 1, long.MaxValue);

    private readonly Option<int> _buckets = NumberOption.Within(new Option<int>("--max-buckets")
    {
        Description = "Most buckets a grain may split the period into", DefaultValueFactory = _ => EvaluationLimits.DefaultMaxBuckets,
    }, 1, int.MaxValue);

    public void AddTo(Command command)
    {
        command.Options.Add(_rows);
        command.Options.Add(_bytes);
        command.Options.Add(_buckets);
    }

    public EvaluationLimits Limits(ParseResult parse) => new(parse.GetValue(_rows), parse.GetValue(_bytes), parse.GetValue(_buckets));

    /// <summary>One line naming the limit a result went past and the option that raises it.</summary>
    public static string Explain(Exception e) => e switch
    {
        ResultLimitException limit =>
            $"{limit.Message}: narrow it (a shorter period, a coarser grain, fewer dimensions, a where or top N) or raise {(limit.Limit == ResultLimit.Rows ? "--max-rows" : "--max-result-bytes")}",
        TooManyBucketsException => $"{e.Message} (or raise --max-buckets)",
        _ => e.Message,
    };
}
