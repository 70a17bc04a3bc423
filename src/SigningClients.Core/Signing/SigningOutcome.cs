using System;
using System.Collections.Generic;

namespace SigningClients.Core.Signing;

/// <summary>How a signing ended, in provider-neutral terms.</summary>
public enum SigningState
{
    /// <summary>Not finished (only seen on a pending operation's status).</summary>
    Pending = 0,

    /// <summary>Every signer signed; the signed documents can be downloaded (where the provider allows it).</summary>
    Completed = 1,

    /// <summary>A signer declined or rejected.</summary>
    Declined = 2,

    /// <summary>The provider gave up (time limit passed); nothing was signed or the document is gone.</summary>
    Expired = 3,

    /// <summary>The sender cancelled it.</summary>
    Cancelled = 4,

    /// <summary>The provider reports an error.</summary>
    Failed = 5,
}

/// <summary>A signed document the provider holds (or the SDK saved before the provider deleted it).</summary>
public sealed class SignedDocumentInfo
{
    /// <summary>Creates a document description.</summary>
    /// <param name="id">The provider's id of the document.</param>
    /// <param name="fileName">A file name, if known.</param>
    public SignedDocumentInfo(string id, string? fileName)
    {
        Id = id is null || id.Length == 0 ? throw new ArgumentException("A signed document needs an id.", nameof(id)) : id;
        FileName = fileName;
    }

    /// <summary>The provider's id of the document.</summary>
    public string Id { get; }

    /// <summary>A file name, if known.</summary>
    public string? FileName { get; }

    /// <inheritdoc />
    public override string ToString() => "SignedDocumentInfo { " + Id + ", " + FileName + " }";
}

/// <summary>The outcome of a <see cref="SigningOperation"/>.</summary>
public sealed class SigningOutcome
{
    /// <summary>Creates an outcome.</summary>
    /// <param name="provider">The provider's name.</param>
    /// <param name="operationId">The provider's id of the signing.</param>
    /// <param name="state">How it ended.</param>
    /// <param name="providerStatus">The provider's own status text.</param>
    /// <param name="documents">The signed documents (empty unless <paramref name="state"/> is <see cref="SigningState.Completed"/>).</param>
    public SigningOutcome(string provider, string operationId, SigningState state, string? providerStatus, IReadOnlyList<SignedDocumentInfo>? documents)
    {
        Provider = provider ?? throw new ArgumentNullException(nameof(provider));
        OperationId = operationId ?? throw new ArgumentNullException(nameof(operationId));
        State = state;
        ProviderStatus = providerStatus;
        Documents = documents ?? Array.Empty<SignedDocumentInfo>();
    }

    /// <summary>The provider's name.</summary>
    public string Provider { get; }

    /// <summary>The provider's id of the signing.</summary>
    public string OperationId { get; }

    /// <summary>How it ended.</summary>
    public SigningState State { get; }

    /// <summary>Whether every signer signed.</summary>
    public bool IsSigned => State == SigningState.Completed;

    /// <summary>The provider's own status text (e.g. "Completed", "SIGNED", "PadesSigned").</summary>
    public string? ProviderStatus { get; }

    /// <summary>The signed documents; download each with <see cref="ISigningProvider.DownloadSignedDocumentAsync"/>.</summary>
    public IReadOnlyList<SignedDocumentInfo> Documents { get; }

    /// <inheritdoc />
    public override string ToString() => "SigningOutcome { " + Provider + " " + OperationId + ": " + State + " (" + ProviderStatus + "), " + Documents.Count + " document(s) }";
}

/// <summary>Where one signer signs, for embedded signing (redirect the signer's browser there).</summary>
public sealed class SignerLink
{
    /// <summary>Creates a link.</summary>
    /// <param name="signerIndex">The signer's index in <see cref="SigningEnvelope.Signers"/>.</param>
    /// <param name="url">The signing URL.</param>
    public SignerLink(int signerIndex, Uri url)
    {
        SignerIndex = signerIndex;
        Url = url ?? throw new ArgumentNullException(nameof(url));
    }

    /// <summary>The signer's index in the request.</summary>
    public int SignerIndex { get; }

    /// <summary>The signing URL (may carry a one-time credential: do not log it).</summary>
    public Uri Url { get; }

    /// <inheritdoc />
    public override string ToString() => "SignerLink { Signer " + SignerIndex + " }";
}
