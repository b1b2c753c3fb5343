using CxReports.Dsl.Syntax.Parsing;
using CxReports.Dsl.Syntax.Tree;
using CxReports.Dsl.Text;

namespace CxReports.LanguageServer.Workspace;

/// <summary>
/// One <c>.cxr</c> file of a model as last read: from disk, or the editor's unsaved text. Parsed once per text, so a
/// change re-parses the changed file only.
/// </summary>
internal sealed class Document
{
    public Document(string fullPath, string uri, SourceFile source)
    {
        FullPath = fullPath;
        Uri = uri;
        Source = source;
        Parse = CxrParser.ParseFile(source);
        Lines = new TextLines(source.Text);
    }

    public string FullPath { get; }

    /// <summary>The URI the editor knows the file by (the one it opened it with, else the file's own).</summary>
    public string Uri { get; }

    /// <summary>The text, under the path diagnostics show (relative to the server's directory, as <c>cxr check</c> shows it).</summary>
    public SourceFile Source { get; }

    public ParseResult<SyntaxFile> Parse { get; }

    public TextLines Lines { get; }

    public string Text => Source.Text;
}
