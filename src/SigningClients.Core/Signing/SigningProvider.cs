using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Operations;

namespace SigningClients.Core.Signing;

/// <summary>The skeleton every provider package's <see cref="ISigningProvider{TClient}"/> stands on: name, client, capabilities and the checks every call needs.</summary>
/// <typeparam name="TClient">The provider's client interface.</typeparam>
public abstract class SigningProvider<TClient> : ISigningProvider<TClient>
    where TClient : class
{
    /// <summary>Creates the provider.</summary>
    /// <param name="name">The registered name.</param>
    /// <param name="client">The provider's client.</param>
    /// <param name="capabilities">What the provider can do.</param>
    protected SigningProvider(string name, TClient client, SigningCapabilities capabilities)
    {
        Name = name is null || name.Trim().Length == 0 ? throw new ArgumentException("A signing provider needs a name.", nameof(name)) : name;
        Client = client ?? throw new ArgumentNullException(nameof(client));
        Capabilities = capabilities ?? throw new ArgumentNullException(nameof(capabilities));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public TClient Client { get; }

    /// <inheritdoc />
    public SigningCapabilities Capabilities { get; }

    /// <inheritdoc />
    public Task<SigningOperation> StartSigningAsync(SigningEnvelope request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        request.Validate(Capabilities);
        return StartCoreAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public SigningOperation RehydrateSigning(OperationRehydrationToken token)
    {
        if (token is null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        if (token.Ids.TryGetValue(SigningProviderResolver.RegistrationIdName, out var registration) && !string.Equals(registration, Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The rehydration token was made by the signing provider '" + registration + "', not '" + Name + "'.", nameof(token));
        }

        return RehydrateCore(token);
    }

    /// <inheritdoc />
    public Task<long> DownloadSignedDocumentAsync(SigningOutcome outcome, SignedDocumentInfo document, Stream destination, CancellationToken cancellationToken = default)
    {
        EnsureOwn(outcome);
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        if (!outcome.IsSigned)
        {
            throw new ArgumentException("The " + Name + " signing " + outcome.OperationId + " ended as " + outcome.State + "; there is no signed document.", nameof(outcome));
        }

        if (!outcome.Documents.Any(d => string.Equals(d.Id, document.Id, StringComparison.Ordinal)))
        {
            throw new ArgumentException("The document is not one of the outcome's signed documents.", nameof(document));
        }

        if (!Capabilities.DocumentDownload)
        {
            throw new NotSupportedException(Name + " offers no document download.");
        }

        EnsureWritable(destination);
        return DownloadCoreAsync(outcome, document, destination, cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> DownloadAuditTrailAsync(SigningOutcome outcome, Stream destination, CancellationToken cancellationToken = default)
    {
        EnsureOwn(outcome);
        EnsureWritable(destination);
        if (!Capabilities.AuditTrail)
        {
            throw new NotSupportedException(Name + " offers no audit trail.");
        }

        return DownloadAuditTrailCoreAsync(outcome, destination, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => "SigningProvider(" + Name + ")";

    /// <summary>Starts the signing; the request was validated against <see cref="Capabilities"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The operation.</returns>
    protected abstract Task<SigningOperation> StartCoreAsync(SigningEnvelope request, CancellationToken cancellationToken);

    /// <summary>Rebuilds an operation; the token's registration was checked.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The operation.</returns>
    protected abstract SigningOperation RehydrateCore(OperationRehydrationToken token);

    /// <summary>Copies a signed document; outcome and document were checked.</summary>
    /// <param name="outcome">The signed outcome.</param>
    /// <param name="document">The document.</param>
    /// <param name="destination">The destination.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The number of bytes written.</returns>
    protected abstract Task<long> DownloadCoreAsync(SigningOutcome outcome, SignedDocumentInfo document, Stream destination, CancellationToken cancellationToken);

    /// <summary>Copies the audit trail; only called when <see cref="SigningCapabilities.AuditTrail"/>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="destination">The destination.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The number of bytes written.</returns>
    protected virtual Task<long> DownloadAuditTrailCoreAsync(SigningOutcome outcome, Stream destination, CancellationToken cancellationToken) =>
        throw new NotSupportedException(Name + " offers no audit trail.");

    /// <summary>The ids a neutral operation keeps in its token: the provider's own plus the registration name.</summary>
    /// <param name="ids">The provider's ids.</param>
    /// <returns>The ids with the registration.</returns>
    protected IEnumerable<KeyValuePair<string, string>> WithRegistration(params KeyValuePair<string, string>[] ids) =>
        ids.Concat(new[] { new KeyValuePair<string, string>(SigningProviderResolver.RegistrationIdName, Name) });

    /// <summary>Copies a download to the destination and disposes it.</summary>
    /// <param name="download">The download (disposed).</param>
    /// <param name="destination">The destination.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The number of bytes copied.</returns>
    protected static async Task<long> CopyAsync(Task<SigningDownload> download, Stream destination, CancellationToken cancellationToken)
    {
        if (download is null)
        {
            throw new ArgumentNullException(nameof(download));
        }

        using var body = await download.ConfigureAwait(false);
        return await body.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
    }

    private void EnsureOwn(SigningOutcome outcome)
    {
        if (outcome is null)
        {
            throw new ArgumentNullException(nameof(outcome));
        }

        if (!string.Equals(outcome.Provider, Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("The outcome belongs to the signing provider '" + outcome.Provider + "', not '" + Name + "'.", nameof(outcome));
        }
    }

    private static void EnsureWritable(Stream destination)
    {
        if (destination is null)
        {
            throw new ArgumentNullException(nameof(destination));
        }

        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream must be writable.", nameof(destination));
        }
    }
}

/// <summary>
/// A <see cref="SigningOperation"/> that delegates its polls to a provider's own operation and maps the result to a
/// <see cref="SigningOutcome"/>: provider packages use it so the native operation and the neutral one share one poll.
/// </summary>
/// <typeparam name="TNative">The native operation's value.</typeparam>
public sealed class DelegatingSigningOperation<TNative> : SigningOperation
{
    private readonly LongRunningOperation<TNative> _native;
    private readonly Func<TNative, SigningOutcome> _map;
    private readonly IReadOnlyList<SignerLink> _links;
    private readonly Action<PollingOptions>? _validatePolling;

    /// <summary>Creates the operation.</summary>
    /// <param name="token">The neutral token (the native one plus the registration name).</param>
    /// <param name="native">The native operation (built from the same token).</param>
    /// <param name="map">Maps the native final value to the outcome.</param>
    /// <param name="signingUrls">The signing URLs, when known (not after rehydration).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="defaultPolling">The provider's default pace; <see langword="null"/> for <see cref="PollingOptions"/> defaults.</param>
    /// <param name="validatePolling">The provider's limits on polling (e.g. inside a TTL), if any.</param>
    public DelegatingSigningOperation(OperationRehydrationToken token, LongRunningOperation<TNative> native, Func<TNative, SigningOutcome> map, IReadOnlyList<SignerLink>? signingUrls, TimeProvider? timeProvider, PollingOptions? defaultPolling = null, Action<PollingOptions>? validatePolling = null)
        : base(token, timeProvider, defaultPolling)
    {
        _validatePolling = validatePolling;
        _native = native ?? throw new ArgumentNullException(nameof(native));
        _map = map ?? throw new ArgumentNullException(nameof(map));
        _links = signingUrls ?? Array.Empty<SignerLink>();
    }

    /// <summary>The provider's own operation, for everything the neutral one does not expose.</summary>
    public LongRunningOperation<TNative> Native => _native;

    /// <inheritdoc />
    public override IReadOnlyList<SignerLink> SigningUrls => _links;

    /// <inheritdoc />
    protected override void ValidatePolling(PollingOptions polling) => _validatePolling?.Invoke(polling);

    /// <inheritdoc />
    protected override async ValueTask<OperationStep<SigningOutcome>> PollAsync(CancellationToken cancellationToken)
    {
        var update = await _native.UpdateStatusAsync(cancellationToken).ConfigureAwait(false);
        return update.HasCompleted
            ? OperationStep<SigningOutcome>.Completed(_map(_native.Value), update.Status)
            : OperationStep<SigningOutcome>.Pending(update.Status, null, update.Deadline);
    }
}
