using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Http;
using SigningClients.Core.Pipeline;
using SigningClients.Core.Serialization;

namespace SigningClients.Core.Authentication;

/// <summary>The OAuth2 grant a <see cref="OAuth2TokenSource"/> uses.</summary>
public enum OAuth2GrantType
{
    /// <summary><c>client_credentials</c>: the client acts for itself.</summary>
    ClientCredentials = 0,

    /// <summary><c>password</c>: resource-owner credentials, renewed with <c>refresh_token</c> when the server issues one.</summary>
    Password = 1,
}

/// <summary>How the OAuth2 client authenticates to the token endpoint.</summary>
public enum OAuth2ClientAuthentication
{
    /// <summary>HTTP Basic with client id and secret (RFC 6749 §2.3.1, recommended).</summary>
    BasicHeader = 0,

    /// <summary><c>client_id</c> and <c>client_secret</c> fields in the request body.</summary>
    RequestBody = 1,
}

/// <summary>How the token request body is encoded.</summary>
public enum OAuth2BodyEncoding
{
    /// <summary><c>application/x-www-form-urlencoded</c> (RFC 6749).</summary>
    FormUrlEncoded = 0,

    /// <summary><c>multipart/form-data</c> (some providers, e.g. Signing Today).</summary>
    Multipart = 1,
}

/// <summary>Settings of an <see cref="OAuth2TokenSource"/>.</summary>
public sealed class OAuth2TokenSourceOptions
{
    /// <summary>The token endpoint.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>The client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret (a secret).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The requested scope, if any.</summary>
    public string? Scope { get; set; }

    /// <summary>The grant.</summary>
    public OAuth2GrantType GrantType { get; set; }

    /// <summary>The resource owner's user name (password grant).</summary>
    public string? Username { get; set; }

    /// <summary>The resource owner's password (password grant; a secret).</summary>
    public string? Password { get; set; }

    /// <summary>How the client authenticates. Default HTTP Basic.</summary>
    public OAuth2ClientAuthentication ClientAuthentication { get; set; }

    /// <summary>How the body is encoded. Default form-urlencoded.</summary>
    public OAuth2BodyEncoding BodyEncoding { get; set; }

    /// <summary>Whether to renew with <c>refresh_token</c> when one was issued (falls back to the grant on failure). Default true.</summary>
    public bool UseRefreshToken { get; set; } = true;

    /// <summary>How long before expiry a token is replaced. Default 60 s.</summary>
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Lifetime assumed when the server omits <c>expires_in</c>. Default 5 minutes.</summary>
    public TimeSpan DefaultLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Shares tokens with other instances through an <c>IDistributedCache</c> (encrypted, one refresh at a time across
    /// instances); <see langword="null"/> (default) keeps them in this instance only.
    /// </summary>
    public DistributedTokenCacheOptions? DistributedCache { get; set; }

    /// <summary>Validates the settings.</summary>
    /// <exception cref="ArgumentException">A required setting is missing.</exception>
    public void Validate()
    {
        DistributedCache?.Validate();

        if (TokenEndpoint is null)
        {
            throw new ArgumentException("OAuth2 TokenEndpoint is required.", nameof(TokenEndpoint));
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            throw new ArgumentException("OAuth2 ClientId is required.", nameof(ClientId));
        }

        if (GrantType == OAuth2GrantType.Password && (string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password)))
        {
            throw new ArgumentException("The OAuth2 password grant needs Username and Password.", nameof(Username));
        }
    }
}

/// <summary>
/// Gets bearer tokens from an OAuth2 token endpoint (client_credentials, or password + refresh_token), caches them,
/// refreshes them early and lets one fetch run at a time. Every secret it sends or receives is registered with the
/// pipeline's redactor.
/// </summary>
public sealed class OAuth2TokenSource : CachingTokenSource
{
    private readonly SigningPipeline _pipeline;
    private readonly OAuth2TokenSourceOptions _options;
    private readonly DistributedTokenCache? _shared;

    /// <summary>Creates the token source.</summary>
    /// <param name="tokenPipeline">A pipeline without authentication, used for token requests.</param>
    /// <param name="options">OAuth2 settings.</param>
    public OAuth2TokenSource(SigningPipeline tokenPipeline, OAuth2TokenSourceOptions options)
        : base((tokenPipeline ?? throw new ArgumentNullException(nameof(tokenPipeline))).TimeProvider, options?.RefreshMargin)
    {
        _pipeline = tokenPipeline;
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        tokenPipeline.Redactor.AddCredential(options.ClientSecret);
        tokenPipeline.Redactor.AddCredential(options.Password);
        if (options.DistributedCache is { } shared)
        {
            // Whose token it is: endpoint, client, grant, user and scope (hashed into the key; no secret in it).
            var material = string.Join("\n", options.TokenEndpoint!.AbsoluteUri, options.ClientId, options.GrantType.ToString(), options.Username ?? string.Empty, options.Scope ?? string.Empty);
            _shared = new DistributedTokenCache(shared, material, options.RefreshMargin, tokenPipeline.TimeProvider, tokenPipeline.Logger, tokenPipeline.ProviderName);
        }
    }

