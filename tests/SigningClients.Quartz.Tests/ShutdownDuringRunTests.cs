using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Xunit;

using SigningClients.TestSupport;

namespace SigningClients.Quartz.Tests;

/// <summary>
/// Quartz refuses scheduler calls from jobs still running while their node shuts down gracefully. A run that
/// delivers, or that must retry, during that window must neither leave its job behind nor strand it without a trigger.
/// </summary>
public sealed class ShutdownDuringRunTests
{
    [Fact]
    public async Task Runs_in_flight_while_a_node_shuts_down_neither_linger_nor_strand_and_the_sink_is_not_called_twice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pg = await ThrowawayPostgres.StartAsync();
        await using var sims = await Simulators.StartAsync(ct);
        var sink = new GatedSink();
        var configure = Simulators.FastCluster(pg.ConnectionString);
        var nodeA = await sims.StartNodeAsync(sink, configure);
        var delivering = await sims.StartSigningAsync(nodeA.Resolver, "ConsignO", ct);
        var retrying = await sims.StartSigningAsync(nodeA.Resolver, "SigningToday", ct);
        var deliveringKey = delivering.Provider + "/" + delivering.Id;
        var retryingKey = retrying.Provider + "/" + retrying.Id;
        sink.FailFirstCallOf(retryingKey);
        await sims.SignerActsAsync(nodeA.Resolver, delivering);
        await sims.SignerActsAsync(nodeA.Resolver, retrying);
        Assert.True(await nodeA.Tracker.TrackAsync(delivering, ct));
        Assert.True(await nodeA.Tracker.TrackAsync(retrying, ct));

        // Both runs are inside the sink when node A starts shutting down; they return (one stores, one fails) after.
        await Eventually.WaitUntilAsync(() => sink.Entered.Count == 2, TimeSpan.FromSeconds(60), "both sink calls", TestContext.Current.CancellationToken);
        var scheduler = await nodeA.Services.GetRequiredKeyedService<ISchedulerFactory>("SigningTracking").GetScheduler(ct);
        var stopping = nodeA.StopAsync();
        await Eventually.WaitUntilAsync(() => scheduler.Status >= SchedulerStatus.ShuttingDown, TimeSpan.FromSeconds(30), "node A shutting down", TestContext.Current.CancellationToken);
        await Task.Delay(300, ct);
        sink.Release();
        await stopping;
        await nodeA.DisposeAsync();

        await using var nodeB = await sims.StartNodeAsync(sink, configure);
        await Eventually.WaitUntilAsync(() => sink.Stored.ContainsKey(retryingKey), TimeSpan.FromSeconds(60), "the retried delivery on node B", TestContext.Current.CancellationToken);
        await Eventually.WaitUntilAsync(
            async () => !await nodeB.Tracker.IsTrackedAsync(delivering.Provider, delivering.Id, ct)
                && !await nodeB.Tracker.IsTrackedAsync(retrying.Provider, retrying.Id, ct),
            TimeSpan.FromSeconds(30),
            "both jobs to be gone", TestContext.Current.CancellationToken);
        await Task.Delay(1500, ct); // a second call would show up here

        Assert.Equal(1, sink.Calls.Count(k => k == deliveringKey));
        Assert.Equal(2, sink.Calls.Count(k => k == retryingKey)); // the failed call and the retry
        Assert.True(sink.Stored.ContainsKey(deliveringKey));
    }

    private sealed class GatedSink : ISignedDocumentSink
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentDictionary<string, bool> _failFirst = new();

        public ConcurrentQueue<string> Calls { get; } = new();

        public ConcurrentQueue<string> Entered { get; } = new();

        public ConcurrentDictionary<string, bool> Stored { get; } = new();

        public void FailFirstCallOf(string key) => _failFirst[key] = true;

        public void Release() => _gate.TrySetResult();

        public async Task StoreAsync(SignedDelivery delivery, CancellationToken cancellationToken)
        {
            Calls.Enqueue(delivery.IdempotencyKey);
            Entered.Enqueue(delivery.IdempotencyKey);
            await _gate.Task.ConfigureAwait(false);
            if (_failFirst.TryRemove(delivery.IdempotencyKey, out _))
            {
                throw new IOException("The document store is down.");
            }

            Stored[delivery.IdempotencyKey] = true;
        }
    }
}
