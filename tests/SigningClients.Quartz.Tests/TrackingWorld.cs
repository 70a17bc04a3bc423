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
using Xunit;

namespace SigningClients.Quartz.Tests;

/// <summary>The five simulators, shared by the tracker nodes the tests start over them.</summary>
public sealed class Simulators : IAsyncDisposable
{
    internal const string Password = "Tracking-Pass-7";

    public static readonly string[] Providers = { "Signant", "Trident", "ConsignO", "SigningToday", "AlphaTrust" };

    private Simulators()
    {
    }

    public SignantSimulator Signant { get; private set; } = null!;

    public TridentSimulator Trident { get; private set; } = null!;

    public ConsignOSimulator ConsignO { get; private set; } = null!;

    public SigningTodaySimulator SigningToday { get; private set; } = null!;

    public AlphaTrustSimulator AlphaTrust { get; private set; } = null!;

    public static async Task<Simulators> StartAsync(CancellationToken ct, SigningClients.Testing.Signant.SignantSimulatorOptions? signant = null) => new()
    {
        Signant = await SignantSimulator.StartAsync(signant, ct),
        Trident = await TridentSimulator.StartAsync(cancellationToken: ct),
        ConsignO = await ConsignOSimulator.StartAsync(cancellationToken: ct),
        SigningToday = await SigningTodaySimulator.StartAsync(cancellationToken: ct),
        AlphaTrust = await AlphaTrustSimulator.StartAsync(cancellationToken: ct),
    };

    /// <summary>One tracker node: the five clients and providers, the tracking, the sink and observer given.</summary>
    public async Task<TrackerNode> StartNodeAsync(ISignedDocumentSink sink, Action<SigningTrackingOptions> configure, RecordingObserver? observer = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostApplicationLifetime, StartedLifetime>();
        services.AddSignantClient(o =>
        {
            o.Endpoint = Signant.ServiceAddress;
            o.AllowHttpOnLoopback = true;
            o.DistributorId = Signant.Settings.DistributorId;
            o.AccessCode = Signant.Settings.AccessCode;
        });
        services.AddTridentClient(o =>
        {
            o.Endpoint = Trident.BaseAddress;
            o.AllowHttpOnLoopback = true;
            o.ClientId = Trident.ClientId;
            o.ClientSecret = Trident.ClientSecret;
            o.AuthServer = Trident.AuthServer;
        });
        services.AddConsignOClient(o =>
        {
            o.Endpoint = ConsignO.ApiEndpoint;
            o.AllowHttpOnLoopback = true;
            o.Username = ConsignO.Settings.Username;
            o.Password = ConsignO.Settings.Password;
        });
        services.AddSigningTodayClient(o =>
        {
            o.Endpoint = SigningToday.ApiEndpoint;
            o.AllowHttpOnLoopback = true;
            o.RobotToken = SigningToday.Settings.RobotToken;
        });
        services.AddAlphaTrustClient(o =>
        {
            o.Endpoint = AlphaTrust.BaseAddress;
            o.AllowHttpOnLoopback = true;
            o.ApiKey = AlphaTrust.Settings.ApiKey;
            o.ApiSecret = AlphaTrust.Settings.ApiSecret;
            o.ApiUsername = AlphaTrust.Settings.ApiUsername;
            o.ApiPassword = AlphaTrust.Settings.ApiPassword;
        });
        var spool = Path.Combine(Path.GetTempPath(), "h19-spool-" + Guid.NewGuid().ToString("N"));
        services.AddSignantSigningProvider(configure: o => o.SpoolDirectory = spool);
        services.AddTridentSigningProvider();
        services.AddConsignOSigningProvider();
        services.AddSigningTodaySigningProvider();
        services.AddAlphaTrustSigningProvider(configure: o =>
        {
            o.SendRequestViaEmail = false;
            o.Authentication = (_, _) => ParticipantAuthentication.Password(Password);
        });
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
        var envelope = new SigningEnvelope("Tracked agreement") { CallbackUrl = new Uri("https://app.example/signing/callback") };
        envelope.Documents.Add(new SigningDocument(new MemoryStream(Pdf), "agreement.pdf"));
        envelope.Signers.Add(new SigningParty("Ann", "Lee", "ann.lee@example.com"));
        return await resolver.GetProvider(providerName).StartSigningAsync(envelope, ct);
    }

    /// <summary>Plays the human signer of each provider.</summary>
    public async Task SignAsync(ISigningProviderResolver resolver, SigningOperation operation)
    {
        switch (operation.Provider)
        {
            case "Signant":
                Signant.CompleteSigning(Guid.Parse(operation.Id), "Ann Lee");
                break;
            case "Trident":
            {
                using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
                using var answer = await browser.GetAsync(operation.SigningUrls[0].Url.AbsoluteUri + "?action=sign");
                Assert.Equal(HttpStatusCode.Found, answer.StatusCode);
                break;
            }

            case "ConsignO":
                ConsignO.SignAll(operation.Id);
                break;
            case "SigningToday":
                SigningToday.Sign(operation.Id);
                break;
            case "AlphaTrust":
            {
                var client = ((ISigningProvider<IAlphaTrustClient>)resolver.GetProvider("AlphaTrust")).Client;
                var transaction = await client.GetTransactionAsync(long.Parse(operation.Id, System.Globalization.CultureInfo.InvariantCulture));
                foreach (var task in transaction!.Documents.SelectMany(d => d.Tasks))
                {
                    await client.RemoteSignAsync(new RemoteSignTask(task.Id, "203.0.113.10", TaskAuthentication.Password(Password)));
                }

                break;
            }

            default:
                throw new InvalidOperationException(operation.Provider);
        }
    }

    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public async ValueTask DisposeAsync()
    {
        await Signant.DisposeAsync();
        await Trident.DisposeAsync();
        await ConsignO.DisposeAsync();
        await SigningToday.DisposeAsync();
        await AlphaTrust.DisposeAsync();
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
