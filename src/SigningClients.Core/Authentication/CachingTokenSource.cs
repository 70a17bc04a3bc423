using System;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Core.Authentication;

/// <summary>
/// A token source that caches its token until shortly before expiry and lets exactly one fetch run at a time:
/// concurrent callers that need a new token all wait for the same fetch (single-flight). Thread-safe.
/// </summary>
public abstract class CachingTokenSource : TokenSource
{
    private readonly object _gate = new();
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _refreshMargin;
    private AccessToken? _current;
    private DateTimeOffset _currentIssued;
    private readonly SingleFlight<AccessToken> _fetch;

    /// <summary>Creates the source.</summary>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="refreshMargin">How long before expiry a token is replaced (default 60 s).</param>
    protected CachingTokenSource(TimeProvider? timeProvider = null, TimeSpan? refreshMargin = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        _refreshMargin = refreshMargin ?? TimeSpan.FromSeconds(60);
        _fetch = new SingleFlight<AccessToken>(_gate);
    }

    /// <summary>Number of token fetches started so far (diagnostics and tests).</summary>
    public int FetchCount => _fetch.StartCount;

    /// <summary>Fetches a new token.</summary>
    /// <param name="previous">The previous token (with its refresh token), if any.</param>
    /// <param name="cancellationToken">Cancellation of the fetch (not tied to any single caller).</param>
    /// <returns>The new token.</returns>
    protected abstract Task<AccessToken> FetchTokenAsync(AccessToken? previous, CancellationToken cancellationToken);

    /// <inheritdoc />
    public override ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        Task<AccessToken> fetch;
        lock (_gate)
        {
            if (_current is { } current && IsFresh(current))
            {
                return new ValueTask<AccessToken>(current);
            }

            var previous = _current;
            fetch = _fetch.JoinOrStart(() => FetchCheckedAsync(previous), Store);
        }

        return new ValueTask<AccessToken>(SingleFlight<AccessToken>.WaitAsync(fetch, cancellationToken));
    }

    /// <inheritdoc />
    public override bool Invalidate(string token)
    {
        lock (_gate)
        {
            if (_current is { } current && string.Equals(current.Token, token, StringComparison.Ordinal))
            {
                // Keep the refresh token for the next fetch, but never hand this token out again.
                _current = new AccessToken(current.Token, DateTimeOffset.MinValue, current.RefreshToken);
            }
        }

        return true;
    }

    private bool IsFresh(AccessToken token)
    {
        if (token.ExpiresOn == DateTimeOffset.MaxValue)
        {
            return true;
        }

        // A token that lives less than twice the margin is refreshed at half its life, not on every call.
        var now = _timeProvider.GetUtcNow();
        var lifetime = token.ExpiresOn - _currentIssued;
        var margin = RefreshMarginFor(lifetime, _refreshMargin);
        return token.ExpiresOn > now && token.ExpiresOn - now > margin;
    }

    // How long before expiry a token of this lifetime is replaced: the margin, or half the life of a short-lived token.
    internal static TimeSpan RefreshMarginFor(TimeSpan lifetime, TimeSpan refreshMargin) =>
        lifetime > TimeSpan.Zero && lifetime.Ticks / 2 < refreshMargin.Ticks ? TimeSpan.FromTicks(lifetime.Ticks / 2) : refreshMargin;

    private async Task<AccessToken> FetchCheckedAsync(AccessToken? previous)
    {
        var token = await FetchTokenAsync(previous, CancellationToken.None).ConfigureAwait(false);
        if (!TokenValue.IsWellFormed(token.Token) || (token.RefreshToken is not null && !TokenValue.IsWellFormed(token.RefreshToken)))
        {
            // Never cached: a poisoned token would fail every call until it expires.
            throw new InvalidTokenException("access token");
        }

        return token;
    }

    // Under _gate, in the step that ends the fetch.
    private AccessToken Store(AccessToken token)
    {
        _current = token;
        _currentIssued = _timeProvider.GetUtcNow();
        return token;
    }
}
