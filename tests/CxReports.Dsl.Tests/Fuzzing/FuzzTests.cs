using CxReports.Dsl.Tests.Limits;
using CxReports.Fuzz;

namespace CxReports.Dsl.Tests.Fuzzing;

/// <summary>
/// The fuzzer in the normal test run: every input it (or a person) found that once crashed the front end or broke
/// the formatter's round trip stays here as a regression, the seed corpus round-trips, and a short smoke run of
/// the same generators the campaign uses (bench/CxReports.Fuzz) finds nothing.
/// </summary>
public class FuzzTests
{
    private static readonly SeedCorpus Corpus = SeedCorpus.Load(SeedCorpus.FindRepositoryRoot(AppContext.BaseDirectory));
    private static readonly RoundTripOracle Oracle = new(Corpus.Model);

    public static TheoryData<string> Regressions() =>
        new(Directory.GetFiles(Fixture.Directory("fuzz_regressions"), "*.cxr").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    public static TheoryData<string> Seeds() => new(Corpus.Seeds.Select(s => s.Path));

    [Theory]
    [MemberData(nameof(Regressions))]
    public void A_regression_input_is_answered_with_diagnostics_and_round_trips_on_a_small_stack(string file)
    {
        var text = File.ReadAllText(Path.Combine(Fixture.Directory("fuzz_regressions"), file));
        Assert.Null(SmallStack.Run(() => Oracle.Check(text)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void A_seed_of_the_corpus_round_trips(string path)
    {
        var seed = Corpus.Seeds.Single(s => s.Path == path);
        Assert.Null(Oracle.Check(seed.Text));
    }

    [Fact]
    public void A_smoke_run_of_two_thousand_generated_and_mutated_inputs_finds_nothing()
    {
        var report = SmallStack.Run(() => new FuzzSession(Corpus, seed: 20261207).Run(0, 2000));

        Assert.Equal(2000, report.Inputs);
        Assert.True(report.Findings.Count == 0,
            string.Join("\n\n", report.Findings.Select(f => $"input {f.Index}: {f.Finding.Kind}\n{f.Finding.Detail}\n--- input:\n{f.Input}")));
        Assert.True(report.RoundTrips > 100, $"only {report.RoundTrips} inputs went through the round trip");
    }
}
