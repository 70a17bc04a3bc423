using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using SigningClients.Core.Signing;
using SigningClients.Testing.Signant;
using Xunit;

namespace SigningClients.Quartz.Tests;

/// <summary>
/// Two tracker processes (<c>tests/SigningClients.TrackerHost</c>) clustered on one throw-away PostgreSQL job store
/// track 200 operations across the five simulators; one process is killed with SIGKILL mid-run. The sink is a table
/// of that PostgreSQL keyed by the idempotency key; every call to it is recorded as well.
/// </summary>
[Collection(nameof(MultiProcessFailoverCollection))]
public sealed class MultiProcessFailoverTests
{
    private const int OperationsPerProvider = 40;
    private static readonly TimeSpan SignantTimeToLive = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Two_tracker_processes_deliver_every_document_once_when_one_is_killed_with_SIGKILL_mid_run()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        await using var pg = await ThrowawayPostgres.StartAsync();
        await using var sims = await Simulators.StartAsync(ct, new SignantSimulatorOptions { TimeToLive = SignantTimeToLive });
        await ExecuteAsync(pg, "create table sink_calls (id bigserial primary key, key text not null, node text not null, attempt int not null, at timestamptz not null default clock_timestamp());" +
            "create table signed_documents (key text primary key, node text not null, documents int not null, bytes bigint not null, stored_at timestamptz not null default clock_timestamp());", ct);

        // The application: starts the operations and plays the signers (its own in-memory tracking stays unused).
        await using var app = await sims.StartNodeAsync(new RecordingSink(), _ => { });
        var phases = Stopwatch.StartNew();
        var operations = new List<SigningOperation>();
        for (var i = 0; i < OperationsPerProvider; i++)
        {
            foreach (var name in Simulators.Providers)
            {
                operations.Add(await sims.StartSigningAsync(app.Resolver, name, ct));
            }
        }

