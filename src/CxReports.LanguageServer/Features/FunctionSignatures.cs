using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;

namespace CxReports.LanguageServer.Features;

/// <summary>One function's signature as shown to the user: <c>percentile(value, p)</c>, its parameters and what it computes.</summary>
internal sealed record FunctionSignature(string Name, IReadOnlyList<string> Parameters, string Documentation, bool Variadic = false)
{
    public string Label => $"{Name}({string.Join(", ", Parameters)}{(Variadic ? ", ..." : "")})";
}

/// <summary>The signatures of every function of the catalog (aggregates, row functions, <c>ltv</c>), read from <see cref="FunctionCatalog"/>.</summary>
internal static class FunctionSignatures
{
    public static IReadOnlyList<FunctionSignature> All { get; } = Build();

    public static FunctionSignature? Find(string name) => All.FirstOrDefault(f => f.Name == name);

    private static FunctionSignature[] Build()
    {
        var aggregates = FunctionCatalog.Aggregates.Values.Select(f => new FunctionSignature(f.Name, f switch
        {
            { TakesPercentile: true } => ["value", "p"],
            { Input: AggregateInput.Source } => ["source"],
            { Input: AggregateInput.SourceOrValue } => ["source_or_value"],
            { Input: AggregateInput.Condition } => ["condition"],
            _ => ["value"],
        }, AggregateDocumentation(f)));
        var rows = FunctionCatalog.RowFunctions.Values.Select(f => new FunctionSignature(f.Name, f.Name switch
        {
            "hours" or "days" => ["difference"],
            "coalesce" => ["value", "fallback"],
            "bucket" => ["value", "bound"],
            _ => ["date"],
        }, $"{Capitalized(f.Summary)}; per row.", Variadic: f.MaxArguments > f.MinArguments));
        var ltv = new FunctionSignature("ltv", FunctionCatalog.LtvArguments.Select(a => a.Key + ":").ToArray(),
            "Customer lifetime value from monthly value and churn: " +
            string.Join(", ", FunctionCatalog.LtvArguments.Select(a => $"`{a.Key}`{(a.Value ? "" : " (optional)")}")) +
            "; `discount` is a yearly rate (`10% per year`).");
        return aggregates.Concat(rows).Append(ltv).ToArray();
    }

    private static string AggregateDocumentation(AggregateFunction f)
    {
        var parts = new List<string> { Capitalized(f.Summary) + "." };
        parts.Add(f.KeepsValueUnit ? "Unit: that of its value." : $"Unit: {f.Unit.ToString().ToLowerInvariant()}.");
        if (f.Direction != Direction.Neutral) parts.Add(f.Direction == Direction.HigherIsBetter ? "Higher is better." : "Lower is better.");
        if (f.Requires == SourceRequirement.Lifecycle) parts.Add("Needs a source with `lifecycle`.");
        if (f.Requires == SourceRequirement.Recurring) parts.Add("Needs a source with `recurring`; a monthly quantity.");
        parts.Add(f.ZeroWhenEmpty ? "0 in a bucket without rows." : "Blank in a bucket without rows.");
        return string.Join(" ", parts);
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
