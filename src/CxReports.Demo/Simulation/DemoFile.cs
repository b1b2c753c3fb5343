using System.Text;

namespace CxReports.Demo.Simulation;

/// <summary>
/// Creates one output file. The text goes to a temporary sibling that replaces the target only when complete, so a
/// server watching the data directory never loads half a file.
/// </summary>
internal static class DemoFile
{
    /// <summary>UTF-8 with the byte-order mark, as Excel writes "CSV UTF-8" exports.</summary>
    public static readonly Encoding Utf8Bom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="relativePath"/> (with <c>/</c> separators) and returns what <paramref name="write"/> returns (its row count).</summary>
    public static int Write(string directory, string relativePath, Encoding encoding, string newLine, Func<StreamWriter, int> write)
    {
        string path = Path.Combine(directory, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temp = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".tmp");
        try
        {
            int rows;
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new StreamWriter(stream, encoding, 1 << 16) { NewLine = newLine })
            {
                rows = write(writer);
            }
            File.Move(temp, path, overwrite: true);
            return rows;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
