using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Http;

namespace SigningClients.Core.Authentication;

/// <summary>
/// The authentication step of the pipeline: applies credentials to every attempt, learns from every response (for
/// providers that rotate session tokens) and, on a 401, may refresh its credentials so the pipeline resends once.
/// Implementations must be thread-safe: one instance serves every concurrent call of a client.
/// </summary>
public abstract class AuthenticationPolicy
{
    /// <summary>Applies credentials to an outgoing attempt.</summary>
    /// <param name="message">The HTTP request about to be sent.</param>
    /// <param name="request">The operation's request description.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task that completes when the credentials are applied.</returns>
    public abstract ValueTask AuthenticateAsync(HttpRequestMessage message, SigningRequest request, CancellationToken cancellationToken);

    /// <summary>Called for every response received (before it is classified), e.g. to pick up a rotated token.</summary>
    /// <param name="response">The HTTP response.</param>
    /// <param name="request">The operation's request description.</param>
    public virtual void OnResponse(HttpResponseMessage response, SigningRequest request)
    {
    }

    /// <summary>
    /// Called once per operation call when the provider answered 401 to an authenticated request. Return
    /// <see langword="true"/> after refreshing credentials to have the pipeline resend the request once.
    /// </summary>
    /// <param name="message">The request that was rejected.</param>
    /// <param name="response">The 401 response.</param>
    /// <param name="request">The operation's request description.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>Whether the request should be resent.</returns>
    public virtual ValueTask<bool> OnUnauthorizedAsync(HttpRequestMessage message, HttpResponseMessage response, SigningRequest request, CancellationToken cancellationToken) =>
        new(false);
}
