using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CxReports.Server.Security;

/// <summary>
/// The session key ring on disk: ASP.NET's file repository in the <see cref="SecretsDirectory"/>, each key file made
/// owner-only (0600) as soon as it is written (the repository itself creates files with the process's umask; the
/// directory is 0700 throughout, so no one else can read a file in between).
/// </summary>
public sealed class OwnerOnlyXmlRepository : IXmlRepository
{
    private readonly SecretsDirectory _directory;
    private readonly FileSystemXmlRepository _files;

    public OwnerOnlyXmlRepository(SecretsDirectory directory, ILoggerFactory logs)
    {
        _directory = directory;
        _files = new FileSystemXmlRepository(directory.Ensure(), logs);
    }

    public IReadOnlyCollection<XElement> GetAllElements() => _files.GetAllElements();

    public void StoreElement(XElement element, string friendlyName)
    {
        _files.StoreElement(element, friendlyName);
        foreach (var file in Directory.EnumerateFiles(_directory.Path, "*.xml")) SecretsDirectory.Restrict(file);
    }
}
