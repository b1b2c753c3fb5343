using CxReports.Dsl.Binding.Model;
using CxReports.Engine.Scheduling;

namespace CxReports.Server.Delivery;

/// <summary>
/// Writes each document under the output root, in the delivery's folder, atomically: a temporary file in the same
/// directory renamed over the final name, so a reader never sees half a PDF. Same slot, same name: idempotent.
/// </summary>
public sealed class FolderChannel(DeliveryOptions options) : IDeliveryChannel
{
    public DeliveryKind Kind => DeliveryKind.Folder;

    public Task DeliverAsync(DeliveryContext context, CancellationToken cancellation)
    {
        var root = Path.GetFullPath(options.OutputRoot);
        var folder = Path.GetFullPath(Path.Combine(root, context.Target));
        if (!(folder + Path.DirectorySeparatorChar).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new DeliveryException($"folder \"{context.Target}\" is outside the output root {root}", transient: false);
        try
        {
            Directory.CreateDirectory(folder);
            foreach (var document in context.Documents)
            {
                var final = Path.Combine(folder, document.FileName);
                var temporary = Path.Combine(folder, $".{document.FileName}.{Guid.NewGuid():N}.tmp");
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
}
