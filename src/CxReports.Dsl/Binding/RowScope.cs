using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;

namespace CxReports.Dsl.Binding;

/// <summary>
/// Where row-level names resolve: the fields of <see cref="Source"/> (bare or qualified with a source name,
/// following links), and, in report filters, the report's parameters.
/// </summary>
internal sealed record RowScope(SourceModel Source, IReadOnlyDictionary<string, ParamModel> Params)
{
    /// <summary>The code reported when a qualified name names a source this one cannot reach.</summary>
    public DiagnosticCode UnreachableCode { get; init; } = DiagnosticCode.Unreachable;

    public static RowScope Of(SourceModel source) => new(source, new Dictionary<string, ParamModel>());
}
