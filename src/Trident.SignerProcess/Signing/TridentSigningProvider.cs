using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Core.Operations;
using SigningClients.Core.Signing;
using Trident.SignerProcess.Models;

namespace Trident.SignerProcess.Signing;

/// <summary>Options of <see cref="TridentSigningProvider"/>.</summary>
public sealed class TridentSigningProviderOptions
{
    /// <summary>
    /// The finish callback URL TRIDENT redirects the signer's browser to, when a request names none
    /// (<see cref="SigningEnvelope.CallbackUrl"/>, then <see cref="SigningEnvelope.ReturnUrl"/>, are used first).
    /// </summary>
    public Uri? FinishCallbackUrl { get; set; }

    /// <summary>The signature: PAdES baseline in a field on the last page unless set.</summary>
    public SignatureParameters Signature { get; set; } = new()
    {
        Type = SignatureTypes.PadesBaseline,
        SignatureField = new SignatureField
        {
            Name = "Signature1",
            Location = new SignatureFieldLocation
            {
                Page = new SignaturePage { Number = SignaturePageNumber.Last },
                Rectangle = new SignatureRectangle { X = 72, Y = 72, Width = 220, Height = 60 },
            },
        },
    };

    /// <summary>UI locales shown to the signer. Default en_US.</summary>
    public IList<string> UiLocales { get; set; } = new List<string> { "en_US" };

    /// <summary>Polling of the signer process operations.</summary>
    public PollingOptions Polling { get; set; } = new();
}

/// <summary>
/// TRIDENT signer processes behind the provider-neutral flow: one PDF, one signer who signs embedded at
/// <see cref="SigningOperation.SigningUrls"/>; TRIDENT redirects the browser to the finish callback afterwards.
/// </summary>
public sealed class TridentSigningProvider : SigningProvider<ITridentClient>
{
    private const string DocumentIdName = "documentId";
    private readonly TridentSigningProviderOptions _options;

    /// <summary>Creates the provider.</summary>
    /// <param name="client">The TRIDENT client.</param>
    /// <param name="name">The registered name. Default "Trident".</param>
    /// <param name="options">Callback URL, signature and polling.</param>
    public TridentSigningProvider(ITridentClient client, string name = SignerProcessOperation.ProviderName, TridentSigningProviderOptions? options = null)
        : base(name, client, new SigningCapabilities(name) { EmbeddedSigning = true, MaxSigners = 1, MaxDocuments = 1, DocumentDownload = true, Callbacks = true })
    {
        _options = options ?? new TridentSigningProviderOptions();
    }

    /// <inheritdoc />
    protected override async Task<SigningOperation> StartCoreAsync(SigningEnvelope request, CancellationToken cancellationToken)
    {
        var callback = request.CallbackUrl ?? request.ReturnUrl ?? _options.FinishCallbackUrl
            ?? throw new ArgumentException("TRIDENT needs a finish callback URL: set SigningEnvelope.CallbackUrl or TridentSigningProviderOptions.FinishCallbackUrl.", nameof(request));
        var definition = new SignerProcessDefinition
        {
            FinishCallbackUrl = callback,
            Signer = new SignerProcessSigner { Parameters = _options.Signature },
            UiLocales = _options.UiLocales,
        };
        var document = request.Documents[0];
        var process = await Client.CreateSignerProcessAsync(definition, document.Content, document.FileName, cancellationToken).ConfigureAwait(false);
        var documentId = (process.Documents is { Count: > 0 } documents ? documents[0].Id : null)
            ?? throw new SigningApiException(Name, "CreateSignerProcess", 0, SigningFailureKind.InvalidResponse, providerMessage: "TRIDENT returned the signer process without its document.");
        var token = new OperationRehydrationToken(SignerProcessOperation.ProviderName, SignerProcessOperation.KindName, process.Id, WithRegistration(new KeyValuePair<string, string>(DocumentIdName, documentId)));
        return Create(token, new[] { new SignerLink(0, process.GetExecutionUrl()) });
    }

    /// <inheritdoc />
    protected override SigningOperation RehydrateCore(OperationRehydrationToken token)
    {
        SignerProcessOperation.Rehydrate(Client, token);
        token.GetId(DocumentIdName);
        return Create(token, null);
    }

    /// <inheritdoc />
    protected override Task<long> DownloadCoreAsync(SigningOutcome outcome, SignedDocumentInfo document, Stream destination, CancellationToken cancellationToken) =>
        CopyAsync(Client.DownloadDocumentContentAsync(document.Id, cancellationToken), destination, cancellationToken);

    private DelegatingSigningOperation<SignerProcessResult> Create(OperationRehydrationToken token, IReadOnlyList<SignerLink>? links)
    {
        var native = SignerProcessOperation.Rehydrate(Client, token, _options.Polling);
        var documentId = token.GetId(DocumentIdName);
        return new DelegatingSigningOperation<SignerProcessResult>(token, native, result => Map(token.Id, documentId, result), links, null, _options.Polling);
    }

    private SigningOutcome Map(string id, string documentId, SignerProcessResult result)
    {
        var status = result.Status;
        if (status.IsSigned)
        {
            return new SigningOutcome(Name, id, SigningState.Completed, status.ToString(), new[] { new SignedDocumentInfo(documentId, null) });
        }

        return new SigningOutcome(Name, id, status == SignerProcessStatus.Canceled ? SigningState.Cancelled : SigningState.Failed, status.ToString(), null);
    }
}
