using CxReports.Engine.Dialects;

namespace CxReports.Engine.Planning;

/// <summary>The values a planned statement binds: report parameters, the period and the time zone, never spliced into SQL.</summary>
public sealed class SqlParameters(ISqlDialect dialect)
{
    private readonly List<object?> _values = [];
    private readonly Dictionary<string, string> _shared = [];

    public IReadOnlyList<object?> Values => _values;

    /// <summary>A placeholder for a new value.</summary>
    public string Add(object? value)
    {
        _values.Add(value);
        return dialect.Parameter(_values.Count);
    }

    /// <summary>One placeholder per distinct key (the period bounds and time zone are used many times).</summary>
    public string Shared(string key, object? value)
    {
        if (_shared.TryGetValue(key, out var placeholder)) return placeholder;
        return _shared[key] = Add(value);
    }
}
