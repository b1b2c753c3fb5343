using CxReports.Dsl.Model;
using CxReports.Engine.Reports;
using Microsoft.AspNetCore.Http.Extensions;
using ValueType = CxReports.Dsl.Model.ValueType;

namespace CxReports.Server.Pages;

/// <summary>
/// The view a report page shows, as a form and as links: the report, its period and each parameter's value (the ones
/// the evaluation used), so the form starts where the page is and every download is the same view.
/// </summary>
public sealed record ViewFormModel(string Report, string From, string To, IReadOnlyList<ViewField> Fields)
{
    public static ViewFormModel Of(ReportModel report, EvaluatedReport evaluated) => new(report.Name,
        ParamValues.Show(evaluated.From), ParamValues.Show(evaluated.To),
        report.Params.Select(p => new ViewField(p.Name, InputType(p.Type),
            ParamValues.Show(evaluated.Params.TryGetValue(p.Name, out var value) ? value : p.Default),
            p.Choices.Select(ParamValues.Show).ToArray())).ToArray());

    /// <summary>The page's own address for this view.</summary>
    public string PageLink() => $"/reports/{Report}{Query()}";

    /// <summary>The API's address of this view as a document (<c>.pdf</c>, <c>.csv</c> ..., or "" with a format), plus extra members.</summary>
    public string Link(string suffix, params (string Name, string Value)[] extra) => $"/api/reports/{Report}{suffix}{Query(extra)}";

    private string Query(params (string Name, string Value)[] extra)
    {
        var query = new QueryBuilder { { "from", From }, { "to", To } };
        foreach (var field in Fields.Where(f => f.Value.Length > 0)) query.Add(field.Name, field.Value);
        foreach (var (name, value) in extra) query.Add(name, value);
        return query.ToString();
    }

    private static string InputType(ValueType type) => type switch
    {
        ValueType.Date => "date",
        ValueType.Integer or ValueType.Decimal or ValueType.Number => "number",
        _ => "text",
    };
}

/// <summary>A parameter in the form: its name, HTML input type, current value and allowed values (a select when any).</summary>
public sealed record ViewField(string Name, string InputType, string Value, IReadOnlyList<string> Choices);
