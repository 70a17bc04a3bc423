using System;
using SigningClients.Core;
using SigningClients.Core.Authentication;

namespace Trident.SignerProcess;

/// <summary>Settings of a <see cref="TridentClient"/>.</summary>
/// <remarks>
/// <see cref="SigningClientOptions.Endpoint"/> is the TRIDENT base address (for example <c>https://trident.example.com</c>);
/// resources live under <see cref="ResourcesPath"/> and the token endpoint is
/// <c>{AuthorizationServerEndpoint ?? Endpoint}/trustedx-authserver/oauth/{AuthServer}/token</c> unless
/// <see cref="TokenEndpoint"/> overrides it.
/// </remarks>
public sealed class TridentClientOptions : SigningClientOptions
{
    /// <summary>The default OAuth2 scope for signer processes.</summary>
    public const string DefaultScope = "urn:safelayer:eidas:sign:process:document";

    /// <summary>The OAuth2 client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth2 client secret (a secret: never logged nor shown by <see cref="ToString"/>).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The authorization server name of the deployment (e.g. <c>main-as</c>). Default <c>main-as</c>.</summary>
    public string AuthServer { get; set; } = "main-as";

    /// <summary>The base address of the authorization server when it differs from <see cref="SigningClientOptions.Endpoint"/>.</summary>
    public Uri? AuthorizationServerEndpoint { get; set; }

    /// <summary>The full token endpoint, overriding the one built from <see cref="AuthServer"/>.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>The requested scope. Default <see cref="DefaultScope"/>.</summary>
    public string Scope { get; set; } = DefaultScope;

    /// <summary>How the client authenticates to the token endpoint. Default HTTP Basic (as TRIDENT documents).</summary>
    public OAuth2ClientAuthentication ClientAuthentication { get; set; } = OAuth2ClientAuthentication.BasicHeader;

    /// <summary>How long before expiry a token is replaced. Default 60 s.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    private DistributedTokenCacheOptions? _tokenCache;

    /// <summary>
    /// Shares OAuth2 tokens with the other instances of the application through an <c>IDistributedCache</c>, encrypted
    /// at rest, with one token request at a time across instances. Not set (default): tokens stay in this client.
    /// A method rather than a property, because it holds objects (a cache, a protector), not configuration values.
    /// </summary>
    /// <param name="tokenCache">The shared cache settings (validated with the options); <see langword="null"/> turns sharing off.</param>
    /// <returns>These options.</returns>
    public TridentClientOptions UseDistributedTokenCache(DistributedTokenCacheOptions? tokenCache)
    {
        _tokenCache = tokenCache;
        return this;
    }

    /// <summary>The shared token cache set with <see cref="UseDistributedTokenCache"/>, if any.</summary>
    /// <returns>The settings, or <see langword="null"/>.</returns>
    public DistributedTokenCacheOptions? GetDistributedTokenCache() => _tokenCache;

    /// <summary>The path of the eSignSP resources below the endpoint. Default <c>trustedx-resources/esignsp/v2</c>.</summary>
    public string ResourcesPath { get; set; } = "trustedx-resources/esignsp/v2";


    /// <summary>The token endpoint in effect.</summary>
    /// <returns>The token endpoint.</returns>
    /// <exception cref="InvalidOperationException">Neither an endpoint nor a token endpoint is set.</exception>
    public Uri GetTokenEndpoint()
    {
        if (TokenEndpoint is not null)
        {
            return TokenEndpoint;
        }

        var root = AuthorizationServerEndpoint ?? Endpoint ?? throw new InvalidOperationException("TridentClientOptions.Endpoint is not set.");
        var text = root.OriginalString.TrimEnd('/') + "/trustedx-authserver/oauth/" + Uri.EscapeDataString(AuthServer ?? string.Empty) + "/token";
        return new Uri(text, UriKind.Absolute);
    }

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        _tokenCache?.Validate();
        if (string.IsNullOrWhiteSpace(ClientId))
        {
            throw new ArgumentException("TridentClientOptions.ClientId is required.", nameof(ClientId));
        }

        if (string.IsNullOrEmpty(ClientSecret))
        {
            throw new ArgumentException("TridentClientOptions.ClientSecret is required.", nameof(ClientSecret));
        }

        if (TokenEndpoint is null && string.IsNullOrWhiteSpace(AuthServer))
        {
            throw new ArgumentException("TridentClientOptions.AuthServer is required unless TokenEndpoint is set.", nameof(AuthServer));
        }

        if (AuthorizationServerEndpoint is not null)
        {
            EnsureSecureEndpoint(AuthorizationServerEndpoint, AllowHttpOnLoopback, nameof(AuthorizationServerEndpoint));
        }

        if (TokenEndpoint is not null)
        {
            EnsureSecureEndpoint(TokenEndpoint, AllowHttpOnLoopback, nameof(TokenEndpoint));
        }

        if (string.IsNullOrWhiteSpace(ResourcesPath))
        {
            throw new ArgumentException("TridentClientOptions.ResourcesPath is required.", nameof(ResourcesPath));
        }

        if (TokenRefreshMargin < TimeSpan.Zero)
        {
            throw new ArgumentException("TokenRefreshMargin cannot be negative.", nameof(TokenRefreshMargin));
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        "TridentClientOptions(Endpoint=" + EndpointForDisplay + ", AuthServer=" + AuthServer + ", ClientId=" + ClientId + ", ClientSecret=" + (string.IsNullOrEmpty(ClientSecret) ? "<not set>" : "***") + ")";
}
