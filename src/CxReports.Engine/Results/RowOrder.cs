using System.Globalization;

namespace CxReports.Engine.Results;

/// <summary>
/// Puts a query's rows in order after the engine has returned them, the same on every engine: time buckets
/// chronologically, numbers by value, declared values (bands, <c>in</c> lists) in their declared order, and other text by
/// its label or value with the report locale's collation (tr-TR: Ç after C, İ after I, Ş after S). Blanks come last in
/// either direction. A top N is cut here, after that order, so ties are broken the same way on every engine; the SQL
/// only narrows the rows to those whose rank on the first ranking metric is at most N (a superset of the cut).
/// </summary>
public sealed record RowOrder(IReadOnlyList<RowSortKey> Display, IReadOnlyList<RowSortKey>? Ranking, int? Keep, bool Ranked, string Locale)
{
    /// <summary>The column index that stands for the rank the SQL computed (read after the result's columns).</summary>
    public const int Rank = -1;

    /// <summary>The rows in display order, cut to <see cref="Keep"/> along <see cref="Ranking"/>, without the rank value.</summary>
    public IReadOnlyList<object?[]> Apply(IReadOnlyList<ResultColumn> columns, IReadOnlyList<object?[]> rows)
    {
        var compare = CultureInfo.GetCultureInfo(Locale).CompareInfo;
        IEnumerable<object?[]> ordered = rows;
        if (Keep is { } keep) ordered = ordered.Order(Comparer(Ranking ?? Display, columns, compare)).Take(keep);
        ordered = ordered.Order(Comparer(Display, columns, compare));
        return Ranked ? ordered.Select(r => r[..columns.Count]).ToList() : ordered.ToList();
    }

    private static Comparer<object?[]> Comparer(IReadOnlyList<RowSortKey> keys, IReadOnlyList<ResultColumn> columns, CompareInfo compare)
    {
        var comparers = keys.Select(k => (Index: k.Column == Rank ? columns.Count : k.Column, k.Descending,
            Compare: k.Column == Rank ? CompareValues : ValueComparer(columns[k.Column], compare))).ToArray();
        return Comparer<object?[]>.Create((a, b) =>
        {
            foreach (var (index, descending, compareValues) in comparers)
            {
                var (x, y) = (a[index], b[index]);
                if (x is null || y is null)
                {
                    if (x is null && y is null) continue;
                    return x is null ? 1 : -1;
                }
                var result = compareValues(x, y);
                if (result != 0) return descending ? -result : result;
            }
            return 0;
        });
    }

    /// <summary>How two non-blank values of a column compare in ascending order.</summary>
    private static Func<object, object, int> ValueComparer(ResultColumn column, CompareInfo compare)
    {
        if (column.Type != ColumnType.Text) return CompareValues;
        int Text(object x, object y)
        {
            var (a, b) = (column.LabelOf(x) ?? Convert.ToString(x, CultureInfo.InvariantCulture)!, column.LabelOf(y) ?? Convert.ToString(y, CultureInfo.InvariantCulture)!);
            var collated = compare.Compare(a, b, CompareOptions.None);
            return collated != 0 ? collated : string.CompareOrdinal(a, b);
        }
        if (column.DeclaredOrder is not { } declared) return Text;
        var position = declared.Select((v, i) => (v, i)).DistinctBy(p => p.v).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
        // A value outside the declared list (data loaded before the list changed) follows the declared ones.
        int Position(object v) => position.TryGetValue(Convert.ToString(v, CultureInfo.InvariantCulture)!, out var i) ? i : position.Count;
        return (x, y) => Position(x).CompareTo(Position(y)) is var byPosition and not 0 ? byPosition : Text(x, y);
    }

    private static int CompareValues(object x, object y) => (x, y) switch
    {
        (DateOnly a, DateOnly b) => a.CompareTo(b),
        (bool a, bool b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        _ => Convert.ToDouble(x, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(y, CultureInfo.InvariantCulture)),
    };
}
