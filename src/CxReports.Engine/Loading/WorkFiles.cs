using CxReports.Engine.Warehouse;

namespace CxReports.Engine.Loading;

/// <summary>
/// The files one load writes besides the warehouse (UTF-8 copies of transcoded exports, the error path's clean
/// rows): in <c>cxreports-work</c> beside the warehouse file, where the warehouse may read, each with its own
/// name, and all deleted when the load ends, whether it succeeded, failed or ran out of disk. A process killed
/// mid-load leaves its files behind; they are deleted by the next load that finds them an hour old.
/// </summary>
public sealed class WorkFiles : IDisposable
{
    private static readonly TimeSpan Stale = TimeSpan.FromHours(1);
    private readonly List<string> _files = [];

    public string Directory { get; }

    public WorkFiles(WarehouseOptions options)
    {
        Directory = Path.Combine(Path.GetDirectoryName(options.DatabaseFile)!, "cxreports-work");
        if (!System.IO.Directory.Exists(Directory)) return;
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory))
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > Stale) Delete(file);
    }

    /// <summary>A new file name in <see cref="Directory"/> (the directory is created), deleted with this.</summary>
    public string New(string extension)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var file = Path.Combine(Directory, $"{Guid.NewGuid():N}{extension}");
        _files.Add(file);
        return file;
    }

    public void Dispose()
    {
        foreach (var file in _files) Delete(file);
        _files.Clear();
    }

    private static void Delete(string file)
    {
        try { File.Delete(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // another load's, or already gone
    }
}
