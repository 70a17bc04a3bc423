using System;
using SigningClients.Core;
using SigningClients.Core.Authentication;

namespace SigningToday.Dst;

/// <summary>How the client authenticates to Signing Today.</summary>
public enum SigningTodayAuthenticationMode
{
    /// <summary>A robot (service account) lifetime token sent as a bearer token (<see cref="SigningTodayClientOptions.RobotToken"/>).</summary>
    RobotToken = 0,

    /// <summary>
    /// A user login through <c>POST /oauth/token</c> (password grant, multipart form, HTTP Basic client credentials);
    /// the token is cached and refreshed with its refresh_token.
    /// </summary>
    Password = 1,

    /// <summary>No credentials: only the unauthenticated operations (password recovery, SAML) can be called.</summary>
    None = 2,
}

/// <summary>Settings of a <see cref="SigningTodayClient"/>.</summary>
public sealed class SigningTodayClientOptions : SigningClientOptions
{
    /// <summary>The sandbox base address, <c>https://web.sandbox.signingtoday.com/api</c>.</summary>
    public static Uri SandboxEndpoint { get; } = new("https://web.sandbox.signingtoday.com/api");

    /// <summary>The default robot template-instantiation path (the doc's reference form).</summary>
    public const string DefaultRobotInstantiatePath = "robot/DST/{id}/instantiate";

    /// <summary>The robot template-instantiation path of the doc's quick start and of the generated v2.0.0 SDK.</summary>
    public const string QuickStartRobotInstantiatePath = "robot/{id}/instantiate";

    /// <summary>How to authenticate. Default <see cref="SigningTodayAuthenticationMode.RobotToken"/>.</summary>
    public SigningTodayAuthenticationMode AuthenticationMode { get; set; } = SigningTodayAuthenticationMode.RobotToken;

    /// <summary>The robot lifetime token (mode <see cref="SigningTodayAuthenticationMode.RobotToken"/>). Secret.</summary>
    public string? RobotToken { get; set; }

    /// <summary>The user name (mode <see cref="SigningTodayAuthenticationMode.Password"/>), as <c>user@domain</c> or plain with <see cref="Domain"/>.</summary>
    public string? Username { get; set; }

    /// <summary>The organization (domain) appended to <see cref="Username"/> when it has no <c>@</c>.</summary>
    public string? Domain { get; set; }

    /// <summary>The user's password (mode <see cref="SigningTodayAuthenticationMode.Password"/>). Secret.</summary>
    public string? Password { get; set; }

    /// <summary>The OAuth client id sent with HTTP Basic to <c>/oauth/token</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth client secret sent with HTTP Basic to <c>/oauth/token</c>. Secret.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The token path relative to <see cref="SigningClientOptions.Endpoint"/>. Default <c>oauth/token</c>.</summary>
    public string TokenPath { get; set; } = "oauth/token";

    /// <summary>
    /// The robot template-instantiation path with an <c>{id}</c> placeholder. Default <see cref="DefaultRobotInstantiatePath"/>;
    /// set <see cref="QuickStartRobotInstantiatePath"/> for servers that follow the quick start.
    /// </summary>
    public string RobotInstantiatePath { get; set; } = DefaultRobotInstantiatePath;

    /// <summary>
    /// Sends a user's all-digit phone number as a JSON number (the vendor's v2.0.0 models type <c>User.phone</c> as a
    /// number) in <c>POST /users</c> and <c>PUT /user/{id}</c>. Default <see langword="false"/>: a string such as
    /// <c>"+013392213450"</c>, the form of the doc's examples. Both forms are always read.
    /// </summary>
    public bool SendUserPhoneAsNumber { get; set; }

    private DistributedTokenCacheOptions? _tokenCache;

    /// <summary>
    /// Shares OAuth2 tokens with the other instances of the application through an <c>IDistributedCache</c>, encrypted
    /// at rest, with one token request at a time across instances. Used in <see cref="SigningTodayAuthenticationMode.Password"/> mode (a robot token is fixed). Not set (default): tokens stay in this client.
    /// A method rather than a property, because it holds objects (a cache, a protector), not configuration values.
    /// </summary>
    /// <param name="tokenCache">The shared cache settings (validated with the options); <see langword="null"/> turns sharing off.</param>
    /// <returns>These options.</returns>
    public SigningTodayClientOptions UseDistributedTokenCache(DistributedTokenCacheOptions? tokenCache)
    {
        _tokenCache = tokenCache;
        return this;
    }

    /// <summary>The shared token cache set with <see cref="UseDistributedTokenCache"/>, if any.</summary>
    /// <returns>The settings, or <see langword="null"/>.</returns>
    public DistributedTokenCacheOptions? GetDistributedTokenCache() => _tokenCache;

    /// <summary>Items requested per page (<c>$top</c>) when the caller gives no page size. Default 100.</summary>
    public int DefaultPageSize { get; set; } = 100;

    /// <summary>Largest <c>$top</c> ever sent. Default 1000.</summary>
    public int MaxPageSize { get; set; } = 1000;

    /// <summary>The user name in the <c>user@domain</c> form the token endpoint expects.</summary>
    /// <returns>The qualified user name, or <see langword="null"/>.</returns>
    public string? GetQualifiedUsername()
    {
        if (Username is null)
        {
            return null;
        }

        return Username.IndexOf('@') >= 0 || string.IsNullOrEmpty(Domain) ? Username : Username + "@" + Domain;
    }

    /// <inheritdoc />
    public override void Validate()
    {
        base.Validate();
        _tokenCache?.Validate();
        switch (AuthenticationMode)
        {
            case SigningTodayAuthenticationMode.RobotToken:
                if (string.IsNullOrWhiteSpace(RobotToken))
                {
                    throw new ArgumentException("RobotToken is required when AuthenticationMode is RobotToken.", nameof(RobotToken));
                }

                break;
            case SigningTodayAuthenticationMode.Password:
                if (string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password))
                {
                    throw new ArgumentException("Username and Password are required when AuthenticationMode is Password.", nameof(Username));
                }

                if (string.IsNullOrWhiteSpace(ClientId))
                {
                    throw new ArgumentException("ClientId is required when AuthenticationMode is Password (HTTP Basic client credentials of /oauth/token).", nameof(ClientId));
                }

                break;
            case SigningTodayAuthenticationMode.None:
                break;
            default:
                throw new ArgumentException("Unknown AuthenticationMode.", nameof(AuthenticationMode));
        }

        if (string.IsNullOrWhiteSpace(TokenPath))
        {
            throw new ArgumentException("TokenPath cannot be empty.", nameof(TokenPath));
        }

        if (string.IsNullOrWhiteSpace(RobotInstantiatePath) || RobotInstantiatePath.IndexOf("{id}", StringComparison.Ordinal) < 0)
        {
            throw new ArgumentException("RobotInstantiatePath must contain the {id} placeholder.", nameof(RobotInstantiatePath));
        }

        if (DefaultPageSize <= 0 || MaxPageSize <= 0)
        {
            throw new ArgumentException("DefaultPageSize and MaxPageSize must be positive.", nameof(DefaultPageSize));
        }
    }

    /// <summary>Describes the options without secret values.</summary>
    /// <returns>The description.</returns>
    public override string ToString() =>
        "SigningTodayClientOptions(Endpoint=" + EndpointForDisplay + ", Mode=" + AuthenticationMode
        + ", RobotToken=" + (RobotToken is null ? "null" : "***")
        + ", Username=" + Username + ", Password=" + (Password is null ? "null" : "***")
        + ", ClientId=" + ClientId + ", ClientSecret=" + (ClientSecret is null ? "null" : "***") + ")";
}
