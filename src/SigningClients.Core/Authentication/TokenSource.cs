using System;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Core.Authentication;

/// <summary>Supplies bearer tokens to <see cref="BearerTokenAuthenticationPolicy"/>.</summary>
public abstract class TokenSource
{
    /// <summary>Gets a valid token, fetching or refreshing it when needed.</summary>
    /// <param name="cancellationToken">Cancellation of this caller's wait.</param>
    /// <returns>The token.</returns>
    public abstract ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>Tells the source that <paramref name="token"/> was rejected (401), so the next call fetches a new one.</summary>
    /// <param name="token">The rejected token value.</param>
    /// <returns><see langword="true"/> when a new token can be obtained (a retry makes sense).</returns>
    public virtual bool Invalidate(string token) => false;
}

/// <summary>A fixed token, e.g. a robot's lifetime token. Never refreshed.</summary>
public sealed class StaticTokenSource : TokenSource
{
    private readonly AccessToken _token;

    /// <summary>Creates the source.</summary>
    /// <param name="token">The token value.</param>
    public StaticTokenSource(string token) => _token = new AccessToken(token, DateTimeOffset.MaxValue);

    /// <inheritdoc />
    public override ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken) => new(_token);

    /// <inheritdoc />
    public override string ToString() => "StaticTokenSource(***)";
}