        var created = phases.Elapsed;
        var work = Path.Combine(Path.GetTempPath(), "h19-failover-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(work);
        var tokens = Path.Combine(work, "tokens.txt");
        await File.WriteAllLinesAsync(tokens, operations.Select(o => o.RehydrationToken.ToJson()), ct);

        await using var nodeA = TrackerProcess.Start("A", pg, sims, work, "--track", tokens);
        await nodeA.WaitForLineAsync("TRACKED " + operations.Count, TimeSpan.FromSeconds(120));
        await using var nodeB = TrackerProcess.Start("B", pg, sims, work);
        await nodeB.WaitForLineAsync("READY", TimeSpan.FromSeconds(60));
        Assert.Equal(operations.Count, await CountAsync(pg, "select count(*) from qrtz_job_details where job_group = 'signing-tracking'", ct)); // persisted with their tokens
        await WaitForAsync(pg, "select count(*) = 2 from qrtz_scheduler_state", TimeSpan.FromSeconds(30), "both nodes to check in", ct);
        output?.WriteLine("created in " + created + ", tracked by " + phases.Elapsed);

        var tracked = phases.Elapsed;
        var signedAt = new Dictionary<string, DateTimeOffset>();
        foreach (var operation in operations)
        {
            await sims.SignerActsAsync(app.Resolver, operation);
            signedAt[operation.Provider + "/" + operation.Id] = DateTimeOffset.UtcNow;
        }

        var signed = phases.Elapsed;
        await WaitForAsync(pg, "select count(*) >= " + operations.Count / 4 + " from signed_documents", TimeSpan.FromSeconds(120), "a quarter of the deliveries", ct);
        nodeA.Kill(); // SIGKILL: no shutdown, no job completes, the fired triggers stay as node A left them
        var killed = Stopwatch.StartNew();
        var killedAt = DateTimeOffset.UtcNow;
        var deliveredAtKill = await CountAsync(pg, "select count(*) from signed_documents", ct);

        await WaitForAsync(pg, "select count(*) = 1 from qrtz_scheduler_state", TimeSpan.FromSeconds(60), "node B to recover node A's jobs", ct);
        var failover = killed.Elapsed;
        await WaitForAsync(pg, "select count(*) = " + operations.Count + " from signed_documents", TimeSpan.FromSeconds(120), "every delivery", ct);
        var allDelivered = killed.Elapsed;
        try
        {
            await WaitForAsync(pg, "select count(*) = 0 from qrtz_job_details where job_group = 'signing-tracking'", TimeSpan.FromSeconds(30), "every job to be deleted", ct);
        }
        catch (TimeoutException)
        {
            var left = await RowsAsync(pg, "select j.job_name, coalesce(string_agg(t.trigger_name || ' ' || t.trigger_group || ' ' || t.trigger_state || ' ' || coalesce(t.next_fire_time::text, '-'), '; '), 'no trigger') from qrtz_job_details j left join qrtz_triggers t on t.job_name = j.job_name and t.job_group = j.job_group where j.job_group = 'signing-tracking' group by j.job_name", ct);
            var fired = await RowsAsync(pg, "select j.job_name, coalesce(string_agg(c.node || '#' || c.attempt, ','), 'no call'), position('ended' in convert_from(j.job_data, 'UTF8')) > 0 from qrtz_job_details j left join sink_calls c on c.key = j.job_name where j.job_group = 'signing-tracking' group by j.job_name, j.job_data", ct);
            Assert.Fail("Jobs left after every delivery: " + string.Join(" | ", left.Select(r => r[0] + ": " + r[1])) + Environment.NewLine + "Fired: " + string.Join(" | ", fired.Select(r => string.Join(" ", r))) + Environment.NewLine + string.Join(Environment.NewLine, nodeB.Output));
        }
        await Task.Delay(1500, ct); // a late duplicate call would show up here

        var calls = await RowsAsync(pg, "select key, node from sink_calls order by id", ct);
        var stored = (await RowsAsync(pg, "select key, node, (extract(epoch from stored_at) * 1000)::bigint from signed_documents", ct))
            .ToDictionary(r => r[0], r => (Node: r[1], At: DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(r[2], CultureInfo.InvariantCulture))));
        var expected = operations.Select(o => o.Provider + "/" + o.Id).ToList();
        var losses = expected.Count(k => !stored.ContainsKey(k));
        var duplicateCalls = calls.GroupBy(c => c[0]).Where(g => g.Count() > 1).ToList();
        var signant = expected.Where(k => k.StartsWith("Signant/", StringComparison.Ordinal)).Select(k => stored[k].At - signedAt[k]).ToList();
        var byBAfterKill = stored.Values.Count(v => v.Node == "B" && v.At > killedAt);
        var figures = string.Create(
            CultureInfo.InvariantCulture,
            $"processes=2 operations={operations.Count} sinkCalls={calls.Count} storedDocuments={stored.Count} duplicateCalls={duplicateCalls.Sum(g => g.Count() - 1)} losses={losses} " +
            $"deliveredBeforeKill={deliveredAtKill} deliveredByBAfterKill={byBAfterKill} failover={failover.TotalSeconds:0.0}s allDeliveredAfterKill={allDelivered.TotalSeconds:0.0}s " +
            $"signantTtl={SignantTimeToLive.TotalSeconds:0}s signantMaxSignedToStored={signant.Max().TotalSeconds:0.0}s " +
            $"phases: created={created.TotalSeconds:0.0}s tracked={tracked.TotalSeconds:0.0}s signed={signed.TotalSeconds:0.0}s");
        output?.WriteLine(figures);
        if (Environment.GetEnvironmentVariable("SIGNING_TRACKING_FIGURES") is { Length: > 0 } file)
        {
            await File.AppendAllTextAsync(file, figures + Environment.NewLine, ct);
        }

        Assert.True(nodeA.HasExited, "node A was killed");
        Assert.True(deliveredAtKill < operations.Count, "node A was killed before every delivery");
        Assert.Equal(0, losses);
        Assert.Equal(operations.Count, stored.Count);
        Assert.All(signant, elapsed => Assert.True(elapsed < SignantTimeToLive, "a Signant document stored " + elapsed + " after signing (TTL " + SignantTimeToLive + ")"));

        // A second call can only be the documented one: node A died after its sink call and before the deletion.
        foreach (var group in duplicateCalls)
        {
            Assert.Equal("A", group.First()[1]);
            Assert.All(group.Skip(1), c => Assert.Equal("B", c[1]));
        }