    /// <inheritdoc />
    protected override async Task<AccessToken> FetchTokenAsync(AccessToken? previous, CancellationToken cancellationToken)
    {
        if (_shared is null)
        {
            return await FetchFromServerAsync(previous, cancellationToken).ConfigureAwait(false);
        }

        var token = await _shared.GetOrFetchAsync(previous, () => FetchFromServerAsync(previous, cancellationToken)).ConfigureAwait(false);
        // A token another instance fetched is as secret here as one fetched here.
        _pipeline.Redactor.ReplaceCredential(previous?.Token, token.Token);
        _pipeline.Redactor.ReplaceCredential(previous?.RefreshToken, token.RefreshToken);
        return token;
    }

    private async Task<AccessToken> FetchFromServerAsync(AccessToken? previous, CancellationToken cancellationToken)
    {
        if (_options.UseRefreshToken && previous?.RefreshToken is { Length: > 0 } refreshToken)
        {
            try
            {
                return await RequestAsync(new List<KeyValuePair<string, string>>
                {
                    new("grant_type", "refresh_token"),
                    new("refresh_token", refreshToken),
                }, "RefreshToken", previous, cancellationToken).ConfigureAwait(false);
            }
            catch (SigningApiException ex) when (ex.Status is 400 or 401 or 403)
            {
                // The refresh token is no longer valid: fall back to the grant itself.
            }
        }

        var fields = new List<KeyValuePair<string, string>>();
        if (_options.GrantType == OAuth2GrantType.Password)
        {
            fields.Add(new("grant_type", "password"));
            fields.Add(new("username", _options.Username!));
            fields.Add(new("password", _options.Password!));
        }
        else
        {
            fields.Add(new("grant_type", "client_credentials"));
        }

        return await RequestAsync(fields, "RequestToken", previous, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AccessToken> RequestAsync(List<KeyValuePair<string, string>> fields, string operation, AccessToken? previous, CancellationToken cancellationToken)
    {
        if (_options.Scope is { Length: > 0 } scope)
        {
            fields.Add(new("scope", scope));
        }

        var request = new SigningRequest(HttpMethod.Post, _options.TokenEndpoint!.AbsoluteUri, operation, Idempotency.Idempotent) { Authenticate = false };
        if (_options.ClientAuthentication == OAuth2ClientAuthentication.BasicHeader)
        {
            var raw = Encoding.UTF8.GetBytes(_options.ClientId + ":" + (_options.ClientSecret ?? string.Empty));
            var basic = Convert.ToBase64String(raw);
            _pipeline.Redactor.AddCredential(basic);
            request.Headers["Authorization"] = "Basic " + basic;
        }
        else
        {
            fields.Add(new("client_id", _options.ClientId!));
            if (_options.ClientSecret is not null)
            {
                fields.Add(new("client_secret", _options.ClientSecret));
            }
        }

        if (_options.BodyEncoding == OAuth2BodyEncoding.Multipart)
        {
            var parts = new MultipartPart[fields.Count];
            for (int i = 0; i < fields.Count; i++)
            {
                parts[i] = MultipartPart.Field(fields[i].Key, fields[i].Value);
            }

            request.Content = RequestContent.Multipart(parts);
        }
        else
        {
            request.Content = RequestContent.Form(fields);
        }

        request.Headers["Accept"] = "application/json";
        var response = await _pipeline.SendAsync(request, CoreJsonContext.Default.OAuth2TokenResponse, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(response.AccessToken))
        {
            throw new SigningApiException(_pipeline.ProviderName, operation, 200, SigningFailureKind.InvalidResponse, providerMessage: "The token response has no access_token.");
        }

        if (!TokenValue.IsWellFormed(response.AccessToken) || (response.RefreshToken is not null && !TokenValue.IsWellFormed(response.RefreshToken)))
        {
            _pipeline.Redactor.AddSecret(response.AccessToken);
            _pipeline.Redactor.AddSecret(response.RefreshToken);
            throw new InvalidTokenException("access token");
        }

        _pipeline.Redactor.ReplaceCredential(previous?.Token, response.AccessToken);
        _pipeline.Redactor.ReplaceCredential(previous?.RefreshToken, response.RefreshToken);
        var lifetime = ParseLifetime(response.ExpiresIn) ?? _options.DefaultLifetime;
        Diagnostics.Log.Refreshed(_pipeline.Logger, _pipeline.ProviderName, "access token");
        return new AccessToken(response.AccessToken!, _pipeline.TimeProvider.GetUtcNow() + lifetime, response.RefreshToken);
    }

    private static TimeSpan? ParseLifetime(JsonElement expiresIn)
    {
        double seconds;
        switch (expiresIn.ValueKind)
        {
            case JsonValueKind.Number when expiresIn.TryGetDouble(out seconds):
                break;
            case JsonValueKind.String when double.TryParse(expiresIn.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds):
                break;
            default:
                return null;
        }

        return TokenValue.Lifetime(seconds);
    }

    /// <inheritdoc />
    public override string ToString() => "OAuth2TokenSource(" + _options.GrantType + ", " + _options.TokenEndpoint + ")";
}
