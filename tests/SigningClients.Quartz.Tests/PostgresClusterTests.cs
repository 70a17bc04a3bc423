using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Npgsql;
using SigningClients.Core.Signing;
using Xunit;

using SigningClients.TestSupport;

namespace SigningClients.Quartz.Tests;

/// <summary>
/// The ADO.NET store on a throw-away PostgreSQL, clustered: two tracker nodes (two schedulers in this process, each
/// with its own container, clients and Signant spool) share one job store; one node stops mid-run.
/// </summary>
public sealed class PostgresClusterTests
{
    private const int OperationsPerProvider = 8;

    [Fact]
    public async Task Two_clustered_nodes_on_one_PostgreSQL_store_deliver_every_document_exactly_once_when_one_stops_mid_run()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pg = await ThrowawayPostgres.StartAsync();
        await using var sims = await Simulators.StartAsync(ct);
        var sink = new RecordingSink();
        var configure = Simulators.FastCluster(pg.ConnectionString);
        await using var nodeA = await sims.StartNodeAsync(sink, configure);
        await using var nodeB = await sims.StartNodeAsync(sink, configure);

        var operations = new List<SigningOperation>();
        foreach (var name in Simulators.Providers)
        {
            for (var i = 0; i < OperationsPerProvider; i++)
            {
                var operation = await sims.StartSigningAsync(nodeA.Resolver, name, ct);
                Assert.True(await (i % 2 == 0 ? nodeA : nodeB).Tracker.TrackAsync(operation, ct));
                operations.Add(operation);
            }
        }

        // The jobs are rows in PostgreSQL, persisted with their tokens.
        await using (var connection = new NpgsqlConnection(pg.ConnectionString))
        {
            await connection.OpenAsync(ct);
            await using var count = new NpgsqlCommand("select count(*) from qrtz_job_details where job_group = 'signing-tracking'", connection);
            Assert.Equal((long)operations.Count, (long)(await count.ExecuteScalarAsync(ct))!);
        }

        foreach (var operation in operations)
        {
            await sims.SignerActsAsync(nodeA.Resolver, operation);
        }

        await Eventually.WaitUntilAsync(() => sink.Stored.Count >= operations.Count / 4, TimeSpan.FromSeconds(60), "a quarter of the deliveries", TestContext.Current.CancellationToken);
        var stoppedAt = Stopwatch.StartNew();
        var deliveredBeforeStop = sink.Stored.Count;
        await nodeA.StopAsync();
        await Eventually.WaitUntilAsync(() => sink.Stored.Count == operations.Count, TimeSpan.FromSeconds(90), "every delivery", TestContext.Current.CancellationToken);
        var afterStop = stoppedAt.Elapsed;
        await Task.Delay(1500, ct); // a duplicate would show up here

        var calls = sink.Calls.ToArray();
        var duplicates = calls.Length - calls.Select(c => c.IdempotencyKey).Distinct().Count();
        var expected = operations.Select(o => o.Provider + "/" + o.Id).ToHashSet();
        var losses = expected.Count(k => !sink.Stored.ContainsKey(k));
        var figures =
            "operations=" + operations.Count + " sinkCalls=" + calls.Length + " duplicates=" + duplicates + " losses=" + losses +
            " deliveredBeforeStop=" + deliveredBeforeStop + " remainingDeliveredBy(nodeB)In=" + afterStop.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "s";
        TestContext.Current.TestOutputHelper?.WriteLine(figures);
        if (Environment.GetEnvironmentVariable("SIGNING_TRACKING_FIGURES") is { Length: > 0 } file)
        {
            await System.IO.File.AppendAllTextAsync(file, figures + Environment.NewLine, ct);
        }

        Assert.Equal(0, losses);
        Assert.Equal(0, duplicates);
        var lingering = new List<string>();
        foreach (var operation in operations)
        {
            if (await nodeB.Tracker.IsTrackedAsync(operation.Provider, operation.Id, ct))
            {
                lingering.Add(operation.Provider + "/" + operation.Id);
            }
        }

        Assert.True(lingering.Count == 0, "Jobs left after delivery: " + string.Join(", ", lingering));
    }
}
