using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Operations;

namespace SigningClients.Core.Signing;

/// <summary>
/// One provider behind the provider-neutral signing flow: start a signing, rebuild it from a token, download the signed
/// documents. Each provider package implements it over its own client, which stays one call away
/// (<see cref="ISigningProvider{TClient}.Client"/>). Choose one by name with <see cref="ISigningProviderResolver"/>.
/// </summary>
public interface ISigningProvider
{
    /// <summary>The provider's registered name (e.g. "Signant", or a tenant name).</summary>
    string Name { get; }

    /// <summary>What the provider can and cannot do.</summary>
    SigningCapabilities Capabilities { get; }

    /// <summary>Sends the documents to the signers.</summary>
    /// <param name="request">The request; validated against <see cref="Capabilities"/> before any network call.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The operation; poll or wait on it, or save its rehydration token.</returns>
    /// <exception cref="System.ArgumentException">The request is invalid or asks for something the provider cannot do.</exception>
    /// <exception cref="SigningApiException">The provider call failed.</exception>
    Task<SigningOperation> StartSigningAsync(SigningEnvelope request, CancellationToken cancellationToken = default);

    /// <summary>Rebuilds an operation from its rehydration token (in this or another process).</summary>
    /// <param name="token">The token.</param>
    /// <returns>The operation, pending until its next poll.</returns>
    /// <exception cref="System.ArgumentException">The token belongs to another provider or kind of operation.</exception>
    SigningOperation RehydrateSigning(OperationRehydrationToken token);

    /// <summary>Copies one signed document into <paramref name="destination"/>.</summary>
    /// <param name="outcome">A <see cref="SigningState.Completed"/> outcome of this provider.</param>
    /// <param name="document">One of <see cref="SigningOutcome.Documents"/>.</param>
    /// <param name="destination">The caller's writable stream (not disposed).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="System.ArgumentException">The outcome is not signed or not this provider's.</exception>
    /// <exception cref="SigningApiException">The download failed (integrity failures included).</exception>
    Task<long> DownloadSignedDocumentAsync(SigningOutcome outcome, SignedDocumentInfo document, Stream destination, CancellationToken cancellationToken = default);

    /// <summary>Copies the audit trail (evidence summary) into <paramref name="destination"/>, where <see cref="SigningCapabilities.AuditTrail"/>.</summary>
    /// <param name="outcome">An outcome of this provider.</param>
    /// <param name="destination">The caller's writable stream (not disposed).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="System.NotSupportedException">The provider has no audit trail.</exception>
    Task<long> DownloadAuditTrailAsync(SigningOutcome outcome, Stream destination, CancellationToken cancellationToken = default);
}

/// <summary>A provider whose native client is one call away.</summary>
/// <typeparam name="TClient">The provider's client interface.</typeparam>
public interface ISigningProvider<out TClient> : ISigningProvider
{
    /// <summary>The provider's own client, for everything the neutral flow does not cover.</summary>
    TClient Client { get; }
}

/// <summary>Chooses a signing provider by name (from configuration), e.g. Norwegian customers to "Signant", Quebec ones to "ConsignO".</summary>
public interface ISigningProviderResolver
{
    /// <summary>The registered names.</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>Returns the provider registered under <paramref name="name"/> (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The provider.</returns>
    /// <exception cref="System.ArgumentException">No provider has that name.</exception>
    ISigningProvider GetProvider(string name);

    /// <summary>Rebuilds an operation from its token with the provider that made it (the token's provider name).</summary>
    /// <param name="token">The token.</param>
    /// <returns>The operation.</returns>
    SigningOperation RehydrateSigning(OperationRehydrationToken token);
}
