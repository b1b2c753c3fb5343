using CxReports.Dsl.Model;
using CxReports.Dsl.Diagnostics;
using CxReports.Dsl.Syntax.Tree;

namespace CxReports.Dsl.Binding;

/// <summary>
/// Binds retain-N ROI scenarios; every input is a monthly metric or a constant. A <c>measure against previous
/// period</c> line also asks for the programme's measured effect, which needs a churn metric and the customers it is
/// a share of.
/// </summary>
internal sealed class ScenarioBinder(BinderContext context)
{
    private static readonly string[] Settings = ["retain", "value", "margin", "churn", "cost", "discount", "horizon", "customers"];

    /// <summary>What <c>measure against previous ...</c> accepts, as <c>compare previous ...</c> on a KPI does.</summary>
    private static readonly string[] Baselines = ["period", "year"];

    public void BindAll()
    {
        var metrics = new MetricBinder(context);
        var expressions = new ExpressionBinder(context, metrics);
        foreach (var declaration in context.DeclarationsOf<ScenarioDeclaration>())
        {
            var settings = new Dictionary<string, Setting>();
            foreach (var setting in declaration.Settings)
            {
                var key = setting.Keyword.Text;
                if (!Settings.Contains(key))
                    context.Error(DiagnosticCode.InvalidSetting, setting.Keyword.Span, $"unknown scenario setting '{key}'",
                        key == "measure" ? "write `measure against previous period`"
                            : DidYouMean.Hint(key, [.. Settings, "measure"]) ?? $"settings are {string.Join(", ", Settings)}, and `measure against previous period`");
                else if (!settings.TryAdd(key, setting))
                    context.Error(DiagnosticCode.DuplicateName, setting.Keyword.Span, $"'{key}' is set twice in scenario '{declaration.Name.Text}'");
            }
            var measuredAgainst = MeasuredAgainst(declaration, settings);
            foreach (var required in new[] { "retain", "value", "horizon" }.Where(r => !settings.ContainsKey(r)))
                context.Error(DiagnosticCode.InvalidSetting, declaration.Name.Span, $"scenario '{declaration.Name.Text}' needs `{required}`");
            if (!settings.ContainsKey("retain") || !settings.ContainsKey("value") || !settings.ContainsKey("horizon")) continue;

            var retain = settings["retain"].Values.Select(v => WholeNumber(v, "customers to retain")).ToArray();
            var horizon = settings["horizon"].Values.Select(Horizon).ToArray();
            context.Scenarios[declaration.Name.Text] = new ScenarioModel(
                declaration.Name.Text,
                retain,
                MonthlyInput(settings["value"], expressions)!,
                settings.TryGetValue("margin", out var margin) ? Fraction(margin) : 1m,
                settings.TryGetValue("churn", out var churn) ? MonthlyInput(churn, expressions) : null,
                settings.TryGetValue("cost", out var cost) ? MonthlyInput(cost, expressions) : null,
                settings.TryGetValue("discount", out var discount) ? YearlyRate(discount) : 0m,
                horizon,
                declaration.Span)
            {
                Customers = settings.TryGetValue("customers", out var customers) ? Customers(customers, expressions, metrics) : null,
                MeasuredAgainst = measuredAgainst,
            };
        }
    }

    /// <summary>
    /// The baseline of the <c>measure</c> line (null without one): <c>period</c> or <c>year</c>, once, with a churn
    /// metric to compare (a number is the same in both periods) and the customers that churn is a share of.
    /// </summary>
    private Baseline? MeasuredAgainst(ScenarioDeclaration declaration, IReadOnlyDictionary<string, Setting> settings)
    {
        if (declaration.Measures.IsEmpty) return null;
        foreach (var extra in declaration.Measures.Skip(1))
            context.Error(DiagnosticCode.DuplicateName, extra.Span, $"scenario '{declaration.Name.Text}' is measured twice", "keep one `measure` line");
        var measure = declaration.Measures[0];
        var baseline = measure.Baseline.Text;
        if (!Baselines.Contains(baseline))
        {
            context.Error(DiagnosticCode.InvalidSetting, measure.Baseline.Span, $"a scenario is measured against the previous period or year, not '{baseline}'",
                DidYouMean.Hint(baseline, Baselines) ?? "write `measure against previous period`");
            return null;
        }
        var ok = true;
        if (!settings.TryGetValue("churn", out var churn) || SourceBinder.Constant(churn.Values[0]) is not null)
        {
            context.Error(DiagnosticCode.MeasureWithoutInputs, churn?.Values[0].Span ?? measure.Span,
                $"scenario '{declaration.Name.Text}' is measured, but its churn is {(churn is null ? "not set" : "a number, the same in every period")}",
                "set `churn` to the monthly churn metric the programme should lower: churn churn");
            ok = false;
        }
        if (!settings.ContainsKey("customers"))
        {
            context.Error(DiagnosticCode.MeasureWithoutInputs, measure.Span,
                $"scenario '{declaration.Name.Text}' is measured, but does not say how many customers its churn is a share of",
                "add `customers customers_active` (a count of active customers, averaged over the months)");
            ok = false;
        }
        return ok ? SyntaxEnums.BaselineNamed(baseline) : null;
    }

