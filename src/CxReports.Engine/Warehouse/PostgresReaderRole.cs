using System.Security.Cryptography;
using CxReports.Engine.Dialects;
using Npgsql;
using Polly;
using Polly.Retry;

namespace CxReports.Engine.Warehouse;

/// <summary>
/// The role report queries run as (<c>&lt;schema&gt;_reader</c>): created when missing, given usage of the schema,
/// and logged in on a connection of its own.
/// <para>
/// A role belongs to the whole PostgreSQL server, not to one database, so servers and <c>cxr</c> commands on any
/// database of it with the same schema name create, grant and set the password of the same role, often at the same
/// moment (a server and a command starting together, tests in parallel). PostgreSQL then fails one of two catalogue
/// updates with "tuple concurrently updated" (after which Npgsql closes that connection), or one of two creations
/// with a unique violation; and a password set by one opener can be replaced by another's before the first logs in
/// with it. Every step is idempotent, so each runs on a connection of its own and is tried again after a short
/// random pause. A login, once open, keeps working whatever the password becomes later.
/// </para>
/// </summary>
internal sealed class PostgresReaderRole(string ownerConnectionString, string name)
{
    private const int Attempts = 10;

    public string Name => name;

    /// <summary>The role, its usage of <paramref name="schema"/>, and (for an owner who is not a superuser) membership, so SET ROLE works.</summary>
    public void Prepare(string schema)
    {
        var role = Sql.Identifier(name);
        Racing(connection => Execute(connection, $"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = {Sql.Literal(name)}) THEN
                CREATE ROLE {role} NOLOGIN;
              END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END $$
            """));
        Racing(connection => Execute(connection, $"GRANT USAGE ON SCHEMA {Sql.Identifier(schema)} TO {role}"));
        Racing(connection => Execute(connection, $"""
            DO $$ BEGIN
              IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
                GRANT {role} TO CURRENT_USER;
              END IF;
            END $$
            """));
    }

    /// <summary>
    /// The role's own connection: a fresh random password (sent as a SCRAM verifier, so it never reaches the server
    /// or its log), then a login with it and the owner's host and database; again if another opener's password
    /// came in between. Throws the login's error when the server does not let the role in at all.
    /// </summary>
    public NpgsqlConnection LogIn(Action<NpgsqlConnectionStringBuilder> configure) =>
        Retried(e => e.SqlState == PostgresErrorCodes.InvalidPassword).Execute(() =>
        {
            var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            var verifier = ScramVerifier.For(password, RandomNumberGenerator.GetBytes(16));
            Racing(connection => Execute(connection, $"ALTER ROLE {Sql.Identifier(name)} WITH LOGIN PASSWORD {Sql.Literal(verifier)}"));
            var builder = new NpgsqlConnectionStringBuilder(ownerConnectionString) { Username = name, Password = password, Passfile = null };
            configure(builder);
            var reader = new NpgsqlConnection(builder.ConnectionString);
            try
            {
                reader.Open();
                return reader;
            }
            catch
            {
                reader.Dispose();
                throw;
            }
        });

    private void Racing(Action<NpgsqlConnection> step) => Retried(IsRace).Execute(() =>
    {
        using var connection = new NpgsqlConnection(ownerConnectionString);
        connection.Open();
        step(connection);
    });

    /// <summary>Up to <see cref="Attempts"/> tries of a step, again after a random pause of 10 to 100 ms when it fails as <paramref name="transient"/> says.</summary>
    private static ResiliencePipeline Retried(Func<PostgresException, bool> transient) => new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
    {
        ShouldHandle = new PredicateBuilder().Handle(transient),
        MaxRetryAttempts = Attempts - 1,
        DelayGenerator = _ => ValueTask.FromResult<TimeSpan?>(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 100))),
    }).Build();

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static bool IsRace(PostgresException e) =>
        e.SqlState == PostgresErrorCodes.UniqueViolation ||
        (e.SqlState == PostgresErrorCodes.InternalError && e.MessageText.Contains("concurrently updated", StringComparison.Ordinal));
}
