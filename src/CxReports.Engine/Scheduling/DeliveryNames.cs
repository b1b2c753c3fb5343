using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CxReports.Engine.Reports;

namespace CxReports.Engine.Scheduling;

/// <summary>File names, subjects and idempotency keys of deliveries, with <c>{period}</c> and <c>{date}</c> filled in.</summary>
public static class DeliveryNames
{
    /// <summary><c>cx_overview_2025-03-03.pdf</c> by default (the slot's date), or the pattern written after <c>file</c>.</summary>
    public static string FileName(string? pattern, EvaluatedReport report, DateOnly slotDate, string format)
    {
        var name = pattern is null ? $"{report.Report}_{Date(slotDate)}" : Fill(pattern, report, slotDate, "_");
        var stem = Path.GetExtension(name) is { Length: > 0 } ext && ext.TrimStart('.').Length <= 4 ? Path.ChangeExtension(name, null) : name;
        return $"{stem}.{format}";
    }

    /// <summary>The file of one block: <c>cx_overview_2025-03-03_kpi_1.csv</c> (block ids are identifiers, safe in a name).</summary>
    public static string WithBlock(string fileName, string block)
    {
        var extension = Path.GetExtension(fileName);
        return $"{fileName[..^extension.Length]}_{block}{extension}";
    }

    public static string Subject(string? pattern, EvaluatedReport report, DateOnly slotDate) =>
        pattern is null ? $"{report.Title} ({Date(report.From)} – {Date(report.To)})" : Fill(pattern, report, slotDate, " – ");

    /// <summary>One key per (report, slot, channel, target): the same delivery is recognised after a restart.</summary>
    public static string IdempotencyKey(string report, DateTimeOffset slot, string kind, string target) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{report}\n{slot.UtcDateTime:O}\n{kind}\n{target}")))[..32];

    private static string Fill(string pattern, EvaluatedReport report, DateOnly slotDate, string rangeSeparator) => pattern
        .Replace("{period}", $"{Date(report.From)}{rangeSeparator}{Date(report.To)}")
        .Replace("{date}", Date(slotDate))
        .Replace("{report}", report.Report);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
