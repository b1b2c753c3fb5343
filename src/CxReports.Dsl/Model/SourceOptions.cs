using System.Globalization;

namespace CxReports.Dsl.Model;

/// <summary>
/// How a source's files are read (<c>options { delimiter ";" header false encoding "windows-1254" ... }</c>), each
/// value checked and parsed by the binder; null: not written, the reader's default applies.
/// </summary>
public sealed record SourceOptions
{
    /// <summary>No option written.</summary>
    public static SourceOptions None { get; } = new();

    /// <summary>The character between values of a CSV line (default <c>,</c>, a tab for TSV).</summary>
    public char? Delimiter { get; init; }

    /// <summary>Whether the first line names the columns; only a written <c>true</c> is true, as the loader always read it.</summary>
    public bool? Header { get; init; }

    /// <summary>The character around a quoted value (default <c>"</c>).</summary>
    public char? Quote { get; init; }

    /// <summary>The character that keeps a quote inside a quoted value (default: the quote itself).</summary>
    public char? Escape { get; init; }

    /// <summary>The text encoding of the files, lower case, one of those the binder lists (default UTF-8).</summary>
    public string? Encoding { get; init; }

    /// <summary>The zone timestamps without an offset are read in (default UTC).</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>Lines skipped before the header (default 0).</summary>
    public int? Skip { get; init; }

    /// <summary>The text that stands for a missing value (<c>null "NA"</c>).</summary>
    public string? Null { get; init; }

    /// <summary>The share of its rows a load may drop, 0 to 1 (<c>max_shrink 90%</c>).</summary>
    public decimal? MaxShrink { get; init; }

    /// <summary>
    /// The options written, by keyword in ordinal order, each value as invariant text (a zone by its id): what a load
    /// records to tell whether files were read the same way.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Written()
    {
        var written = new List<KeyValuePair<string, string>>();
        void Add(string key, object? value)
        {
            if (value is not null) written.Add(new(key, Convert.ToString(value, CultureInfo.InvariantCulture)!));
        }
        Add("delimiter", Delimiter);
        Add("encoding", Encoding);
        Add("escape", Escape);
        Add("header", Header is { } header ? header ? "true" : "false" : null);
        Add("max_shrink", MaxShrink);
        Add("null", Null);
        Add("quote", Quote);
        Add("skip", Skip);
        Add("timezone", TimeZone?.Id);
        return written;
    }
}
