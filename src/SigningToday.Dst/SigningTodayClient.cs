using System;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Logging;
using SigningClients.Core;
using SigningClients.Core.Http;
using SigningClients.Core.Authentication;
using SigningClients.Core.Pipeline;
using SigningClients.Core.Security;
using SigningToday.Dst.Internal;
using SigningToday.Dst.Serialization;

namespace SigningToday.Dst;

/// <summary>The Signing Today v2 client (see <see cref="ISigningTodayClient"/>).</summary>
public sealed class SigningTodayClient : ISigningTodayClient, IDisposable
{
    private readonly HttpClientOwner? _httpClientOwner;

    /// <summary>The provider name used in errors, logs and metrics.</summary>
    public const string ProviderName = "SigningToday";

    /// <summary>Creates a client.</summary>
    /// <param name="options">The options (validated here).</param>
    /// <param name="httpClient">The HTTP client to use; a private one when <see langword="null"/>.</param>
    /// <param name="loggerFactory">Logging; none when <see langword="null"/>.</param>
    /// <param name="timeProvider">Time (token expiry, polling, retry); the system clock when <see langword="null"/>.</param>
    public SigningTodayClient(SigningTodayClientOptions options, HttpClient? httpClient = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(options, new HttpClientOwner(httpClient), loggerFactory, timeProvider)
    {
    }

    private SigningTodayClient(SigningTodayClientOptions options, HttpClientOwner httpClient, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
        : this(options, httpClient.Provider, loggerFactory, timeProvider) => _httpClientOwner = httpClient;

    /// <summary>Creates a client that takes its <see cref="HttpClient"/> from a factory on each attempt (DI).</summary>
    /// <param name="options">The options (validated here).</param>
    /// <param name="httpClientProvider">Returns the HTTP client to use.</param>
    /// <param name="loggerFactory">Logging; none when <see langword="null"/>.</param>
    /// <param name="timeProvider">Time; the system clock when <see langword="null"/>.</param>
    public SigningTodayClient(SigningTodayClientOptions options, Func<HttpClient> httpClientProvider, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (httpClientProvider is null)
        {
            throw new ArgumentNullException(nameof(httpClientProvider));
        }

        options.Validate();
        var redactor = SecretRedactor.ForCredentials(options.RobotToken, options.Password, options.ClientSecret);
        SigningPipelineOptions PipelineOptions(AuthenticationPolicy? authentication) =>
            SigningPipelineOptions.ForClient(ProviderName, options, new SigningTodayErrorParser(), redactor, loggerFactory, timeProvider, authentication);

        AuthenticationPolicy? policy = null;
        switch (options.AuthenticationMode)
        {
            case SigningTodayAuthenticationMode.RobotToken:
                policy = new BearerTokenAuthenticationPolicy(new StaticTokenSource(options.RobotToken!), redactor);
                break;
            case SigningTodayAuthenticationMode.Password:
                var tokenPipeline = new SigningPipeline(httpClientProvider, PipelineOptions(null));
                var endpoint = tokenPipeline.Endpoint;
                var tokenSource = new OAuth2TokenSource(tokenPipeline, new OAuth2TokenSourceOptions
                {
                    TokenEndpoint = new Uri(endpoint, options.TokenPath.TrimStart('/')),
                    ClientId = options.ClientId,
                    ClientSecret = options.ClientSecret,
                    GrantType = OAuth2GrantType.Password,
                    Username = options.GetQualifiedUsername(),
                    Password = options.Password,
                    ClientAuthentication = OAuth2ClientAuthentication.BasicHeader,
                    BodyEncoding = OAuth2BodyEncoding.Multipart,
                    DistributedCache = options.GetDistributedTokenCache(),
                });
                policy = new BearerTokenAuthenticationPolicy(tokenSource, redactor);
                break;
        }

        Pipeline = new SigningPipeline(httpClientProvider, PipelineOptions(policy));
        var transport = new SigningTodayTransport(Pipeline, options);
        Dsts = new DstOperations(transport);
        Notes = new NoteOperations(transport);
        Devices = new DeviceOperations(transport);
        Notifications = new NotificationOperations(transport);
        Resources = new ResourceOperations(transport);
        Robots = new RobotOperations(transport);
        Services = new ServiceOperations(transport);
        Users = new UserOperations(transport);
    }

    /// <inheritdoc />
    public IDstOperations Dsts { get; }

    /// <inheritdoc />
    public INoteOperations Notes { get; }

    /// <inheritdoc />
    public IDeviceOperations Devices { get; }

    /// <inheritdoc />
    public INotificationOperations Notifications { get; }

    /// <inheritdoc />
    public IResourceOperations Resources { get; }

    /// <inheritdoc />
    public IRobotOperations Robots { get; }

    /// <inheritdoc />
    public IServiceOperations Services { get; }

    /// <inheritdoc />
    public IUserOperations Users { get; }

    /// <summary>
    /// The request pipeline this client sends through (authentication, retry, redaction, logging and errors included),
    /// for a call this client does not model: build a <see cref="SigningRequest"/> with a path relative to the
    /// endpoint and send it with <see cref="SigningPipeline.SendAsync(SigningRequest, System.Threading.CancellationToken)"/>.
    /// </summary>
    public SigningPipeline Pipeline { get; }

    /// <inheritdoc />
    public override string ToString() => "SigningTodayClient(" + Pipeline.Endpoint + ")";

    /// <summary>Disposes the <see cref="HttpClient"/> this client created itself, if any (a caller's or a DI client is left alone).</summary>
    public void Dispose() => _httpClientOwner?.Dispose();
}
