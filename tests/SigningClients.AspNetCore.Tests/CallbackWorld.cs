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
public sealed class CallbackWorld : IAsyncDisposable
{
    public const string Password = "Callback-Pass-7";
    public const string RequiredText = "EVENT-RECEIVED-OK";

    private readonly List<WebApplication> _apps = new();

    private CallbackWorld()
    {
    }

    public SignantSimulator Signant { get; private set; } = null!;

    public TridentSimulator Trident { get; private set; } = null!;

    public ConsignOSimulator ConsignO { get; private set; } = null!;

    public SigningTodaySimulator SigningToday { get; private set; } = null!;

    public AlphaTrustSimulator AlphaTrust { get; private set; } = null!;

    public Recorder Recorder { get; } = new();

    /// <summary>The cache every instance shares (as a Redis would).</summary>
    public IDistributedCache SharedCache { get; } = new MemoryDistributedCache(Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Caching.Memory.MemoryDistributedCacheOptions()));

    public IReadOnlyList<Uri> Instances => _apps.Select(a => new Uri(a.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/")).ToList();

    public Uri App => Instances[0];

    public IServiceProvider Services => _apps[0].Services;

    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false });

    public static async Task<CallbackWorld> StartAsync(int instances, CancellationToken ct)
    {
        var w = new CallbackWorld
        {
            Signant = await SignantSimulator.StartAsync(cancellationToken: ct),
            Trident = await TridentSimulator.StartAsync(cancellationToken: ct),
            ConsignO = await ConsignOSimulator.StartAsync(cancellationToken: ct),
            SigningToday = await SigningTodaySimulator.StartAsync(cancellationToken: ct),
            AlphaTrust = await AlphaTrustSimulator.StartAsync(cancellationToken: ct),
        };
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

    public IEnumerable<SimulatorHost> Simulators => new SimulatorHost[] { Signant, Trident, ConsignO, SigningToday, AlphaTrust };

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

    public async Task SignAlphaTrustAsync(SigningOperation operation)
    {
        var client = Services.GetRequiredService<IAlphaTrustClient>();
        var transaction = await client.GetTransactionAsync(long.Parse(operation.Id, System.Globalization.CultureInfo.InvariantCulture));
        foreach (var task in transaction!.Documents.SelectMany(d => d.Tasks))
        {
            await client.RemoteSignAsync(new RemoteSignTask(task.Id, "203.0.113.10", TaskAuthentication.Password(Password)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        Http.Dispose();
        await Signant.DisposeAsync();
        await Trident.DisposeAsync();
        await ConsignO.DisposeAsync();
        await SigningToday.DisposeAsync();
        await AlphaTrust.DisposeAsync();
    }

    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private async Task<WebApplication> StartAppAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var services = builder.Services;
        services.AddSingleton(Recorder);
        services.AddSingleton(SharedCache);
        services.AddSigningCallbacks();
        services.AddSignantClient(o => o.UseSimulator(Signant));
        services.AddTridentClient(o => o.UseSimulator(Trident));
        services.AddConsignOClient(o => o.UseSimulator(ConsignO));
        services.AddSigningTodayClient(o => o.UseSimulator(SigningToday));
        services.AddAlphaTrustClient(o => o.UseSimulator(AlphaTrust));
        services.AddSignantSigningProvider(configure: o => o.SpoolDirectory = Path.Combine(Path.GetTempPath(), "w2aspnet-" + Guid.NewGuid().ToString("N")));
        services.AddTridentSigningProvider();
        services.AddConsignOSigningProvider();
        services.AddSigningTodaySigningProvider();
        services.AddAlphaTrustSigningProvider(configure: o =>
        {
            o.SendRequestViaEmail = false;
            o.Authentication = (_, _) => ParticipantAuthentication.Password(Password);
        });

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