    /// <summary>A count of customers, averaged over the months of a period: a metric, not a monthly quantity.</summary>
    private BoundExpression Customers(Setting setting, ExpressionBinder expressions, MetricBinder metrics)
    {
        var bound = expressions.BindMetric(setting.Values[0], null);
        if (setting.Values.Length > 1)
            context.Error(DiagnosticCode.InvalidSetting, setting.Values[1].Span, "'customers' takes one value");
        if (SourceBinder.Constant(setting.Values[0]) is not null)
            context.Error(DiagnosticCode.InvalidSetting, setting.Values[0].Span, "'customers' is a metric counting active customers, not a number",
                "customers customers_active");
        else if (metrics.MeaningOf(bound, "").Unit is not (Unit.Count or Unit.None) and var unit)
            context.Error(DiagnosticCode.InvalidSetting, setting.Values[0].Span,
                $"'customers' counts active customers, but this is a {unit.ToString().ToLowerInvariant()}", "customers customers_active");
        return bound;
    }

    private BoundExpression? MonthlyInput(Setting setting, ExpressionBinder expressions)
    {
        var bound = expressions.BindMetric(setting.Values[0], null);
        if (setting.Values.Length > 1)
            context.Error(DiagnosticCode.InvalidSetting, setting.Values[1].Span, $"'{setting.Keyword.Text}' takes one value");
        if (expressions.Monthly(bound) == false)
            context.Error(DiagnosticCode.NotMonthly, setting.Values[0].Span, $"the scenario's {setting.Keyword.Text} must be a monthly quantity",
                "use a metric declared with `per month`, a revenue metric, or a number");
        return bound;
    }

    private int WholeNumber(Expression value, string what)
    {
        if (SourceBinder.Constant(value) is decimal d && d == decimal.Truncate(d) && d is > 0 and <= int.MaxValue) return (int)d;
        context.Error(DiagnosticCode.InvalidSetting, value.Span, $"{what} must be a whole number above 0");
        return 0;
    }

    /// <summary>Horizons beyond this many months (100 years) are mistakes, not plans.</summary>
    private const int MaxHorizonMonths = 1200;

    private int Horizon(Expression value)
    {
        if (value is not DurationLiteral { Amount: > 0 } d || new Duration(Math.Min(d.Amount, MaxHorizonMonths + 1), d.Unit.ToModel()).Months is not { } months)
        {
            context.Error(DiagnosticCode.InvalidSetting, value.Span, "a horizon is a number of months, quarters or years: 3 months, 1 year");
            return 0;
        }
        // The amount is capped before multiplying, so a huge one cannot wrap around into a plausible horizon.
        if (months <= MaxHorizonMonths) return months;
        context.Error(DiagnosticCode.InvalidSetting, value.Span, "a horizon is at most 100 years (1200 months)");
        return 0;
    }

    private decimal Fraction(Setting setting)
    {
        if (SourceBinder.Constant(setting.Values[0]) is decimal d && d > 0 && d <= 1) return d;
        context.Error(DiagnosticCode.InvalidSetting, setting.Values[0].Span, "the margin is a percentage from 0% to 100%: margin 80%");
        return 1m;
    }

    private decimal YearlyRate(Setting setting)
    {
        if (setting.Per?.Text != "year")
            context.Error(DiagnosticCode.InvalidSetting, setting.Span, "the discount is a yearly rate: discount 10% per year");
        if (SourceBinder.Constant(setting.Values[0]) is decimal d && d >= 0) return d;
        context.Error(DiagnosticCode.InvalidSetting, setting.Values[0].Span, "the discount is a percentage: discount 10% per year");
        return 0m;
    }
}
