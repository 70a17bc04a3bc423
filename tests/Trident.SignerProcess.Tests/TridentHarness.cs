using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SigningClients.Testing;
using SigningClients.Testing.Trident;
using SigningClients.TestSupport;
using Trident.SignerProcess.Models;

namespace Trident.SignerProcess.Tests;

/// <summary>The TRIDENT simulator and a client pointed at it (the shape of every provider harness: <see cref="ProviderHarness{THarness, TSimulator, TSimulatorOptions, TClient, TClientOptions}"/>), plus the user's browser.</summary>
internal sealed class TridentHarness : ProviderHarness<TridentHarness, TridentSimulator, TridentSimulatorOptions, TridentClient, TridentClientOptions>
{
    public static readonly Uri CallbackUrl = new("https://app.example.com/trident/callback?session=abc");

    public TridentHarness()
        : base(o => o.Host, TridentSimulator.StartAsync, (options, http, logs, clock) => new(options, http, logs, clock)) =>
        Browser = Own(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }));

    /// <summary>A browser that does not follow redirects.</summary>
    public HttpClient Browser { get; }

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

    protected override void PointAtSimulator(TridentClientOptions options, TridentSimulator simulator)
    {
        options.UseSimulator(simulator);
        options.Retry.InitialDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.UseJitter = false;
        options.Polling.InitialInterval = TimeSpan.FromMilliseconds(10);
        options.Polling.MaxInterval = TimeSpan.FromMilliseconds(50);
    }
}
