using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Core.Operations;
using SigningClients.Core.Signing;
using SigningToday.Dst.Models;

namespace SigningToday.Dst.Signing;

/// <summary>Options of <see cref="SigningTodaySigningProvider"/>.</summary>
public sealed class SigningTodaySigningProviderOptions
{
    /// <summary>Polling of the DST operations: first poll at once, then 2 s growing to 30 s, and an overall timeout of 1 hour (<see cref="SigningClients.Core.SigningClientOptions.DefaultWaitTimeout"/>) so no wait blocks forever by default.</summary>
    public PollingOptions Polling { get; set; } = new() { Timeout = SigningClients.Core.SigningClientOptions.DefaultWaitTimeout };
}

/// <summary>
/// Signing Today DSTs behind the provider-neutral flow: the robot creates and publishes one DST per request (one PDF,
/// one signer), who signs through the signature ticket (remote, and embedded at <see cref="SigningOperation.SigningUrls"/>).
/// </summary>
public sealed class SigningTodaySigningProvider : SigningProvider<ISigningTodayClient>
{
    private readonly SigningTodaySigningProviderOptions _options;

    /// <summary>Creates the provider.</summary>
    /// <param name="client">The Signing Today client (robot token).</param>
    /// <param name="name">The registered name. Default "SigningToday".</param>
    /// <param name="options">Polling.</param>
    public SigningTodaySigningProvider(ISigningTodayClient client, string name = DstOperation.ProviderName, SigningTodaySigningProviderOptions? options = null)
        : base(name, client, new SigningCapabilities(name) { RemoteSigning = true, EmbeddedSigning = true, MaxSigners = 1, MaxDocuments = 1, DocumentDownload = true, Callbacks = true })
    {
        _options = options ?? new SigningTodaySigningProviderOptions();
    }

    /// <inheritdoc />
    protected override async Task<SigningOperation> StartCoreAsync(SigningEnvelope request, CancellationToken cancellationToken)
    {
        var document = request.Documents[0];
        var signer = request.Signers[0];
        var dst = await Client.Robots.CreateAndPublishFromPdfAsync(document.Content, document.FileName, request.Title, new Signer { Name = signer.GivenName, Surname = signer.FamilyName, Email = signer.Email, Phone = signer.Phone }, cancellationToken: cancellationToken).ConfigureAwait(false);
        var id = dst.Id ?? throw new SigningApiException(Name, "CreateAndPublishFromPdf", 0, SigningFailureKind.InvalidResponse, providerMessage: "Signing Today returned the DST without its id.");
        var links = dst.GetSignatureTicketUrl() is { } url ? new[] { new SignerLink(0, url) } : null;
        return Create(new OperationRehydrationToken(DstOperation.ProviderName, DstOperation.KindName, id, WithRegistration(), dst.ExpiresAt), links);
    }

    /// <inheritdoc />
    protected override SigningOperation RehydrateCore(OperationRehydrationToken token) => Create(token, null);

    /// <inheritdoc />
    protected override Task<long> DownloadCoreAsync(SigningOutcome outcome, SignedDocumentInfo document, Stream destination, CancellationToken cancellationToken) =>
        CopyAsync(Client.Resources.DownloadAsync(document.Id, cancellationToken), destination, cancellationToken);

    private DelegatingSigningOperation<DigitalSignatureTransaction> Create(OperationRehydrationToken token, SignerLink[]? links) =>
        new DelegatingSigningOperation<DigitalSignatureTransaction>(token, DstOperation.Rehydrate(Client.Dsts, token, _options.Polling), Map, links, null, _options.Polling);

    private SigningOutcome Map(DigitalSignatureTransaction dst)
    {
        var status = dst.Status ?? DstStatus.Error;
        var state = status == DstStatus.Signed ? SigningState.Completed
            : status == DstStatus.Rejected ? SigningState.Declined
            : status == DstStatus.Expired ? SigningState.Expired
            : SigningState.Failed;
        var documents = state == SigningState.Completed
            ? dst.Documents?.Where(d => d.SignedDocumentUuid is { Length: > 0 }).Select(d => new SignedDocumentInfo(d.SignedDocumentUuid!, null)).ToList()
            : null;
        return new SigningOutcome(Name, dst.Id ?? string.Empty, state, status.ToString(), documents);
    }
}
