using System;
using SigningClients.Core.Http;

namespace SigningClients.Core.Operations;

/// <summary>
/// The skeleton every provider's own operation (a workflow, a DST, a signer process, a transaction, a posting) stands
/// on: the client it polls through, and the rehydration plumbing — the token of a fresh operation and the checks a
/// token must pass before an operation is rebuilt from it. A derived operation adds only its domain: what one poll
/// reads and when the resource is done (<see cref="LongRunningOperation{T}"/>'s <c>PollAsync</c>).
/// </summary>
/// <typeparam name="TClient">What the operation polls through (a client or one of its operation groups).</typeparam>
/// <typeparam name="T">The value the operation ends with.</typeparam>
public abstract class ProviderOperation<TClient, T> : LongRunningOperation<T>
    where TClient : class
{
    /// <summary>Creates an operation, fresh or from a rehydration token.</summary>
    /// <param name="client">What the operation polls through.</param>
    /// <param name="token">The operation's identity and poll state.</param>
    /// <param name="timeProvider">The clock polling waits on; <see langword="null"/> for the system clock.</param>
    /// <param name="defaultPolling">The default pace; <see langword="null"/> for <see cref="PollingOptions"/> defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="token"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The default polling is invalid.</exception>
    protected ProviderOperation(TClient client, OperationRehydrationToken token, TimeProvider? timeProvider, PollingOptions? defaultPolling)
        : base(token, timeProvider, defaultPolling)
    {
        Client = client ?? throw new ArgumentNullException(nameof(client));
    }

    /// <summary>What the operation polls through.</summary>
    protected TClient Client { get; }

    /// <summary>The token of a fresh operation whose id is one URL path segment.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="kind">The operation kind.</param>
    /// <param name="id">The resource id.</param>
    /// <param name="paramName">The caller's name of the id parameter (for the exception).</param>
    /// <returns>The token with the initial poll state.</returns>
    /// <exception cref="ArgumentException">The id is empty or not a path segment.</exception>
    protected static OperationRehydrationToken NewToken(string provider, string kind, string id, string paramName)
    {
        SigningRequest.EscapeSegment(id, paramName);
        return new OperationRehydrationToken(provider, kind, id);
    }

    /// <summary>Checks a token handed to a provider's <c>Rehydrate</c>: present and made for this provider and kind.</summary>
    /// <param name="token">The token.</param>
    /// <param name="provider">The expected provider name.</param>
    /// <param name="kind">The expected operation kind.</param>
    /// <returns>The same token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The token is for another provider or kind.</exception>
    protected static OperationRehydrationToken CheckToken(OperationRehydrationToken token, string provider, string kind)
    {
        if (token is null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        token.EnsureFor(provider, kind);
        return token;
    }

    /// <summary>
    /// <see cref="CheckToken(OperationRehydrationToken, string, string)"/> for an operation whose id is one URL path
    /// segment: the token's id must be one too.
    /// </summary>
    /// <param name="token">The token.</param>
    /// <param name="provider">The expected provider name.</param>
    /// <param name="kind">The expected operation kind.</param>
    /// <param name="paramName">The name of the id (for the exception).</param>
    /// <returns>The same token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The token is for another provider or kind, or its id is not a path segment.</exception>
    protected static OperationRehydrationToken CheckSegmentToken(OperationRehydrationToken token, string provider, string kind, string paramName)
    {
        CheckToken(token, provider, kind);
        SigningRequest.EscapeSegment(token.Id, paramName);
        return token;
    }
}
