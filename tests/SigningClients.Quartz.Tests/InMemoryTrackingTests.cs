using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Signing;
using SigningClients.TestSupport;
using Xunit;

namespace SigningClients.Quartz.Tests;

/// <summary>Tracking on Quartz's in-memory store (the embedded default) over the five simulators.</summary>
public sealed class InMemoryTrackingTests
{
    private static void Fast(SigningTrackingOptions o)
    {
        o.MinPollInterval = TimeSpan.FromMilliseconds(100);
        o.MaxPollInterval = TimeSpan.FromMilliseconds(300);
        o.InitialRetryDelay = TimeSpan.FromMilliseconds(100);
        o.MaxRetryDelay = TimeSpan.FromMilliseconds(400);
    }

    [Fact]
    public async Task Every_provider_operation_is_tracked_until_its_signed_document_reaches_the_sink_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sims = await Simulators.StartAsync(ct);
        var sink = new RecordingSink();
        var observer = new RecordingObserver();
        await using var node = await sims.StartNodeAsync(sink, Fast, observer);
        var operations = new List<SigningOperation>();
        foreach (var name in Simulators.Providers)
        {
            var operation = await sims.StartSigningAsync(node.Resolver, name, ct);
            Assert.True(await node.Tracker.TrackAsync(operation, ct));
            Assert.False(await node.Tracker.TrackAsync(operation, ct)); // already tracked: not a second job
            operations.Add(operation);
        }

        // Nothing is delivered while nobody has signed.
        await Task.Delay(700, ct);
        Assert.Empty(sink.Calls);
        foreach (var operation in operations)
        {
            Assert.True(await node.Tracker.IsTrackedAsync(operation.Provider, operation.Id, ct));
            await sims.SignerActsAsync(node.Resolver, operation);
        }

        await Eventually.WaitUntilAsync(() => sink.Stored.Count == operations.Count, TimeSpan.FromSeconds(60), "five deliveries", TestContext.Current.CancellationToken);
        await Task.Delay(700, ct); // a duplicate would show up here

        Assert.Equal(operations.Count, sink.Calls.Count);
        foreach (var operation in operations)
        {
            var delivery = sink.Stored[operation.Provider + "/" + operation.Id];
            Assert.Equal(1, delivery.Attempt);
            Assert.Equal(SigningState.Completed, delivery.Outcome.State);
            if (operation.Provider == "AlphaTrust")
            {
                Assert.Empty(delivery.Documents); // no download offered: the sink still learns of the signature
            }
            else
            {
                var content = Assert.Single(delivery.Documents).Content.ToArray();
                var head = Encoding.ASCII.GetString(content, 0, 2);
                Assert.True(head == "%P" || head == "PK", operation.Provider + " delivered " + head);
            }

            Assert.False(await node.Tracker.IsTrackedAsync(operation.Provider, operation.Id, ct));
        }

        Assert.Equal(operations.Count, observer.Events.Count(e => e.Kind == SigningTrackingEventKind.Delivered));
    }

    [Fact]
    public async Task A_failing_sink_is_retried_with_backoff_and_the_documents_are_not_downloaded_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sims = await Simulators.StartAsync(ct);
        var sink = new RecordingSink(failFirst: 3);
        var observer = new RecordingObserver();
        await using var node = await sims.StartNodeAsync(sink, Fast, observer);
        var operation = await sims.StartSigningAsync(node.Resolver, "SigningToday", ct);
        await sims.SignerActsAsync(node.Resolver, operation);
        await node.Tracker.TrackAsync(operation, ct);

        await Eventually.WaitUntilAsync(() => sink.Stored.Count == 1, TimeSpan.FromSeconds(60), "the delivery after three failures", TestContext.Current.CancellationToken);
        var calls = sink.Calls.ToArray();
        Assert.Equal(new[] { 1, 2, 3, 4 }, calls.Select(c => c.Attempt));
        Assert.All(calls, c => Assert.Equal("SigningToday/" + operation.Id, c.IdempotencyKey));
        Assert.All(calls, c => Assert.Equal(calls[0].Documents[0].Content.ToArray(), c.Documents[0].Content.ToArray()));
        var failures = observer.Events.Where(e => e.Kind == SigningTrackingEventKind.SinkFailed).ToArray();
        Assert.Equal(3, failures.Length);
        Assert.All(failures, f => Assert.True(f.WillRetry));
        Assert.All(failures, f => Assert.IsType<System.IO.IOException>(f.Exception));
        Assert.Single(observer.Events, e => e.Kind == SigningTrackingEventKind.Delivered);

        // The retries used the documents kept with the job: one download only.
        Assert.Equal(1, sims.SigningToday.Journal.CountOf("GET", "/api/resource/"));
    }

    [Fact]
    public async Task TriggerNow_polls_at_once_instead_of_at_the_next_poll_time()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sims = await Simulators.StartAsync(ct);
        var sink = new RecordingSink();
        await using var node = await sims.StartNodeAsync(sink, o =>
        {
            Fast(o);
            o.MinPollInterval = TimeSpan.FromMinutes(10);
            o.MaxPollInterval = TimeSpan.FromMinutes(10);
        });
        var operation = await sims.StartSigningAsync(node.Resolver, "ConsignO", ct);
        await node.Tracker.TrackAsync(operation, ct);
        await Task.Delay(1000, ct); // first poll: pending, next one in ten minutes
        await sims.SignerActsAsync(node.Resolver, operation);
        await Task.Delay(500, ct);
        Assert.Empty(sink.Calls);

        Assert.True(await node.Tracker.TriggerNowAsync("ConsignO", operation.Id, ct)); // e.g. the provider's webhook arrived
        await Eventually.WaitUntilAsync(() => sink.Stored.Count == 1, TimeSpan.FromSeconds(30), "the delivery after TriggerNow", TestContext.Current.CancellationToken);
        Assert.False(await node.Tracker.TriggerNowAsync("ConsignO", operation.Id, ct));
        await Assert.ThrowsAsync<ArgumentException>(() => node.Tracker.TriggerNowAsync("", operation.Id, ct));
    }
}
