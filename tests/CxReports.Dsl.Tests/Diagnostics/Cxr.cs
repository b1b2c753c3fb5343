using CxReports.Dsl.Binding;
using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Text;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>
/// Compiles a few lines of CXR (<c>x.cxr</c>) together with a small model that binds cleanly (<c>model.cxr</c>), so a
/// test writes only the broken lines and their line numbers are those of its own text.
/// </summary>
internal static class Cxr
{
    /// <summary>
    /// Customers with a lifecycle, responses and invoices linked to them (invoices recurring), costs linked to
    /// nothing, and plans with neither key nor time field; metrics over them, monthly and not.
    /// </summary>
    public const string ModelText = """
        source customers from "customers.csv" {
          key id
          column plan
          column fee: decimal
          time signup: date
          time left_at: date
          lifecycle signup .. left_at
        }

        source responses from "responses.csv" {
          key id
          link customer = customer_id -> customers
          time answered_at: timestamp
          column channel
          column score: integer
        }

        source invoices from "invoices.csv" {
          key invoice_id
          link customer = customer_id -> customers
          time issued_at: date
          column amount: decimal
          recurring amount per month
        }

        source costs from "costs.csv" {
          time booked: date
          column team: decimal
        }

        source plans from "plans.csv" {
          column code
          column price: decimal
        }

        metric nps = nps(responses.score)
        metric responses_n = count(responses)
        metric churn = churn_rate(customers) per month
        metric arpa = arpa(invoices) per month
        metric team_cost = sum(costs.team)
        """;

    public static SourceFile ModelFile { get; } = new("model.cxr", ModelText);

    /// <summary>The model alone, bound: what <see cref="Query"/> binds against.</summary>
    public static SemanticModel Model { get; } = ModelBinder.Compile([ModelFile]).Model
        ?? throw new InvalidOperationException("the test model does not bind");

    /// <summary>Every diagnostic of <paramref name="text"/> compiled as <c>x.cxr</c> next to the model.</summary>
    public static IReadOnlyList<Diagnostic> Compile(string text) =>
        ModelBinder.Compile([ModelFile, new SourceFile("x.cxr", text)]).Diagnostics;

    /// <summary>The one diagnostic <paramref name="text"/> causes; fails listing them all if there are more or none.</summary>
    public static Diagnostic Single(string text) => One(Compile(text));

    /// <summary>Every diagnostic of a query bound against the model.</summary>
    public static IReadOnlyList<Diagnostic> Query(string text) => ModelBinder.BindQuery(Model, text).Diagnostics;

    /// <summary>The one diagnostic a query causes.</summary>
    public static Diagnostic SingleInQuery(string text) => One(Query(text));

    public static Diagnostic One(IReadOnlyList<Diagnostic> diagnostics)
    {
        Assert.True(diagnostics.Count == 1,
            $"expected one diagnostic, got {diagnostics.Count}:\n" + string.Join("\n", diagnostics.Select(d => $"{d.Headline} [hint: {d.Hint}]")));
        return diagnostics[0];
    }

    /// <summary>
    /// Asserts the diagnostic reads <c>{at}: error {code}: {message}</c> (<paramref name="at"/> is <c>file:line:col</c>)
    /// and carries exactly <paramref name="hint"/> (null: none).
    /// </summary>
    public static void Is(this Diagnostic diagnostic, DiagnosticCode code, string at, string message, string? hint = null)
    {
        Assert.Equal($"{at}: {(code.Severity == Severity.Error ? "error" : "warning")} {code.Id}: {message}", diagnostic.Headline);
        Assert.Equal(hint, diagnostic.Hint);
    }
}
