using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks.Serialization;
using Microsoft.Extensions.Logging;
using SigningClients.Core;
using SigningClients.Core.Authentication;
using SigningClients.Core.Http;
using SigningClients.Core.Pipeline;
using SigningClients.Core.Security;

namespace AlphaTrust.Tasks;

// In parts, one a group of operations the documentation describes: remote task signing
// (AlphaTrustClient.RemoteSign.cs), transactions (AlphaTrustClient.Transactions.cs) and managing the
// tasks of a Pending transaction (AlphaTrustClient.Tasks.cs); this file holds the construction and the one
// way every operation sends its request and reads the default return.

/// <summary>
/// The AlphaTrust e-Sign REST client (see <see cref="IAlphaTrustClient"/>). Thread-safe; create one per
/// installation and credential set and reuse it.
/// </summary>
public sealed partial class AlphaTrustClient : IAlphaTrustClient, IDisposable
{
    /// <summary>The provider name used in logs, traces and errors.</summary>
    public const string ProviderName = "AlphaTrust";

    private static readonly JsonTypeInfo<DefaultReturnModel> DefaultReturnInfo = AlphaTrustJsonContext.Default.DefaultReturnModel;

    private readonly SigningPipeline _pipeline;
    private readonly AlphaTrustPaths _paths;
    private readonly int _maxBatch;
    private readonly AlphaTrustWireNames _wireNames;
    private readonly HttpClientOwner? _httpClientOwner;

    /// <summary>Creates a client for direct (non-DI) use.</summary>
    /// <param name="options">The options; validated here.</param>
    /// <param name="httpClient">The HTTP client to use; a private one is created (and disposed with this client) when omitted.</param>
    /// <param name="loggerFactory">The logger factory, if any.</param>
    /// <param name="timeProvider">The clock, the system clock by default.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public AlphaTrustClient(AlphaTrustClientOptions options, HttpClient? httpClient = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(options, httpClient is null ? null : () => httpClient, loggerFactory, timeProvider, ownsClient: httpClient is null)
    {
    }

    /// <summary>Creates a client that asks <paramref name="httpClientProvider"/> for its HTTP client (used with <c>IHttpClientFactory</c>).</summary>
    /// <param name="options">The options; validated here.</param>
    /// <param name="httpClientProvider">Returns the HTTP client for an attempt.</param>
    /// <param name="loggerFactory">The logger factory, if any.</param>
    /// <param name="timeProvider">The clock, the system clock by default.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public AlphaTrustClient(AlphaTrustClientOptions options, Func<HttpClient> httpClientProvider, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(options, httpClientProvider ?? throw new ArgumentNullException(nameof(httpClientProvider)), loggerFactory, timeProvider, ownsClient: false)
    {
    }

    private AlphaTrustClient(AlphaTrustClientOptions options, Func<HttpClient>? httpClientProvider, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, bool ownsClient)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        options.Validate();
        var headers = options.CredentialHeaders;
        var redactor = SecretRedactor.ForCredentials();
        var authentication = new StaticHeadersAuthenticationPolicy(
            new[]
            {
                new KeyValuePair<string, string>(headers.ApiKey, options.ApiKey!),
                new KeyValuePair<string, string>(headers.ApiSecret, options.ApiSecret!),
                new KeyValuePair<string, string>(headers.ApiUsername, options.ApiUsername!),
                new KeyValuePair<string, string>(headers.ApiPassword, options.ApiPassword!),
            },
            redactor);
        var pipelineOptions = SigningPipelineOptions.ForClient(ProviderName, options, new AlphaTrustErrorParser(), redactor, loggerFactory, timeProvider, authentication);

        _paths = new AlphaTrustPaths
        {
            RemoteSign = options.Paths.RemoteSign,
            CreateTransactions = options.Paths.CreateTransactions,
            CloseTransactions = options.Paths.CloseTransactions,
            GetUpdateableTransactions = options.Paths.GetUpdateableTransactions,
            CreateTasks = options.Paths.CreateTasks,
            UpdateTasks = options.Paths.UpdateTasks,
        };
        _maxBatch = options.MaxRemoteSignBatchSize;
        _wireNames = new AlphaTrustWireNames
        {
            ParticipantSignature = options.WireNames.ParticipantSignature,
            SignatureApplicationType = options.WireNames.SignatureApplicationType,
            WorkflowData = options.WireNames.WorkflowData,
            RemoteSignTaskResults = options.WireNames.RemoteSignTaskResults,
        };
        if (ownsClient)
        {
            _httpClientOwner = new HttpClientOwner(null);
            httpClientProvider = _httpClientOwner.Provider;
        }

        _pipeline = new SigningPipeline(httpClientProvider!, pipelineOptions);
    }

    /// <summary>
    /// The request pipeline this client sends through (authentication, retry, redaction, logging and errors included),
    /// for a call this client does not model: build a <see cref="SigningRequest"/> with a path relative to the
    /// endpoint and send it with <see cref="SigningPipeline.SendAsync(SigningRequest, System.Threading.CancellationToken)"/>.
    /// </summary>
    public SigningPipeline Pipeline => _pipeline;

    /// <summary>Disposes the HTTP client this instance created, if any.</summary>
    public void Dispose() => _httpClientOwner?.Dispose();

    /// <summary>A POST of a JSON body, the shape of every AlphaTrust operation.</summary>
    private static SigningRequest Post<TBody>(string path, string operation, Idempotency idempotency, TBody body, JsonTypeInfo<TBody> bodyInfo) =>
        new(HttpMethod.Post, path, operation, idempotency) { Content = RequestContent.Json(body, bodyInfo) };

    /// <summary>
    /// Sends a request and reads the default return: <c>IsSuccessful = true</c> gives the answer,
    /// <c>IsSuccessful = false</c> (even with 200) a provider error carrying the service's <c>Message</c>, and an
    /// answer without the member an invalid response.
    /// </summary>
    private Task<T> SendAsync<T>(SigningRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : DefaultReturnModel =>
        _pipeline.SendAsync(request, async (response, ct) =>
        {
            var answer = await response.ReadJsonAsync(typeInfo, ct).ConfigureAwait(false);
            if (answer.IsSuccessful == true)
            {
                return answer;
            }

            if (answer.IsSuccessful == false)
            {
                throw _pipeline.CreateException(request, response, SigningFailureKind.ProviderError, null,
                    string.IsNullOrEmpty(answer.Message) ? "The service reported IsSuccessful = false without a message." : answer.Message);
            }

            throw _pipeline.CreateException(request, response, SigningFailureKind.InvalidResponse, null, "The answer has no IsSuccessful member.");
        }, cancellationToken);
}
