using System.Diagnostics;
using System.Globalization;
using CxReports.Fuzz;

// dotnet run -c Release --project bench/CxReports.Fuzz -- [--inputs N] [--seed S] [--out DIR]
//   The campaign: a supervisor that runs the inputs in a worker child process (`worker FROM TO SEED`). The worker
//   prints each input's index before running it; if it dies (a stack overflow aborts a .NET process, exit 134),
//   the supervisor rebuilds the input from (seed, index), saves it as a crash and starts a new worker after it.
const string WorkerVariable = "CXR_FUZZ_WORKER";
// A worker that did not receive "worker" first must never become a supervisor: it would start workers of its own.
if (Environment.GetEnvironmentVariable(WorkerVariable) == "1" && args is not ["worker", ..])
{
    Console.Error.WriteLine($"cxr fuzz: started as a worker without the worker arguments ({string.Join(' ', args)})");
    return 2;
}
var options = args.Skip(args.Length > 0 && args[0] == "worker" ? 4 : 0).ToArray();
// The seed corpus is the repository's own text: found above the working directory, else above this program.
string root;
try { root = SeedCorpus.FindRepositoryRoot(Directory.GetCurrentDirectory()); }
catch (DirectoryNotFoundException)
{
    try { root = SeedCorpus.FindRepositoryRoot(AppContext.BaseDirectory); }
    catch (DirectoryNotFoundException e)
    {
        Console.Error.WriteLine($"cxr fuzz: {e.Message}; run it from the repository");
        return 2;
    }
}
var corpus = SeedCorpus.Load(root);

if (args is ["worker", var fromText, var toText, var seedText, ..])
{
    // The inputs run on a thread with the stack of a thread-pool thread (1.5 MiB), where the server parses requests.
    var session = new FuzzSession(corpus, int.Parse(seedText, CultureInfo.InvariantCulture));
    FuzzReport report = null!;
    var thread = new Thread(() => report = session.Run(
        long.Parse(fromText, CultureInfo.InvariantCulture), long.Parse(toText, CultureInfo.InvariantCulture),
        index => { Console.Out.WriteLine($"at {index}"); Console.Out.Flush(); },
        (index, finding) => { Console.Out.WriteLine($"finding {index} {finding.Kind}"); Console.Error.WriteLine($"--- finding {index}: {finding.Detail}"); }),
        3 * 512 * 1024);
    thread.Start();
    thread.Join();
    Console.Out.WriteLine($"done {report.Inputs} {report.Exceptions} {report.RoundTripFailures} {report.SlowestIndex} {report.SlowestMilliseconds.ToString("F3", CultureInfo.InvariantCulture)} {report.RoundTrips}");
    return 0;
}

long inputs = Value("--inputs", 1_000_000);
var seed = (int)Value("--seed", 1);
var workers = (int)Value("--workers", 1);
var outDirectory = Path.GetFullPath(Option("--out") ?? Path.Combine(root, "bench", ".fuzz"));
Directory.CreateDirectory(outDirectory);
var inputsOf = new FuzzInputs(corpus, seed);
var started = Stopwatch.StartNew();
var gate = new object();
long done = 0, exceptions = 0, failures = 0, crashes = 0, slowestIndex = -1, roundTrips = 0;
double slowest = 0;
var share = (inputs + workers - 1) / workers;
await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Supervise(w * share, Math.Min(inputs, (w + 1) * share))));

Console.WriteLine($"inputs {done:N0} ({roundTrips:N0} parsed cleanly and went through the formatter round trip), exceptions {exceptions}, crashes (stack overflow or other process death) {crashes}, round-trip failures {failures}");
Console.WriteLine($"slowest input #{slowestIndex}: {slowest:F1} ms (saved as slowest-{seed}-{slowestIndex}.cxr); elapsed {started.Elapsed:hh\\:mm\\:ss}");
if (slowestIndex >= 0) File.WriteAllText(Path.Combine(outDirectory, $"slowest-{seed}-{slowestIndex}.cxr"), inputsOf[slowestIndex]);
return exceptions + crashes + failures == 0 ? 0 : 1;

// Runs inputs [from, to) in worker processes, one after another, restarting after the input that ends one.
async Task Supervise(long from, long to)
{
    var next = from;
    while (next < to)
    {
        // Under `dotnet CxReports.Fuzz.dll` the host needs the assembly first; under `dotnet run` this is the program itself.
        var host = Environment.ProcessPath!;
        string[] assembly = Path.GetFileNameWithoutExtension(host) == "dotnet" ? [typeof(FuzzSession).Assembly.Location] : [];
        var start = new ProcessStartInfo(host,
            [.. assembly, "worker", next.ToString(CultureInfo.InvariantCulture), to.ToString(CultureInfo.InvariantCulture), seed.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root,
        };
        start.Environment[WorkerVariable] = "1";
        var worker = Process.Start(start)!;
        var stderr = worker.StandardError.ReadToEndAsync();
        var last = next - 1;
        while (await worker.StandardOutput.ReadLineAsync() is { } line)
        {
            var parts = line.Split(' ');
            lock (gate)
            {
                switch (parts[0])
                {
                    case "at":
                        last = long.Parse(parts[1], CultureInfo.InvariantCulture);
                        if ((last - from) % 50_000 == 0) Console.Error.WriteLine($"worker from {from:N0}: at {last:N0}, {started.Elapsed:hh\\:mm\\:ss}");
                        break;
                    case "done":
                        done += long.Parse(parts[1], CultureInfo.InvariantCulture);
                        exceptions += long.Parse(parts[2], CultureInfo.InvariantCulture);
                        failures += long.Parse(parts[3], CultureInfo.InvariantCulture);
                        roundTrips += long.Parse(parts[6], CultureInfo.InvariantCulture);
                        var workerSlowest = double.Parse(parts[5], CultureInfo.InvariantCulture);
                        if (workerSlowest > slowest) (slowest, slowestIndex) = (workerSlowest, long.Parse(parts[4], CultureInfo.InvariantCulture));
                        break;
                    case "finding":
                        var index = long.Parse(parts[1], CultureInfo.InvariantCulture);
                        File.WriteAllText(Path.Combine(outDirectory, $"finding-{seed}-{index}.cxr"), inputsOf[index]);
                        Console.Error.WriteLine($"finding at input {index}: {string.Join(' ', parts.Skip(2))}");
                        break;
                }
            }
        }
        await worker.WaitForExitAsync();
        var errors = await stderr;
        lock (gate) File.AppendAllText(Path.Combine(outDirectory, $"findings-{seed}.log"), errors);
        if (worker.ExitCode == 0) return;
        // The worker died running input `last`: a crash no exception handler could see (a stack overflow, exit 134).
        lock (gate)
        {
            crashes++;
            done += last - next + 1;
            File.WriteAllText(Path.Combine(outDirectory, $"crash-{seed}-{last}.cxr"), inputsOf[last]);
            Console.Error.WriteLine($"CRASH at input {last} (exit {worker.ExitCode}): {errors.Split('\n').LastOrDefault(l => l.Length > 0)}");
        }
        next = last + 1;
    }
}

long Value(string name, long fallback) => Option(name) is { } text ? long.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? Option(string name) => Array.IndexOf(options, name) is var at and >= 0 && at + 1 < options.Length ? options[at + 1] : null;
