namespace CxReports.Fuzz;

/// <summary>
/// Input number <c>i</c> of a campaign with a given seed, the same on every run: a mutated seed text, a generated
/// file, a generated file mutated, or a generated query. Being a pure function of (seed, index), an input that
/// ends a worker process can be rebuilt by the supervisor and saved.
/// </summary>
public sealed class FuzzInputs(SeedCorpus corpus, int seed)
{
    public string this[long index]
    {
        get
        {
            // Random(int) is the same sequence on every run and machine; HashCode is not (it is seeded per process).
            var random = new Random(unchecked((int)(seed * 1_000_003L + index * 7_919L)));
            var mutator = new TextMutator(random);
            var generator = new CxrGenerator(random);
            var seedText = Excerpt(corpus.Seeds[random.Next(corpus.Seeds.Count)].Text, random);
            var other = corpus.Seeds[random.Next(corpus.Seeds.Count)].Text;
            return random.Next(20) switch
            {
                < 7 => mutator.Mutate(seedText, other),
                < 12 => generator.File(),
                < 15 => mutator.Mutate(generator.File(), other, maxEdits: 3),
                _ => random.Next(2) == 0 ? generator.Query() : mutator.Mutate(generator.Query(), other, maxEdits: 2),
            };
        }
    }

    /// <summary>
    /// One to three consecutive declarations of a seed (each starts at a column-1 keyword), or now and then all of
    /// it: small inputs parse fast, so a campaign tries more of them.
    /// </summary>
    private static string Excerpt(string text, Random random)
    {
        var starts = new List<int> { 0 };
        for (var i = text.IndexOf('\n'); i >= 0 && i + 1 < text.Length; i = text.IndexOf('\n', i + 1))
            if (text.AsSpan(i + 1).StartsWith("source ") || text.AsSpan(i + 1).StartsWith("metric ") || text.AsSpan(i + 1).StartsWith("score ")
                || text.AsSpan(i + 1).StartsWith("scenario ") || text.AsSpan(i + 1).StartsWith("report "))
                starts.Add(i + 1);
        if (starts.Count < 2 || random.Next(8) == 0) return text;
        var first = random.Next(starts.Count);
        var last = Math.Min(starts.Count, first + random.Next(1, 4));
        var end = last < starts.Count ? starts[last] : text.Length;
        return text[starts[first]..end];
    }
}