        // No document was given up (download failures, abandoned or unsigned endings are logged as warnings).
        Assert.DoesNotContain(nodeB.Output, l => l.Contains("DownloadFailed", StringComparison.Ordinal) || l.Contains("Abandoned", StringComparison.Ordinal) || l.Contains("EndedUnsigned", StringComparison.Ordinal));
        await nodeB.StopAsync();
        try
        {
            Directory.Delete(work, true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task ExecuteAsync(ThrowawayPostgres pg, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(pg.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> CountAsync(ThrowawayPostgres pg, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(pg.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static async Task<List<string[]>> RowsAsync(ThrowawayPostgres pg, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(pg.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<string[]>();
        while (await reader.ReadAsync(ct))
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!;
            }

            rows.Add(row);
        }

        return rows;
    }

    private static async Task WaitForAsync(ThrowawayPostgres pg, string condition, TimeSpan timeout, string what, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(pg.ConnectionString);
        await connection.OpenAsync(ct);
        while (true)
        {
            await using var command = new NpgsqlCommand(condition, connection);
            if (await command.ExecuteScalarAsync(ct) is true)
            {
                return;
            }

            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException("Timed out waiting for " + what + ".");
            }

            await Task.Delay(100, ct);
        }
    }

    /// <summary>One tracker node in its own process: settings through the environment, output collected line by line.</summary>
    private sealed class TrackerProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _output = new();

        private TrackerProcess(Process process) => _process = process;

        public IEnumerable<string> Output => _output;

        public bool HasExited => _process.HasExited;

        public static TrackerProcess Start(string node, ThrowawayPostgres pg, Simulators sims, string work, params string[] args)
        {
            var host = typeof(MultiProcessFailoverTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "TrackerHost").Value!;
            Assert.True(File.Exists(host), "the tracker process is not built next to the tests: " + host);
            var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
            info.ArgumentList.Add(host);
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            var env = info.Environment;
            env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            env["TRACKER_NODE"] = node;
            env["TRACKER_CONNECTION"] = pg.ConnectionString;
            env["TRACKER_SPOOL"] = Path.Combine(work, "spool-" + node);
            env["SIM_SIGNANT_ENDPOINT"] = sims.Signant.ServiceAddress.ToString();
            env["SIM_SIGNANT_DISTRIBUTOR_ID"] = sims.Signant.Settings.DistributorId;
            env["SIM_SIGNANT_ACCESS_CODE"] = sims.Signant.Settings.AccessCode;
            env["SIM_TRIDENT_ENDPOINT"] = sims.Trident.BaseAddress.ToString();
            env["SIM_TRIDENT_CLIENT_ID"] = sims.Trident.ClientId;
            env["SIM_TRIDENT_CLIENT_SECRET"] = sims.Trident.ClientSecret;
            env["SIM_TRIDENT_AUTH_SERVER"] = sims.Trident.AuthServer;
            env["SIM_CONSIGNO_ENDPOINT"] = sims.ConsignO.ApiEndpoint.ToString();
            env["SIM_CONSIGNO_USERNAME"] = sims.ConsignO.Settings.Username;
            env["SIM_CONSIGNO_PASSWORD"] = sims.ConsignO.Settings.Password;
            env["SIM_SIGNINGTODAY_ENDPOINT"] = sims.SigningToday.ApiEndpoint.ToString();
            env["SIM_SIGNINGTODAY_ROBOT_TOKEN"] = sims.SigningToday.Settings.RobotToken;
            env["SIM_ALPHATRUST_ENDPOINT"] = sims.AlphaTrust.BaseAddress.ToString();
            env["SIM_ALPHATRUST_API_KEY"] = sims.AlphaTrust.Settings.ApiKey;
            env["SIM_ALPHATRUST_API_SECRET"] = sims.AlphaTrust.Settings.ApiSecret;
            env["SIM_ALPHATRUST_API_USERNAME"] = sims.AlphaTrust.Settings.ApiUsername;
            env["SIM_ALPHATRUST_API_PASSWORD"] = sims.AlphaTrust.Settings.ApiPassword;
            env["SIM_ALPHATRUST_SIGNER_PASSWORD"] = Simulators.Password;
            var process = new Process { StartInfo = info };
            var tracker = new TrackerProcess(process);
            process.OutputDataReceived += (_, e) => tracker.Add(e.Data);
            process.ErrorDataReceived += (_, e) => tracker.Add(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return tracker;
        }

        public async Task WaitForLineAsync(string line, TimeSpan timeout)
        {
            var watch = Stopwatch.StartNew();
            while (!_output.Contains(line))
            {
                if (_process.HasExited || watch.Elapsed > timeout)
                {
                    throw new TimeoutException("Tracker process did not print '" + line + "' (exited: " + _process.HasExited + "). Output:" + Environment.NewLine + string.Join(Environment.NewLine, _output));
                }

                await Task.Delay(50);
            }
        }

        public void Kill() => _process.Kill(entireProcessTree: false); // SIGKILL on Unix

        public async Task StopAsync()
        {
            _process.StandardInput.Close();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _process.WaitForExitAsync(cts.Token);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        private void Add(string? line)
        {
            if (line is not null)
            {
                _output.Enqueue(line);
            }
        }
    }
}

/// <summary>Runs the multi-process fail-over test alone: two extra processes on two cores.</summary>
[CollectionDefinition(nameof(MultiProcessFailoverCollection), DisableParallelization = true)]
public sealed class MultiProcessFailoverCollection
{
}
