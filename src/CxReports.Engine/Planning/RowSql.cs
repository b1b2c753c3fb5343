using System.Globalization;
using CxReports.Engine.Dialects;
using FieldKind = CxReports.Dsl.Model.FieldKind;
using ValueType = CxReports.Dsl.Model.ValueType;
using CxReports.Dsl.Model;

namespace CxReports.Engine.Planning;

/// <summary>Compiles row-level expressions (conditions, aggregate arguments, dimensions) to SQL over a join plan.</summary>
public sealed class RowSql(ISqlDialect dialect, JoinPlan joins, SqlParameters parameters, IReadOnlyDictionary<string, object?> paramValues)
{
    private static readonly Dictionary<string, double> SecondsPerUnit = new() { ["hours"] = 3600, ["days"] = 86400 };

    private readonly NestingGuard _nesting = new();

    public string Compile(BoundExpression expression, string? alias = null) =>
        _nesting.Deeper(expression, () => CompileNode(expression, alias));

    private string CompileNode(BoundExpression expression, string? alias) => expression switch
    {
        BoundLiteral l => Literal(l.Value),
        BoundField f => Field(f, alias),
        BoundParameter p => parameters.Shared("param:" + p.Name, paramValues.GetValueOrDefault(p.Name)),
        BoundBinary { Operator: BinaryOperator.Subtract, Left.Type: ValueType.Date or ValueType.Timestamp } b
            when b.Right.Type is ValueType.Date or ValueType.Timestamp =>
            $"(CAST({Compile(b.Left, alias)} AS TIMESTAMPTZ) - CAST({Compile(b.Right, alias)} AS TIMESTAMPTZ))",
        BoundBinary { Operator: BinaryOperator.Divide } b => dialect.SafeDivide(Compile(b.Left, alias), Compile(b.Right, alias)),
        BoundBinary b => $"({Compile(b.Left, alias)} {Operator(b.Operator)} {Compile(b.Right, alias)})",
        BoundUnary { Operator: UnaryOperator.Not } u => $"(NOT {Compile(u.Operand, alias)})",
        BoundUnary u => $"(-{Compile(u.Operand, alias)})",
        BoundIn i => $"({Compile(i.Value, alias)} {(i.Negated ? "NOT IN" : "IN")} ({string.Join(", ", i.Items.Select(x => Compile(x, alias)))}))",
        BoundBetween b => $"({Compile(b.Value, alias)} BETWEEN {Compile(b.Low, alias)} AND {Compile(b.High, alias)})",
        BoundRowCall c => Call(c, alias),
        _ => throw new ArgumentOutOfRangeException(nameof(expression), expression.GetType().Name, "not a row-level expression"),
    };

    /// <summary>A field: a column of the joined rows, or a dimension's derivation evaluated on its own source's rows.</summary>
    private string Field(BoundField field, string? alias)
    {
        var at = joins.AliasFor(field.Links, alias);
        return field.Field is { Kind: FieldKind.Dimension, Derivation: { } derivation }
            ? Compile(derivation, at)
            : $"{at}.{Sql.Identifier(field.Field.Name)}";
    }

    private string Call(BoundRowCall call, string? alias)
    {
        var args = call.Arguments.Select(a => Compile(a, alias)).ToArray();
        return call.Function.Name switch
        {
            "hours" or "days" => Elapsed(call.Arguments[0], args[0], SecondsPerUnit[call.Function.Name], alias),
            "coalesce" => $"coalesce({string.Join(", ", args)})",
            "year" => $"CAST(extract(year FROM {args[0]}) AS BIGINT)",
            "month_of" => $"CAST(extract(month FROM {args[0]}) AS BIGINT)",
            "bucket" => Bucket(args[0], call.Arguments.Skip(1).Select(a => (decimal)((BoundLiteral)a).Value).ToArray()),
            _ => throw new ArgumentOutOfRangeException(nameof(call), call.Function.Name, "unknown row function"),
        };
    }

    /// <summary>
    /// <c>hours(t2 - t1)</c> or <c>days(t2 - t1)</c> of two timestamps as a whole number and its divisor, where the
    /// dialect computes it so (<see cref="ISqlDialect.ElapsedBetweenInstantsParts"/>); null for anything else.
    /// </summary>
    public (string Whole, string Divisor)? ElapsedParts(BoundExpression expression) =>
        expression is BoundRowCall { Function.Name: "hours" or "days" } call &&
        call.Arguments[0] is BoundBinary { Operator: BinaryOperator.Subtract, Left.Type: ValueType.Timestamp, Right.Type: ValueType.Timestamp } d
            ? dialect.ElapsedBetweenInstantsParts(Compile(d.Left), Compile(d.Right), SecondsPerUnit[call.Function.Name])
            : null;

    /// <summary><c>hours(t2 - t1)</c>: a difference of two timestamps as instants, any other difference as written.</summary>
    private string Elapsed(BoundExpression difference, string compiled, double secondsPerUnit, string? alias) =>
        difference is BoundBinary { Operator: BinaryOperator.Subtract, Left.Type: ValueType.Timestamp, Right.Type: ValueType.Timestamp } d
            ? dialect.ElapsedBetweenInstants(Compile(d.Left, alias), Compile(d.Right, alias), secondsPerUnit)
            : dialect.Elapsed(compiled, secondsPerUnit);

    /// <summary><c>bucket(x, 30, 50)</c>: "&lt;30", "30-49", "50+" (<see cref="BucketBands"/>); a blank x stays blank.</summary>
    private static string Bucket(string value, decimal[] bounds)
    {
        static string N(decimal d) => d.ToString(CultureInfo.InvariantCulture);
        var names = BucketBands.Names(bounds);
        var cases = new List<string> { $"WHEN {value} IS NULL THEN NULL" };
        for (var i = 0; i < bounds.Length; i++)
            cases.Add($"WHEN {value} < {N(bounds[i])} THEN {Sql.Literal(names[i])}");
        return $"(CASE {string.Join(" ", cases)} ELSE {Sql.Literal(names[^1])} END)";
    }

    public static string Literal(object value) => value switch
    {
        string s => Sql.Literal(s),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        DateOnly date => $"DATE {Sql.Literal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "no SQL literal for this constant"),
    };

    private static string Operator(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+", BinaryOperator.Subtract => "-", BinaryOperator.Multiply => "*",
        BinaryOperator.Equal => "=", BinaryOperator.NotEqual => "<>", BinaryOperator.Less => "<", BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">", BinaryOperator.GreaterOrEqual => ">=", BinaryOperator.And => "AND", BinaryOperator.Or => "OR",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}
