using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SigningClients.Testing;
using SigningClients.Testing.Trident;
using SigningClients.TestSupport;
using Trident.SignerProcess.Models;

namespace Trident.SignerProcess.Tests;

/// <summary>A simulator plus a client pointed at it.</summary>
internal sealed class TridentHarness : IAsyncDisposable
{
    private readonly HttpClient _http;

    private TridentHarness(TridentSimulator simulator, TridentClient client, HttpClient http, LogCapture logs, TridentClientOptions options)
    {
        Simulator = simulator;
        Client = client;
        _http = http;
        Logs = logs;
        Options = options;
    }

    public TridentSimulator Simulator { get; }

    public TridentClient Client { get; }

    public LogCapture Logs { get; }

    public TridentClientOptions Options { get; }

    /// <summary>A browser that does not follow redirects.</summary>
    public HttpClient Browser { get; } = new(new HttpClientHandler { AllowAutoRedirect = false });

    public static readonly Uri CallbackUrl = new("https://app.example.com/trident/callback?session=abc");

    public static async Task<TridentHarness> StartAsync(FakeTimeProvider? simulatorClock = null, FakeTimeProvider? clientClock = null, Action<TridentClientOptions>? configure = null, string? clientSecret = null)
    {
        var simulator = await TridentSimulator.StartAsync(new TridentSimulatorOptions
        {
            Host = new SimulatorHostOptions { TimeProvider = simulatorClock },
        });
        var options = new TridentClientOptions
        {
            Endpoint = simulator.BaseAddress,
            AllowHttpOnLoopback = true,
            ClientId = simulator.ClientId,
            ClientSecret = clientSecret ?? simulator.ClientSecret,
            AuthServer = simulator.AuthServer,
        };
        options.Retry.InitialDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.UseJitter = false;
        options.Polling.InitialInterval = TimeSpan.FromMilliseconds(10);
        options.Polling.MaxInterval = TimeSpan.FromMilliseconds(50);
        configure?.Invoke(options);
        var logs = new LogCapture();
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var client = new TridentClient(options, http, logs.CreateFactory(), clientClock);
        return new TridentHarness(simulator, client, http, logs, options);
    }

    public static SignerProcessDefinition Definition(Uri? callback = null) => new()
    {
        ProcessType = SignerProcessType.DocumentSignEsigp,
        Labels = new List<IList<string>> { new List<string> { "order", "4711" } },
        Signer = new SignerProcessSigner
        {
            SignaturePolicyId = SignaturePolicies.Pdf,
            Parameters = new SignatureParameters
            {
                Type = SignatureTypes.PadesBaseline,
                SignatureField = new SignatureField
                {
                    Name = "Signature1",
                    Location = new SignatureFieldLocation
                    {
                        Page = new SignaturePage { Number = SignaturePageNumber.Last },
                        Rectangle = new SignatureRectangle { X = 72, Y = 72, Width = 200, Height = 50 },
                    },
                },
            },
        },
        UiLocales = new List<string> { "en_US" },
        Timestamp = new TimestampSettings { ProviderId = "urn:example:tsa:default" },
        FinishCallbackUrl = callback ?? CallbackUrl,
        Views = new SignerProcessViews
        {
            DocumentAgreement = new DocumentAgreementView
            {
                SkipServerId = true,
                DocumentInfo = DocumentInfo.FromHtml("<p>Contract 4711</p>"),
            },
        },
    };

    public async Task<TridentSignerProcess> CreateAsync(string text = "Contract 4711", CancellationToken cancellationToken = default)
    {
        using var pdf = new MemoryStream(TestPdf.Create(text));
        return await Client.CreateSignerProcessAsync(Definition(), pdf, "contract.pdf", cancellationToken);
    }

    /// <summary>Plays the user's browser: opens the task page, clicks the action, returns the 302 Location.</summary>
    public async Task<Uri> PlayBrowserAsync(Uri executionUrl, string action, CancellationToken cancellationToken)
    {
        using (var page = await Browser.GetAsync(executionUrl, cancellationToken))
        {
            if (page.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException("The task page answered " + page.StatusCode);
            }

            var html = await page.Content.ReadAsStringAsync(cancellationToken);
            if (!html.Contains("action=" + action, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The task page has no '" + action + "' link.");
            }
        }

        using var click = await Browser.GetAsync(executionUrl.AbsoluteUri + "?action=" + action, cancellationToken);
        if (click.StatusCode != HttpStatusCode.Found || click.Headers.Location is null)
        {
            throw new InvalidOperationException("Expected 302 with Location, got " + click.StatusCode);
        }

        return click.Headers.Location;
    }

    public IEnumerable<string> AllText(IEnumerable<string>? more = null)
    {
        foreach (var line in Logs.AllText)
        {
            yield return line;
        }

        if (more is not null)
        {
            foreach (var line in more)
            {
                yield return line;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Browser.Dispose();
        _http.Dispose();
        Logs.Dispose();
        await Simulator.DisposeAsync();
    }
}
