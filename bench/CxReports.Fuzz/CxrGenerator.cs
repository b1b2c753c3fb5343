using System.Globalization;
using System.Text;

namespace CxReports.Fuzz;

/// <summary>
/// Writes random CXR files from the grammar: every kind of declaration, member, block and expression, with names
/// mostly taken from the sample model (so the binder follows links, metrics and scores deep into it) and
/// sometimes made up, literals at their edges, comments and uneven layout. Most of what it writes parses; the
/// rest fails in the ways real typing does.
/// </summary>
public sealed class CxrGenerator(Random random)
{
    private static readonly string[] Sources = ["customers", "responses", "invoices", "tickets", "churns", "usage", "costs"];
    private static readonly string[] Fields =
    [
        "plan", "monthly_fee", "city", "age", "signup", "score", "channel", "csat", "ces", "amount", "kind", "issued_at",
        "responded_at", "category", "reason", "left_at", "team", "tooling", "event", "at", "age_band", "customer",
        "customer.plan", "customer.city", "customer.age_band", "opened_at", "first_response_at",
    ];
    private static readonly string[] Metrics = ["nps", "csat", "ces", "churn", "arpa", "mrr", "responses_n", "cx_cost", "ltv", "nrr", "first_response_h"];
    private static readonly string[] Aggregates =
        ["count", "distinct", "sum", "mean", "median", "min", "max", "share", "first", "last", "nps", "nps_margin", "csat", "ces",
         "active", "new", "churned", "churn_rate", "loss_to_gain", "mrr", "paying", "arpa", "nrr", "grr", "mrr_churn"];
    private static readonly string[] RowFunctions = ["hours", "days", "coalesce", "year", "month_of", "bucket"];
    private static readonly string[] Units = ["day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years"];
    private static readonly string[] Words = ["müşteri_no", "sağlıklı", "x", "_y2", "ürün", "nрs", "kanal", "toplam", "a1"];
    private static readonly string[] Strings =
    [
        "", "pro", "Net Promoter Score", "0 8 * * MON", "H 8 1 * *", "0 8 30 2 *", "Europe/Istanbul", "UTC", "tr-TR", "a\\\"b",
        "tab\\tend", "line\\nbreak", "C:\\\\x", "{period}", "cx_{period}.pdf", "../x.csv", "faturalar/*.csv", "%d.%m.%Y",
        "müşteri no", "\u202Eevil", "nul\u0000here", "ctl\u0001", "😀", "https://example.com/hook",
    ];

    private int _depth;

