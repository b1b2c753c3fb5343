using CxReports.Engine.Warehouse;

namespace CxReports.Server.Problems;

/// <summary>
/// A warehouse that cannot be read or written (a damaged file, a full disk, a server that refuses), said in one line:
/// which warehouse, what the engine reported (its first line) and what to do. Never the connection string.
/// </summary>
public static class WarehouseFailure
{
    /// <summary><paramref name="e"/> as a <see cref="WarehouseUnusableException"/> saying it in one line.</summary>
    public static WarehouseUnusableException Unusable(Exception e, WarehouseOptions options) => new(Describe(e, options), e);

    public static string Describe(Exception e, WarehouseOptions options) => Describe(EngineMessage(e), options);

    /// <summary>One line for what the engine said (its first line, passwords hidden).</summary>
    public static string Describe(string reason, WarehouseOptions options)
    {
        reason = Passwords.Redacted(reason.Split('\n', 2)[0].Trim());
        var where = options.Provider == WarehouseProvider.Postgres ? "the PostgreSQL warehouse" : $"the warehouse file '{options.DatabaseFile}'";
        if (StorageFailure.IsDiskFull(reason))
            return $"{where} could not be written: the disk is full ({reason}); free space and run the command again (a source whose load did not finish keeps its previous table)";
        if (options.Provider == WarehouseProvider.DuckDb && IsDamaged(reason))
            return $"{where} is damaged ({reason}); restore it from a backup, or move it aside and run cxr load to load every source anew (API keys and run history are kept in it and would need recreating)";
        return $"{where} could not be used ({reason}); is another cxr using it?";
    }

    /// <summary>DuckDB's words for a file cut short or scribbled over (a lock held by another process is none of them).</summary>
    private static bool IsDamaged(string reason) =>
        new[] { "Could not read enough bytes", "Corrupt", "checksum", "not a valid DuckDB database" }
            .Any(sign => reason.Contains(sign, StringComparison.OrdinalIgnoreCase));

    /// <summary>What the engine said: the message of the exception under a WarehouseException, if it has one.</summary>
    private static string EngineMessage(Exception e)
    {
        var innermost = e is WarehouseException { InnerException: { } inner } ? inner : e;
        return innermost.Message;
    }
}

/// <summary>The warehouse cannot be read or written; the message is the one line to show (see <see cref="WarehouseFailure"/>).</summary>
public sealed class WarehouseUnusableException(string message, Exception inner) : Exception(message, inner);
