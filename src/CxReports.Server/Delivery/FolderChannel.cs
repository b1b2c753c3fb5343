using CxReports.Dsl.Model;
using CxReports.Dsl.Text;
using CxReports.Engine.Scheduling;
using CxReports.Server.Settings;

namespace CxReports.Server.Delivery;

/// <summary>
/// Writes each document under the output root, in the delivery's folder, atomically: a temporary file in the same
/// directory renamed over the final name, so a reader never sees half a PDF. Same slot, same name: idempotent.
/// Every path is resolved by <see cref="PathPolicy"/> first: one that leaves the output root, through <c>..</c> or
/// a symbolic link, is a failed delivery and nothing is written.
/// </summary>
public sealed class FolderChannel(DeliveryOptions options) : IDeliveryChannel
{
    public DeliveryKind Kind => DeliveryKind.Folder;

    public Task DeliverAsync(DeliveryContext context, CancellationToken cancellation)
    {
        var targets = context.Documents.Select(document => (Document: document, Path: Resolve($"{context.Target}/{document.FileName}"))).ToArray();
        var folder = Resolve(context.Target);
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var (document, final) in targets)
            {
                var directory = Path.GetDirectoryName(final)!;
                Directory.CreateDirectory(directory);
                var temporary = Path.Combine(directory, $".{Path.GetFileName(final)}.{Guid.NewGuid():N}.tmp");
                File.WriteAllBytes(temporary, document.Content);
                File.Move(temporary, final, overwrite: true);
            }
            return Task.CompletedTask;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A full disk or a locked file may clear up; a permission problem will not, but retrying it is harmless.
            throw new DeliveryException($"cannot write to {folder}: {e.Message}", transient: e is IOException, e);
        }
    }

    private string Resolve(string relative)
    {
        var (full, problem) = PathPolicy.Resolve(options.OutputRoot, relative, PathPolicy.OutputRoot);
        return full ?? throw new DeliveryException($"refused: {problem}; nothing was written", transient: false);
    }
}
