using CxReports.Server.Cli;

return CxrCommandLine.Run(args, Console.Out, Console.Error);
