using System.Reflection;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.Slices.SliceRuleDefinition;

namespace CxReports.Server.Tests.Architecture;

/// <summary>
/// The folders of each project are the phases of the pipeline; a phase that reaches back into a later one hides the
/// direction of flow. Read from the compiled assemblies (method bodies included), not from `using` lines, so a fully
/// qualified name cannot slip a cycle past it.
/// </summary>
public sealed class FolderCycleTests
{
    [Theory]
    [InlineData("CxReports.Dsl", "CxReports.Dsl")]
    [InlineData("CxReports.Engine", "CxReports.Engine")]
    [InlineData("CxReports.Rendering", "CxReports.Rendering")]
    [InlineData("CxReports.Demo", "CxReports.Demo")]
    [InlineData("CxReports.LanguageServer", "CxReports.LanguageServer")]
    [InlineData("cxr", "CxReports.Server")]
    public void Folders_inside_a_project_do_not_import_each_other_in_a_circle(string assemblyName, string rootNamespace)
    {
        var architecture = new ArchLoader().LoadAssemblies(Assembly.Load(assemblyName)).Build();

        Slices().Matching(rootNamespace + ".(*)..").Should().BeFreeOfCycles().Check(architecture);
    }
}
