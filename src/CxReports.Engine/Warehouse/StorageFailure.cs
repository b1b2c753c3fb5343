namespace CxReports.Engine.Warehouse;

/// <summary>How the engines word a storage failure; the loader and the command line tell a full disk from the rest by it.</summary>
public static class StorageFailure
{
    /// <summary>Whether the engine's words say the disk (or the file-size limit) ran out.</summary>
    public static bool IsDiskFull(string message) =>
        new[] { "No space left", "disk is full", "File too large" }.Any(sign => message.Contains(sign, StringComparison.OrdinalIgnoreCase));
}
