using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SigningClients.Core.Signing;
using SigningClients.Quartz;
using SigningClients.Testing;
using SigningClients.TestSupport;
using Xunit;

namespace SigningClients.AspNetCore.Tests;

/// <summary>
/// A confirmed callback tells every <see cref="ISigningChangeListener"/> once; with <c>AddSigningTracking</c> that
/// runs the tracked operation's job at once, so the signed document reaches the sink without waiting for the next poll.
/// </summary>
public sealed class ChangeListenerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_confirmed_webhook_runs_the_tracking_job_at_once_instead_of_at_the_next_poll()
    {
        var sink = new Sink();
        await using var world = await CallbackWorld.StartAsync(1, Ct, services =>
        {
            services.AddSingleton<ISignedDocumentSink>(sink);
            services.AddSigningTracking(o =>
            {
                // The next poll is an hour away: only the callback can make the job run before the test ends.
                o.MinPollInterval = TimeSpan.FromHours(1);
                o.MaxPollInterval = TimeSpan.FromHours(1);
                o.SweepInterval = TimeSpan.FromHours(1);
            });
        });
        var tracker = world.Services.GetRequiredService<ISigningTracker>();

        var consignO = await TrackAfterFirstPollAsync(world, world.ConsignO, "ConsignO", tracker);
        var signingToday = await TrackAfterFirstPollAsync(world, world.SigningToday, "SigningToday", tracker);
        Assert.Empty(sink.Deliveries);

        // The signers sign; each provider posts its webhook, the endpoint confirms it and tells the tracker.
        world.ConsignO.SignAll(consignO.Id);
        world.SigningToday.Sign(signingToday.Id);
        await Eventually.WaitUntilAsync(() => sink.Deliveries.Count == 2, TimeSpan.FromSeconds(60), "both signed documents in the sink", Ct);

        Assert.Equal(SigningState.Completed, sink.Deliveries["ConsignO/" + consignO.Id].Outcome.State);
        Assert.Equal(SigningState.Completed, sink.Deliveries["SigningToday/" + signingToday.Id].Outcome.State);
        Assert.All(sink.Deliveries.Values, d => Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(Assert.Single(d.Documents).Content.ToArray(), 0, 4), StringComparison.Ordinal));

        // The job deletes itself after the sink returned (a moment later): tracking ends for both.
        await Eventually.WaitUntilAsync(async () => !await tracker.IsTrackedAsync("ConsignO", consignO.Id, Ct), TimeSpan.FromSeconds(30), "the ConsignO job to end", Ct);
        await Eventually.WaitUntilAsync(async () => !await tracker.IsTrackedAsync("SigningToday", signingToday.Id, Ct), TimeSpan.FromSeconds(30), "the SigningToday job to end", Ct);
    }

    [Fact]
    public async Task Every_listener_hears_a_confirmed_event_once_and_a_failing_listener_changes_nothing()
    {
        var heard = new Listener();
        await using var world = await CallbackWorld.StartAsync(1, Ct, services =>
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<ISigningChangeListener, FailingListener>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<ISigningChangeListener>(heard));
        });
        var signed = await world.StartSigningAsync("ConsignO", Ct);
        world.ConsignO.SignAll(signed.Id);
        await world.ConsignO.Callbacks.WhenIdleAsync(Ct);

        // The failing listener ran first; the webhook was still acknowledged at once and the handler still ran.
        var call = Assert.Single(world.ConsignO.Callbacks.Sent, c => c.Event == "workflow 2" && c.Body.Contains(signed.Id, StringComparison.Ordinal));
        Assert.True(Assert.Single(call.Attempts).IsAcknowledged);
        Assert.Single(world.Recorder.Events.OfType<ConsignOWebhookEvent>(), e => e.Id == signed.Id && e.ConfirmedStatus == "Completed");

        // One listener call per confirmed event the handler got (the launch and the completion).
        int events = world.Recorder.Events.OfType<ConsignOWebhookEvent>().Count(e => e.Id == signed.Id);
        Assert.Equal(2, events);
        Assert.Equal(Enumerable.Repeat("ConsignO/" + signed.Id, events), heard.Calls.ToArray());

        // Redeliveries are duplicates: neither the handler nor the listeners hear of them again.
        for (int i = 0; i < 3; i++)
        {
            Assert.True(Assert.Single((await world.ConsignO.Callbacks.RedeliverAsync(call, Ct)).Attempts).IsAcknowledged);
        }

        Assert.Equal(events, heard.Calls.Count);
        Assert.Equal(events, world.Recorder.Events.OfType<ConsignOWebhookEvent>().Count(e => e.Id == signed.Id));

        // A forged webhook is refused before any listener hears of it.
        using var forged = await world.Http.PostAsync(new Uri(world.App, "signing/consigno"), new System.Net.Http.StringContent("{\"workflowId\":\"0123456789abcdef01234567\"}", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(events, heard.Calls.Count);
    }

    /// <summary>Starts a signing, tracks it and waits until the tracker's first poll has read it (so only a trigger can run it again soon).</summary>
    private static async Task<SigningOperation> TrackAfterFirstPollAsync(CallbackWorld world, SimulatorHost simulator, string provider, ISigningTracker tracker)
    {
        var operation = await world.StartSigningAsync(provider, Ct);
        simulator.Journal.Clear();
        Assert.True(await tracker.TrackAsync(operation, Ct));
        await simulator.Journal.WaitForAsync(e => e.Method == "GET" && e.Path.Contains(operation.Id, StringComparison.Ordinal), TimeSpan.FromSeconds(30), Ct);
        return operation;
    }

    private sealed class Sink : ISignedDocumentSink
    {
        public ConcurrentDictionary<string, SignedDelivery> Deliveries { get; } = new(StringComparer.Ordinal);

        public Task StoreAsync(SignedDelivery delivery, CancellationToken cancellationToken)
        {
            Assert.True(Deliveries.TryAdd(delivery.Outcome.Provider + "/" + delivery.Outcome.OperationId, delivery), "delivered twice");
            return Task.CompletedTask;
        }
    }

    private sealed class Listener : ISigningChangeListener
    {
        public ConcurrentQueue<string> Calls { get; } = new();

        public Task SigningChangedAsync(string provider, string id, CancellationToken cancellationToken)
        {
            Calls.Enqueue(provider + "/" + id);
            return Task.CompletedTask;
        }
    }

    private sealed class FailingListener : ISigningChangeListener
    {
        public Task SigningChangedAsync(string provider, string id, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the listener is broken");
    }
}