    public string File()
    {
        var text = new StringBuilder();
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            if (Chance(0.2)) text.Append("# ").Append(Pick(Strings)).Append('\n');
            text.Append(Declaration()).Append(Chance(0.3) ? "\n\n" : "\n");
        }
        return text.ToString();
    }

    private string Declaration() => random.Next(10) switch
    {
        < 4 when Chance(0.1) => $"currency {Quote(Pick(["TRY", "EUR", "USD", "TRL", "try", ""]))}",
        < 4 when Chance(0.1) => ModelBlock(),
        < 4 => $"metric {Name("m")}{(Chance(0.3) ? " " + Str() : "")} = {MetricExpression()}{(Chance(0.3) ? " where " + Condition() : "")}{(Chance(0.2) ? " per month" : "")}{(Chance(0.25) ? MeaningBlock() : "")}",
        < 6 => Source(),
        < 8 => Report(),
        8 when Chance(0.3) => Alert(),
        8 => Score(),
        _ => Scenario(),
    };

    /// <summary>An alert: lines right and wrong (unknown channels and grains, bad levels, thresholds of text, repeats).</summary>
    private string Alert()
    {
        var body = new StringBuilder($"alert {Name("a")}{(Chance(0.5) ? " " + Str() : "")} {{\n");
        for (var i = random.Next(0, 6); i > 0; i--)
            body.Append("  ").Append(random.Next(6) switch
            {
                0 => $"when {Pick(Metrics)}{(Chance(0.5) ? " by " + Pick(["channel", "customer.plan", "month", "x"]) : "")} "
                     + (Chance(0.6)
                         ? $"{Pick(["drops", "rises", "changes"])}{(Chance(0.3) ? " by" : "")} {(Chance(0.5) ? Number() + " points" : random.Next(0, 200) + "%")}{(Chance(0.5) ? " vs previous " + Pick(["period", "year", "decade"]) : "")}"
                         : $"{Pick([">", ">=", "<", "<="])} {(Chance(0.8) ? Number() : Str())}"),
                1 => $"min {Pick(Metrics)} {Number()}",
                2 => $"significance {Pick(["95%", "99%", "50%", "100%", "0.95", "5%"])}",
                3 => $"grain {Pick(["week", "month", "quarter", "fortnight"])}",
                4 => $"check {Quote(Pick(["0 9 * * *", "H 8 1 * *", "0 8 30 2 *"]))}{(Chance(0.5) ? " timezone " + Quote(Pick(["Europe/Istanbul", "Mars/Base"])) : "")}",
                _ => "notify " + string.Join(", ", Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
                    $"{Pick(["slack", "teams", "email", "webhook", "sms"])} {Quote(Pick(["https://hooks.slack.com/services/T/B/x", "cx@firma.com.tr", "ftp://x", "nobody"]))}")),
            }).Append('\n');
        return body.Append('}').ToString();
    }

    /// <summary>The model block: settings right and wrong (unknown zones, locales and words, repeats, numbers for text).</summary>
    private string ModelBlock() =>
        "model {" + string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => (Chance(0.7) ? "\n  " : " ") + random.Next(5) switch
        {
            0 => $"timezone {Quote(Pick(["Europe/Istanbul", "UTC", "Europe/Istambul", "Mars/Base"]))}",
            1 => $"locale {Quote(Pick(["tr-TR", "en-US", "de-DE", "xx", ""]))}",
            2 => $"currency {Quote(Pick(["TRY", "EUR", "TL", ""]))}",
            3 => $"{Pick(["timezon", "currncy", "colour"])} {Str()}",
            _ => Pick(["timezone 3", "locale tr", "currency", "model { }"]),
        })) + "\n}";

    /// <summary>A metric's meaning block: lines right and wrong (unknown units, 40 decimals, odd locales, repeats).</summary>
    private string MeaningBlock() =>
        " {" + string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => (Chance(0.5) ? "\n  " : " ") + random.Next(6) switch
        {
            0 => "unit " + Pick(["count", "percent", "score", "currency", "ratio", "hours", "days", "none", "precent", "lira"]),
            1 => "decimals " + Pick(["0", "1", "2", "6", "7", "40", "1.5"]),
            2 => Pick(["higher is better", "lower is better", "neutral"]),
            3 => Pick(["relative change", "no relative change"]),
            4 => $"label {Quote(Pick(["tr-TR", "en-US", "tr", "turkish", "tr_TR", ""]))} {Str()}",
            _ => Pick(["higher is", "unit", "label \"tr-TR\"", "decimals x"]),
        })) + "\n}";

    private string Source()
    {
        var body = new StringBuilder();
        var name = Chance(0.5) ? Pick(Sources) : Name("s");
        body.Append($"source {name} from {Quote(Pick(["a.csv", "b.parquet", "c.json", "faturalar/*.csv", "x.txt", "../up.csv", "d.ndjson"]))}{(Chance(0.1) ? " format csv" : "")} {{\n");
        if (Chance(0.3)) body.Append("  options {\n    delimiter \";\"\n    header true\n  }\n");
        for (var i = random.Next(0, 7); i > 0; i--)
        {
            body.Append("  ").Append(random.Next(8) switch
            {
                0 => $"key {Name("id")}{Label()}{(Chance(0.3) ? " = " + Str() : "")}{LocaleLabels()}",
                1 => $"time {Name("t")}{Label()}{(Chance(0.5) ? ": " + Pick(["date", "timestamp", "integer"]) : "")}{(Chance(0.3) ? " format \"%d.%m.%Y\"" : "")}{LocaleLabels()}",
                2 => $"link {Name("customer")}{(Chance(0.5) ? " = musteri_no" : "")} -> {Pick(Sources)}{(Chance(0.3) ? " required" : "")}",
                3 => $"lifecycle {Pick(Fields)}{(Chance(0.5) ? " .. " + Pick(["churns.left_at", "left_at", "x.y"]) : "")}",
                4 => $"dimension {Name("d")}{Label()} = {RowExpression()}{LocaleLabels()}",
                5 => $"recurring {Pick(Fields)} per {Pick(["month", "week"])}{(Chance(0.3) ? " where " + Condition() : "")}",
                _ => $"column {Name("c")}{Label()}{(Chance(0.3) ? " = " + Str() : "")}{(Chance(0.6) ? ": " + Pick(["text", "integer", "decimal", "boolean", "date", "timestamp", "int"]) : "")}{Constraints()}{LocaleLabels()}",
            }).Append(Chance(0.1) ? "  # note\n" : "\n");
        }
        return body.Append("}").ToString();
    }

    /// <summary>Sometimes a label after a field's, dimension's, component's or band's name, with its leading space.</summary>
    private string Label() => Chance(0.3) ? " " + Str() : "";

    /// <summary>Sometimes labels per locale at the end of such a line, valid or not.</summary>
    private string LocaleLabels() => string.Concat(Enumerable.Range(0, Chance(0.2) ? random.Next(1, 3) : 0)
        .Select(_ => $" label {Quote(Pick(["en", "en-US", "tr-TR", "en-UK", "turkish", ""]))} {Str()}"));

    private string Constraints()
    {
        var text = new StringBuilder();
        for (var i = random.Next(0, 3); i > 0; i--)
            text.Append(' ').Append(random.Next(5) switch
            {
                0 => "required",
                1 => $"range {Number()} .. {Number()}",
                2 => $"in ({string.Join(", ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => Chance(0.5) ? Str() : Number()))})",
                3 => $"labels ({string.Join(", ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => $"{(Chance(0.5) ? Str() : Number())} as {Str()}"))})",
                _ => $"default {(Chance(0.5) ? Number() : Str())}",
            });
        return text.ToString();
    }

    private string Score()
    {
        var body = new StringBuilder($"score {Name("health")} for {Pick(Sources)} {{\n");
        for (var i = random.Next(0, 4); i > 0; i--)
            body.Append($"  {Name("part")}{Label()} weight {Number()} = {MetricExpression()}{(Chance(0.4) ? $" within {random.Next(0, 400)} {Pick(Units)}" : "")} scale {Number()} .. {Number()}{LocaleLabels()}\n");
        for (var i = random.Next(0, 4); i > 0; i--)
            body.Append($"  band {Name("b")}{Label()}{(Chance(0.7) ? $" {Pick([">=", ">", "<=", "<"])} {Number()}" : "")}{LocaleLabels()}\n");
        return body.Append('}').ToString();
    }

    private string Scenario()
    {
        var body = new StringBuilder($"scenario {Name("roi")} {{\n");
        foreach (var setting in new[] { "retain", "value", "margin", "churn", "cost", "discount", "horizon", "customers", "measure", "bogus" }.Where(_ => Chance(0.6)))
            body.Append($"  {setting} {setting switch
            {
                "retain" => $"{random.Next(0, 20)}, {random.Next(1, 20)} per month",
                "horizon" => $"{random.Next(1, 40)} {Pick(Units)}, {random.Next(1, 10)} years",
                "discount" => $"{random.Next(0, 100)}% per year",
                "margin" => $"{random.Next(0, 150)}%",
                "measure" => $"against previous {Pick(["period", "year", "perod", "month"])}",
                _ => MetricExpression(),
            }}\n");
        return body.Append('}').ToString();
    }

    private string Report()
    {
        var body = new StringBuilder($"report {Name("r")}{(Chance(0.5) ? " " + Str() : "")} {{\n");
        if (Chance(0.5)) body.Append($"  description {Str()}\n");
        if (Chance(0.5)) body.Append("  period ").Append(Chance(0.5) ? $"{Date()} .. {Date()}" : $"{Pick(["last", "this", "previous"])} {(Chance(0.5) ? random.Next(0, 30) + " " : "")}{Pick(Units)}").Append('\n');
        if (Chance(0.4)) body.Append($"  grain {Pick(["day", "week", "month", "quarter", "year", "fortnight"])}\n");
        if (Chance(0.3)) body.Append($"  timezone {Quote(Pick(["Europe/Istanbul", "UTC", "Mars/Base", "../etc/passwd"]))}\n");
        if (Chance(0.3)) body.Append($"  locale {Quote(Pick(["tr-TR", "en-US", "xx"]))}\n");
        if (Chance(0.4)) body.Append($"  param {Name("plan")}: {Pick(["text", "integer", "date", "boolean", "money"])}{(Chance(0.6) ? " = " + (Chance(0.5) ? Str() : Number()) : "")}{(Chance(0.5) ? $" in ({Str()}, {Str()})" : "")}\n");
        if (Chance(0.4)) body.Append($"  filter {Condition()}{(Chance(0.3) ? " unless " + Condition() : "")}\n");
        if (Chance(0.4))
        {
            body.Append($"  schedule {Quote(Pick(["0 8 * * MON", "H 8 1 * *", "0 25 * * *", "0 8 30 2 *", "*/5 * * * * *", "0 8 * MON"]))}{(Chance(0.4) ? " timezone \"UTC\"" : "")} {{\n");
            for (var i = random.Next(0, 4); i > 0; i--)
                body.Append(random.Next(4) switch
                {
                    0 => $"    email {Str()}, {Quote("a@b.example")} as pdf{(Chance(0.5) ? " subject " + Str() : "")}\n",
                    1 => $"    folder {Str()} as {Pick(["pdf", "json", "csv", "xlsx", "zip", "docx"])}{(Chance(0.5) ? " file " + Str() : "")}\n",
                    2 => $"    webhook {Str()} as json\n",
                    _ => "    skip when empty\n",
                });
            body.Append("  }\n");
        }
        for (var s = random.Next(0, 3); s > 0; s--)
        {
            body.Append($"  section {Str()} {{\n");
            for (var i = random.Next(0, 4); i > 0; i--) body.Append("    ").Append(Block()).Append('\n');
            body.Append("  }\n");
        }
        return body.Append('}').ToString();
    }

    private string Block()
    {
        var title = Chance(0.4) ? " " + Str() : "";
        var id = Chance(0.3) ? $" {Name("b")}:" : "";
        return random.Next(7) switch
        {
            0 => $"kpi{title}{id} {KpiMetricList()}{(Chance(0.4) ? " compare previous " + Pick(["period", "year", "decade"]) : "")}",
            1 => $"chart {Pick(["line", "bar", "area", "stacked", "pie"])}{title}{id} {Query()}",
            2 => $"table{title}{id} {Query()}",
            3 => $"cohort{title}{id} {Pick(Sources)} by {Pick(["month", "week"])} over {random.Next(0, 200)}",
            4 => $"scores{title}{id} {Pick(["health", "x"])}{(Chance(0.5) ? " where " + Condition() : "")}{(Chance(0.5) ? $" top {random.Next(0, 50)} by {ScoresKey()}{(Chance(0.4) ? ", " + ScoresKey() : "")}" : "")}"
                 + (Chance(0.3) ? " show " + string.Join(", ", Enumerable.Range(0, random.Next(1, 3)).Select(_ => Pick(["name", "plan", "monthly_fee", "score", "x"]))) : "")
                 + (Chance(0.2) ? " empty " + Str() : ""),
            5 => $"scenario{title}{id} {Pick(["retention_roi", "x"])}",
            _ => $"text{id} {Str()}",
        };
    }

    /// <summary>A sort key of a scores list: a column, mostly one it has, with an optional direction.</summary>
    private string ScoresKey() => Pick(["score", "monthly_fee", "band", "loyalty", "x"]) + Pick(["", " asc", " desc"]);

    /// <summary>A query as blocks, <c>cxr query</c> and <c>/api/query</c> take it.</summary>
    public string Query() =>
        MetricList()
        + (Chance(0.6) ? " by " + string.Join(", ", Enumerable.Range(0, random.Next(1, 3)).Select(_ => Chance(0.5) ? Pick(["day", "week", "month", "quarter", "year"]) : Pick(Fields))) : "")
        + (Chance(0.4) ? " where " + Condition() : "")
        + (Chance(0.3) ? " order by " + string.Join(", ", Enumerable.Range(0, random.Next(1, 3))
            .Select(_ => (Chance(0.5) ? MetricExpression() : Pick(Fields)) + (Chance(0.4) ? " " + Pick(["asc", "desc"]) : ""))) : "")
        + (Chance(0.3) ? $" top {random.Next(0, 30)}{(Chance(0.5) ? " by " + MetricExpression() : "")}{(Chance(0.3) ? " " + Pick(["asc", "desc"]) : "")}" : "");

    private string MetricList() => string.Join(", ", Enumerable.Range(0, random.Next(1, 4)).Select(_ => MetricExpression()));

    /// <summary>A KPI's metrics, each perhaps with a moment (<c>at start</c>, <c>at end</c>, or a wrong word).</summary>
    private string KpiMetricList() => string.Join(", ", Enumerable.Range(0, random.Next(1, 4))
        .Select(_ => MetricExpression() + (Chance(0.3) ? " at " + Pick(["start", "end", "middle"]) : "")));

    private string MetricExpression() => Expression(metric: true);

    private string RowExpression() => Expression(metric: false);

    private string Condition()
    {
        _depth++;
        try
        {
            return ConditionAtDepth();
        }
        finally
        {
            _depth--;
        }
    }

    private string ConditionAtDepth()
    {
        var left = RowExpression();
        return random.Next(_depth > 6 ? 3 : 8) switch
        {
            0 => $"{left} in ({Str()}, {Number()})",
            1 => $"{left} not in ({Str()})",
            2 => $"{left} between {Number()} and {Number()}",
            3 => $"not {Condition()}",
            4 when _depth < 4 => $"{Condition()} {Pick(["and", "or"])} {Condition()}",
            5 => $"({Condition()})",
            _ => $"{left} {Pick(["=", "!=", "<", "<=", ">", ">="])} {(Chance(0.5) ? Str() : RowExpression())}",
        };
    }

    private string Expression(bool metric)
    {
        _depth++;
        try
        {
            if (_depth > 5 || Chance(0.35)) return Leaf(metric);
            return random.Next(7) switch
            {
                0 or 1 => $"{Expression(metric)} {Pick(["+", "-", "*", "/"])} {Expression(metric)}",
                2 => $"({Expression(metric)})",
                3 => $"-{Expression(metric)}",
                4 when metric => $"{Pick(Aggregates)}({(Chance(0.3) ? Pick(Sources) : Chance(0.2) ? Condition() : RowExpression())}{(Chance(0.2) ? ", " + Number() : "")})",
                4 => $"{Pick(RowFunctions)}({RowExpression()}{(Chance(0.4) ? ", " + Number() : "")})",
                5 when metric => $"ltv(value: {Expression(true)}, churn: {Expression(true)}, margin: {random.Next(0, 120)}%{(Chance(0.5) ? $", discount: {random.Next(0, 30)}% per year" : "")})",
                _ => Leaf(metric),
            };
        }
        finally
        {
            _depth--;
        }
    }

    private string Leaf(bool metric) => random.Next(6) switch
    {
        0 => Number(),
        1 => Chance(0.5) ? $"{random.Next(0, 101)}%" : Date(),
        2 when !metric => Str(),
        3 => $"{random.Next(0, 100)} {Pick(Units)}",
        _ => metric ? Pick(Metrics) : Pick(Fields),
    };

    private string Number() => random.Next(10) switch
    {
        0 => "99999999999999999999999999999999",
        1 => random.Next(0, 1000).ToString(CultureInfo.InvariantCulture) + "." + random.Next(0, 100).ToString("00", CultureInfo.InvariantCulture),
        _ => random.Next(0, 200).ToString(CultureInfo.InvariantCulture),
    };

    private string Date() => random.Next(6) switch
    {
        0 => "0001-01-01",
        1 => "9999-12-31",
        2 => "2025-02-30",
        _ => new DateOnly(2020, 1, 1).AddDays(random.Next(0, 3000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private string Name(string stem) => Chance(0.15) ? Pick(Words) : Chance(0.5) ? stem : stem + random.Next(0, 5);

    private string Str() => Quote(Pick(Strings));

    private static string Quote(string value) => "\"" + value + "\"";

    private string Pick(string[] items) => items[random.Next(items.Length)];

    private bool Chance(double p) => random.NextDouble() < p;
}
