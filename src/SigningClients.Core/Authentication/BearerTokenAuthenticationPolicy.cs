using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Http;
using SigningClients.Core.Security;

namespace SigningClients.Core.Authentication;

/// <summary>Sends <c>Authorization: Bearer</c> with a token from a <see cref="TokenSource"/>; on 401 invalidates it and lets the pipeline resend once.</summary>
public sealed class BearerTokenAuthenticationPolicy : AuthenticationPolicy
{
    private readonly TokenSource _source;
    private readonly SecretRedactor _redactor;
    private volatile AppliedToken? _applied;

    /// <summary>Creates the policy.</summary>
    /// <param name="source">The token source.</param>
    /// <param name="redactor">The client's redactor; every token is registered as a secret.</param>
    public BearerTokenAuthenticationPolicy(TokenSource source, SecretRedactor redactor)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _redactor = redactor ?? throw new ArgumentNullException(nameof(redactor));
    }

    /// <inheritdoc />
    public override async ValueTask AuthenticateAsync(HttpRequestMessage message, SigningRequest request, CancellationToken cancellationToken)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        var token = await _source.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        var applied = _applied;
        if (applied is null || !string.Equals(applied.Token, token.Token, StringComparison.Ordinal))
        {
            // A token seen for the first time is registered with the redactor (a lock and a hash) once, not on every
            // request: under many concurrent calls that lock was the policy's main cost.
            if (!TokenValue.IsWellFormed(token.Token))
            {
                _source.Invalidate(token.Token);
                _redactor.AddSecret(token.Token);
                throw new InvalidTokenException("access token");
            }

            _redactor.ReplaceCredential(applied?.Token, token.Token);
            applied = new AppliedToken(token.Token);
            _applied = applied;
        }

        message.Headers.Authorization = applied.Header;
    }

    /// <inheritdoc />
    public override ValueTask<bool> OnUnauthorizedAsync(HttpRequestMessage message, HttpResponseMessage response, SigningRequest request, CancellationToken cancellationToken)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        var used = message.Headers.Authorization?.Parameter;
        return new ValueTask<bool>(used is not null && _source.Invalidate(used));
    }

    /// <inheritdoc />
    public override string ToString() => "Bearer(" + _source.GetType().Name + ")";

    /// <summary>The last token applied and its header value (immutable, shared by the requests that carry it).</summary>
    private sealed class AppliedToken
    {
        public AppliedToken(string token)
        {
            Token = token;
            Header = new AuthenticationHeaderValue("Bearer", token);
        }

        public string Token { get; }

        public AuthenticationHeaderValue Header { get; }
    }
}
