namespace CxReports.Server.Problems;

/// <summary>Hides passwords in text that is about to be shown: an engine's message or a mistyped option may echo a connection string.</summary>
public static class Passwords
{
    /// <summary>The text with the value of every <c>Password=</c> (or <c>Pwd=</c>) in it hidden.</summary>
    public static string Redacted(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "(?i)\\b(password|pwd)\\s*=\\s*[^;'\"\\s]*", "$1=***");
}
