using System.Text;

namespace CxReports.Rendering.Alerts;

/// <summary>An alert's email: the title as subject, a short text with the periods, a line per segment, the minimum-sample note and the link.</summary>
public static class AlertEmail
{
    public static (string Subject, string Text) Of(AlertMessage message)
    {
        var (lines, leftOut) = message.Listed;
        var text = new StringBuilder().Append(message.Periods).Append("\n\n");
        foreach (var line in lines) text.Append("- ").Append(line.Text).Append('\n');
        if (leftOut > 0) text.Append($"- and {leftOut} more\n");
        if (message.MinimumNote is { } note) text.Append('\n').Append(note).Append('\n');
        if (message.Link is { } link) text.Append('\n').Append(link).Append('\n');
        return (message.Title, text.ToString());
    }
}
