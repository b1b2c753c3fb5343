using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CxReports.Engine.Tests.Engines;

/// <summary>
/// A real PostgreSQL server for the tests, started once per test run: <c>initdb</c> into a temporary directory, on a
/// free port on 127.0.0.1, stopped and deleted when the run ends. Debian's <c>postgresql</c> package provides the
/// binaries (scripts/install-deps.sh installs it). As root, the server runs as the <c>postgres</c> user, since
/// PostgreSQL refuses to run as root. TCP connections authenticate with SCRAM passwords, as on a real server, so
/// the reader role's login is tested for real.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Instance = new(() => Start());

    public static PostgresServer Shared => Instance.Value;

    private readonly string _bin;
    private readonly string _directory;

    public int Port { get; }

    private readonly string _password;

    /// <summary>Superuser connection string.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Password={_password};Database=postgres;Pooling=false;Timeout=30";

    /// <summary>Runs statements as the superuser (setting up roles and schemas a test needs, cleaning up after it).</summary>
    public void Execute(string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private PostgresServer(string bin, string directory, int port, string password)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
        _password = password;
    }

    /// <summary>Starts a server of its own (the benchmark's, with <paramref name="extraSettings"/> such as <c>-c shared_buffers=2GB</c>).</summary>
    public static PostgresServer Start(string? extraSettings = null)
    {
        var bin = FindBin();
        RemoveStopped();
        var directory = Directory.CreateTempSubdirectory("cxr-pg-").FullName;
        var data = Path.Combine(directory, "data");
        var password = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var passwordFile = Path.Combine(directory, "password");
        File.WriteAllText(passwordFile, password + "\n");
        if (AsRoot) Run("chown", "-R", "postgres:postgres", directory);
        Pg(Path.Combine(bin, "initdb"), "-D", data, "-U", "postgres", "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256",
            "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        var port = FreePort();
        // Durability is not under test: fsync off makes each test's DDL cheap.
        var settings = $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 {extraSettings}";
        Pg(Path.Combine(bin, "pg_ctl"), "-D", data, "-o", settings, "-l", Path.Combine(directory, "log"), "-w", "-t", "60", "start");
        var server = new PostgresServer(bin, directory, port, password);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop()
    {
        try
        {
            Pg(Path.Combine(_bin, "pg_ctl"), "-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop");
        }
        finally
        {
            try { Directory.Delete(_directory, recursive: true); }
            catch (IOException) { } // a leftover temp directory must not fail the run
        }
    }

    /// <summary>
    /// Deletes the directories of earlier runs' servers that are no longer running: the test host may be ended
    /// before its exit handler has removed them. Test assemblies run side by side, so a young directory is left alone.
    /// </summary>
    private static void RemoveStopped()
    {
        foreach (var old in Directory.EnumerateDirectories(Path.GetTempPath(), "cxr-pg-*"))
        {
            if (File.Exists(Path.Combine(old, "data", "postmaster.pid"))) continue; // running (or crashed: left for a look)
            if (Directory.GetLastWriteTimeUtc(old) > DateTime.UtcNow.AddMinutes(-10)) continue; // maybe another run's, still in initdb
            try { Directory.Delete(old, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    private static bool AsRoot => Environment.UserName == "root";

    /// <summary>Debian keeps the server binaries off the PATH, one directory per major version: the newest wins.</summary>
    private static string FindBin()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault()
            : null;
        return debian ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: run scripts/install-deps.sh (Debian package postgresql)");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Pg(string program, params string[] arguments)
    {
        if (AsRoot) Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        else Run(program, arguments);
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
    }
}
