using System.CommandLine;
using CxReports.LanguageServer;

namespace CxReports.Server.Cli;

/// <summary>
/// <c>cxr lsp [--reports DIR]</c>: the language server for editors, over stdin and stdout. Without <c>--reports</c>
/// it serves the editor's workspace (its <c>reports</c> directory when it has one).
/// </summary>
public static class LspCommand
{
    private const int DefaultMaxMessageBytes = 16 * 1024 * 1024;
    private const int MinMaxMessageBytes = 4096;
    private const int MaxMaxMessageBytes = 256 * 1024 * 1024;

    public static Command Create(CommonOptions options, TextWriter stderr)
    {
        var maxMessage = new Option<int>("--max-message-bytes")
        {
            Description = "Largest message the editor may send; larger ones are read past and refused [default: 16 MiB]",
            DefaultValueFactory = _ => DefaultMaxMessageBytes,
        };
        NumberOption.Within(maxMessage, MinMaxMessageBytes, MaxMaxMessageBytes);
        var command = new Command("lsp", "Run the CXR language server over stdin/stdout (for editors)") { maxMessage };
        command.SetAction(parse =>
        {
            var reports = parse.GetResult(options.Reports) is { Implicit: false } ? parse.GetValue(options.Reports) : null;
            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            return CxrLanguageServer.Run(input, output, stderr, new LanguageServerOptions(options.WorkingDirectory, reports)
            {
                MaxMessageBytes = parse.GetValue(maxMessage),
            });
        });
        return command;
    }
}
