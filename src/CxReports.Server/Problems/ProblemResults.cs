using Microsoft.AspNetCore.Http.HttpResults;

namespace CxReports.Server.Problems;

/// <summary>Turns <see cref="ServerProblem"/> values into <c>application/problem+json</c> responses.</summary>
public static class ProblemResults
{
    public static ProblemHttpResult ToResult(this ServerProblem problem) =>
        TypedResults.Problem(problem.Detail, statusCode: problem.Status, title: problem.Title,
            extensions: problem.Extensions.ToDictionary(e => e.Key, e => e.Value));
}

/// <summary>What a service hands back: a value or the problem that prevented it.</summary>
public readonly record struct Outcome<T>(T? Value, ServerProblem? Problem)
{
    public static implicit operator Outcome<T>(T value) => new(value, null);
    public static implicit operator Outcome<T>(ServerProblem problem) => new(default, problem);
}
