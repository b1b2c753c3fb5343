using System.Diagnostics;

namespace CxReports.Fuzz;

/// <summary>What a run of inputs found: counts, every finding with its input, and the slowest input.</summary>
public sealed class FuzzReport
{
    public long Inputs { get; set; }
    public long Exceptions { get; set; }
    public long RoundTripFailures { get; set; }
    /// <summary>Inputs that parsed cleanly, so were formatted, reparsed, rebound and formatted again.</summary>
    public long RoundTrips { get; set; }
    public List<(long Index, Finding Finding, string Input)> Findings { get; } = [];
    public long SlowestIndex { get; set; } = -1;
    public double SlowestMilliseconds { get; set; }
    public string SlowestInput { get; set; } = "";
}

/// <summary>Runs inputs <c>[from, to)</c> of a campaign through the oracle in this process.</summary>
public sealed class FuzzSession(SeedCorpus corpus, int seed)
{
    private readonly FuzzInputs _inputs = new(corpus, seed);
    private readonly RoundTripOracle _oracle = new(corpus.Model);

    /// <param name="starting">Told each index before its input runs (the worker reports it, so a crash is attributable).</param>
    /// <param name="found">Told each finding as it is found.</param>
    public FuzzReport Run(long from, long to, Action<long>? starting = null, Action<long, Finding>? found = null, int keepFindings = 50)
    {
        var report = new FuzzReport();
        var clock = new Stopwatch();
        // Warm up (JIT, the time zone database read by the first unknown zone's did-you-mean) so the slowest input
        // measures the front end, not the first call of the process.
        foreach (var seedFile in corpus.Seeds) _oracle.Check(seedFile.Text);
        _oracle.Check("report r {\n  timezone \"Mars/Base\"\n}");
        var roundTripsBefore = _oracle.RoundTrips;
        for (var index = from; index < to; index++)
        {
            starting?.Invoke(index);
            var input = _inputs[index];
            Finding? finding;
            clock.Restart();
            try
            {
                finding = _oracle.Check(input);
            }
            catch (Exception e)
            {
                finding = new Finding("exception", e.ToString());
            }
            var elapsed = clock.Elapsed.TotalMilliseconds;
            report.Inputs++;
            if (elapsed > report.SlowestMilliseconds)
                (report.SlowestIndex, report.SlowestMilliseconds, report.SlowestInput) = (index, elapsed, input);
            if (finding is null) continue;
            found?.Invoke(index, finding);
            if (finding.Kind == "exception") report.Exceptions++;
            else report.RoundTripFailures++;
            if (report.Findings.Count < keepFindings) report.Findings.Add((index, finding, input));
        }
        report.RoundTrips = _oracle.RoundTrips - roundTripsBefore;
        return report;
    }
}
