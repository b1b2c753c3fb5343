using System.CommandLine;
using CxReports.LanguageServer;

namespace CxReports.Server.Cli;

/// <summary>
/// <c>cxr lsp [--reports DIR]</c>: the language server for editors, over stdin and stdout. Without <c>--reports</c>
/// it serves the editor's workspace (its <c>reports</c> directory when it has one).
/// </summary>
public static class LspCommand
{
    public static Command Create(CommonOptions options, TextWriter stderr)
    {
        var command = new Command("lsp", "Run the CXR language server over stdin/stdout (for editors)");
        command.SetAction(parse =>
        {
            var reports = parse.GetResult(options.Reports) is { Implicit: false } ? parse.GetValue(options.Reports) : null;
            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            return CxrLanguageServer.Run(input, output, stderr, new LanguageServerOptions(options.WorkingDirectory, reports));
        });
        return command;
    }
}
