namespace CxReports.LanguageServer.Tests;

/// <summary>A throwaway working directory with a <c>reports</c> folder of <c>.cxr</c> files, removed after the test.</summary>
public sealed class ReportsFolder : IDisposable
{
    public ReportsFolder(params (string Name, string Text)[] files)
    {
        Root = Path.Combine(Path.GetTempPath(), "cxr-lsp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Reports);
        foreach (var (name, text) in files) Write(name, text);
    }

    public string Root { get; }

    public string Reports => Path.Combine(Root, "reports");

    public string PathOf(string name) => Path.Combine(Reports, name);

    public string UriOf(string name) => new Uri(PathOf(name)).AbsoluteUri;

    public void Write(string name, string text)
    {
        var path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp directory
        }
    }
}
