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
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SigningClients.Core.Signing;
using SigningClients.Testing;
using SigningClients.TestSupport;
using SigningToday.Dst;
using SigningToday.Dst.Models;
using Xunit;

namespace SigningClients.AspNetCore.Tests;

/// <summary>What a handler saw, per event type; a handler can be told to fail its next calls.</summary>
public sealed class Recorder
{
    private int _failures;

    public ConcurrentQueue<SigningCallbackEvent> Events { get; } = new();

    public void FailNext(int count) => Interlocked.Exchange(ref _failures, count);

    public int Count<TEvent>() => Events.OfType<TEvent>().Count();

    public void Record(SigningCallbackEvent e)
    {
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new InvalidOperationException("handler failure");
        }

        Events.Enqueue(e);
    }
}

public sealed class RecordingHandler<TEvent> : ISigningCallbackHandler<TEvent>
    where TEvent : SigningCallbackEvent
{
    private readonly Recorder _recorder;

    public RecordingHandler(Recorder recorder) => _recorder = recorder;

    public async Task HandleAsync(TEvent callbackEvent, CancellationToken cancellationToken)
    {
        // Slow enough that concurrent redeliveries overlap with the first one.
        await Task.Delay(20, cancellationToken);
        _recorder.Record(callbackEvent);
    }
}

/// <summary>The five simulators and one or more app instances (real Kestrel on 127.0.0.1:0) mapping every endpoint.</summary>
public sealed class CallbackWorld : FiveSimulators
{
    public const string RequiredText = "EVENT-RECEIVED-OK";

    private readonly List<WebApplication> _apps = new();

    private readonly Action<IServiceCollection>? _configure;

    private CallbackWorld(Action<IServiceCollection>? configure) => _configure = configure;

    public Recorder Recorder { get; } = new();

    /// <summary>The cache every instance shares (as a Redis would).</summary>
    public IDistributedCache SharedCache { get; } = new MemoryDistributedCache(Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Caching.Memory.MemoryDistributedCacheOptions()));

    public IReadOnlyList<Uri> Instances => _apps.Select(a => new Uri(a.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/")).ToList();

    public Uri App => Instances[0];

    public IServiceProvider Services => _apps[0].Services;

    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false });

    /// <summary>Starts the simulators and the app instances.</summary>
    /// <param name="instances">How many app instances.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="configure">More services for every instance (e.g. signature tracking or change listeners).</param>
    public static async Task<CallbackWorld> StartAsync(int instances, CancellationToken ct, Action<IServiceCollection>? configure = null)
    {
        var w = new CallbackWorld(configure);
        await w.StartSimulatorsAsync(ct);
        foreach (var simulator in w.Simulators)
        {
            simulator.Callbacks.RetryDelay = TimeSpan.FromMilliseconds(20);
        }

        for (int i = 0; i < instances; i++)
        {
            w._apps.Add(await w.StartAppAsync(ct));
        }

        // The provider side is configured the way each provider is: the robot's webhook URL (with a header Signing
        // Today adds), an AlphaTrust event subscription; ConsignO and TRIDENT take their URLs per signing.
        await w.Services.GetRequiredService<ISigningTodayClient>().Robots.UpdateConfigurationAsync(
            new RobotConfiguration
            {
                Webhooks = new RobotWebhooks { Dst = new Uri(w.App, "signing/signingtoday").AbsoluteUri },
                RequestHeaders = new Dictionary<string, IReadOnlyList<string>> { ["X-Hook-Token"] = new[] { "hook-secret-1" } },
            },
            cancellationToken: ct);
        w.AlphaTrust.SubscribeEvents(new AlphaTrustEventSubscription(new Uri(w.App, "signing/alphatrust"), RequiredText));
        return w;
    }

    /// <summary>The app's own references in return URLs (ConsignO and Signant append nothing that names the signing).</summary>
    public ConcurrentDictionary<string, string> References { get; } = new(StringComparer.Ordinal);

    public ISigningProvider Provider(string name) => Services.GetRequiredService<ISigningProviderResolver>().GetProvider(name);

    public async Task<SigningOperation> StartSigningAsync(string provider, CancellationToken ct)
    {
        var reference = Guid.NewGuid().ToString("N");
        var path = "signing/" + provider.ToLowerInvariant();
        var envelope = new SigningEnvelope("Callback agreement")
        {
            CallbackUrl = new Uri(App, path),
            ReturnUrl = provider switch
            {
                "ConsignO" => new Uri(App, path + "/return?ref=" + reference),
                "Signant" => new Uri(App, path + "?ref=" + reference),
                _ => null,
            },
        };
        envelope.Documents.Add(new SigningDocument(new MemoryStream(Pdf), "agreement.pdf"));
        envelope.Signers.Add(new SigningParty("Ann", "Lee", "ann.lee@example.com"));
        var operation = await Provider(provider).StartSigningAsync(envelope, ct);
        References[reference] = operation.Id;
        await Task.WhenAll(Simulators.Select(s => s.Callbacks.WhenIdleAsync(ct)));
        return operation;
    }

    public string ReferenceOf(SigningOperation operation) => References.Single(r => r.Value == operation.Id).Key;

    public ValueTask<string?> Resolve(Microsoft.AspNetCore.Http.HttpContext context) =>
        new(context.Request.Query["ref"] is { Count: 1 } r && References.TryGetValue(r[0]!, out var id) ? id : null);

    public Task SignAlphaTrustAsync(SigningOperation operation) => SignerActsAsync(Services.GetRequiredService<ISigningProviderResolver>(), operation);

    public override async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        Http.Dispose();
        await base.DisposeAsync();
    }

    private async Task<WebApplication> StartAppAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var services = builder.Services;
        services.AddSingleton(Recorder);
        services.AddSingleton(SharedCache);
        services.AddSigningCallbacks();
        AddClientsAndProviders(services);
        _configure?.Invoke(services);

        var app = builder.Build();
        app.MapTridentCallback<RecordingHandler<TridentCallbackEvent>>("/signing/trident");
        app.MapSigningTodayWebhook<RecordingHandler<SigningTodayWebhookEvent>>("/signing/signingtoday");
        app.MapConsignOWebhook<RecordingHandler<ConsignOWebhookEvent>>("/signing/consigno");
        app.MapConsignOReturn<RecordingHandler<ConsignOReturnEvent>>("/signing/consigno/return", o => o.ResolveWorkflowId = Resolve);
        app.MapAlphaTrustEvents<RecordingHandler<AlphaTrustCallbackEvent>>("/signing/alphatrust", o => o.RequiredResponseText = RequiredText);
        app.MapSignantReturn<RecordingHandler<SignantReturnEvent>>("/signing/signant", o => o.ResolvePostingId = Resolve);
        await app.StartAsync(ct);
        return app;
    }
}
