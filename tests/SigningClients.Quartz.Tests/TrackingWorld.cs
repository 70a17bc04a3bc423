using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks;
using AlphaTrust.Tasks.Models;
using AlphaTrust.Tasks.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SigningClients.Core.Signing;
using SigningClients.Testing;
using SigningClients.Testing.Signant;
using SigningClients.TestSupport;
using Xunit;

namespace SigningClients.Quartz.Tests;

/// <summary>The five simulators, shared by the tracker nodes the tests start over them.</summary>
public sealed class Simulators : FiveSimulators
{
    private Simulators()
    {
    }

    public static new async Task<Simulators> StartAsync(CancellationToken ct, SignantSimulatorOptions? signant = null)
    {
        var simulators = new Simulators();
        await simulators.StartSimulatorsAsync(ct, signant);
        return simulators;
    }

    /// <summary>A clustered PostgreSQL store with short check-in, poll and retry intervals (so fail-over shows within seconds).</summary>
    public static Action<SigningTrackingOptions> FastCluster(string connectionString) => o =>
    {
        o.Store = SigningTrackingStore.PostgreSql;
        o.ConnectionString = connectionString;
        o.ClusterCheckinInterval = TimeSpan.FromSeconds(1);
        o.MinPollInterval = TimeSpan.FromMilliseconds(200);
        o.MaxPollInterval = TimeSpan.FromMilliseconds(500);
        o.InitialRetryDelay = TimeSpan.FromMilliseconds(200);
        o.MaxRetryDelay = TimeSpan.FromSeconds(1);
    };

    /// <summary>One tracker node: the five clients and providers, the tracking, the sink and observer given.</summary>
    public async Task<TrackerNode> StartNodeAsync(ISignedDocumentSink sink, Action<SigningTrackingOptions> configure, RecordingObserver? observer = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostApplicationLifetime, StartedLifetime>();
        AddClientsAndProviders(services);
        services.AddSingleton(sink);
        if (observer is not null)
        {
            services.AddSingleton<ISigningTrackingObserver>(observer);
        }

        services.AddSigningTracking(configure);
        var provider = services.BuildServiceProvider();
        var node = new TrackerNode(provider);
        await node.StartAsync();
        return node;
    }

    public async Task<SigningOperation> StartSigningAsync(ISigningProviderResolver resolver, string providerName, CancellationToken ct)
    {
        var envelope = Envelope("Tracked agreement");
        envelope.CallbackUrl = new Uri("https://app.example/signing/callback");
        return await resolver.GetProvider(providerName).StartSigningAsync(envelope, ct);
    }
}

/// <summary>A tracker node: a container whose hosted services (the Quartz scheduler) are started and stopped by hand.</summary>
public sealed class TrackerNode : IAsyncDisposable
{
    private bool _stopped;

    public TrackerNode(ServiceProvider services) => Services = services;

    public ServiceProvider Services { get; }

    public ISigningTracker Tracker => Services.GetRequiredService<ISigningTracker>();

    public ISigningProviderResolver Resolver => Services.GetRequiredService<ISigningProviderResolver>();

    public async Task StartAsync()
    {
        foreach (var hosted in Services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        foreach (var hosted in Services.GetServices<IHostedService>().Reverse())
        {
            await hosted.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Services.DisposeAsync();
    }
}

/// <summary>A sink that records every call (duplicates included) and can be told to fail.</summary>
public sealed class RecordingSink : ISignedDocumentSink
{
    private int _failuresLeft;

    public RecordingSink(int failFirst = 0) => _failuresLeft = failFirst;

    public ConcurrentQueue<SignedDelivery> Calls { get; } = new();

    public ConcurrentDictionary<string, SignedDelivery> Stored { get; } = new();

    public Task StoreAsync(SignedDelivery delivery, CancellationToken cancellationToken)
    {
        Calls.Enqueue(delivery);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new IOException("The document store is down.");
        }

        Stored[delivery.IdempotencyKey] = delivery;
        return Task.CompletedTask;
    }
}

/// <summary>Records tracking events.</summary>
public sealed class RecordingObserver : ISigningTrackingObserver
{
    public ConcurrentQueue<SigningTrackingEvent> Events { get; } = new();

    public Task OnEventAsync(SigningTrackingEvent trackingEvent, CancellationToken cancellationToken)
    {
        Events.Enqueue(trackingEvent);
        return Task.CompletedTask;
    }
}

/// <summary>An application that has started (what Quartz's hosted service waits for) and stops with the node.</summary>
public sealed class StartedLifetime : IHostApplicationLifetime, IDisposable
{
    private readonly CancellationTokenSource _started = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _stopped = new();

    public StartedLifetime() => _started.Cancel();

    public CancellationToken ApplicationStarted => _started.Token;

    public CancellationToken ApplicationStopping => _stopping.Token;

    public CancellationToken ApplicationStopped => _stopped.Token;

    public void StopApplication() => _stopping.Cancel();

    public void Dispose()
    {
        _started.Dispose();
        _stopping.Dispose();
        _stopped.Dispose();
    }
}
