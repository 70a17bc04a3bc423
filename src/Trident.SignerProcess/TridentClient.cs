using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SigningClients.Core;
using SigningClients.Core.Authentication;
using SigningClients.Core.Http;
using SigningClients.Core.Pipeline;
using SigningClients.Core.Security;
using SigningClients.Core.Streaming;
using SigningClients.Core.Validation;
using Trident.SignerProcess.Callbacks;
using Trident.SignerProcess.Models;
using Trident.SignerProcess.Serialization;
using Trident.SignerProcess.Signing;

namespace Trident.SignerProcess;

/// <summary>
/// The TRIDENT eSignSP client. Thread-safe; create one per account and reuse it (the OAuth2 token is cached and
/// shared by all calls).
/// </summary>
public sealed class TridentClient : ITridentClient, IDisposable
{
    private readonly HttpClientOwner? _httpClientOwner;

    /// <summary>The provider name used in logs, traces and errors.</summary>
    public const string ProviderName = "Trident";

    private readonly TridentClientOptions _options;
    private readonly SigningPipeline _pipeline;
    private readonly TimeProvider _timeProvider;
    private readonly string _resources;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The settings (validated here).</param>
    /// <param name="httpClient">The HTTP client to use; a new one when <see langword="null"/>.</param>
    /// <param name="loggerFactory">Logging; none when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock; the system clock when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public TridentClient(TridentClientOptions options, HttpClient? httpClient = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(options, new HttpClientOwner(httpClient), loggerFactory, timeProvider)
    {
    }

    private TridentClient(TridentClientOptions options, HttpClientOwner httpClient, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
        : this(options, httpClient.Provider, loggerFactory, timeProvider) => _httpClientOwner = httpClient;

    /// <summary>Creates a client that takes its <see cref="HttpClient"/> from a provider (e.g. <c>IHttpClientFactory</c>).</summary>
    /// <param name="options">The settings (validated here).</param>
    /// <param name="httpClientProvider">Returns the HTTP client for each request.</param>
    /// <param name="loggerFactory">Logging; none when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock; the system clock when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public TridentClient(TridentClientOptions options, Func<HttpClient> httpClientProvider, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (httpClientProvider is null)
        {
            throw new ArgumentNullException(nameof(httpClientProvider));
        }

        options.Validate();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _resources = options.ResourcesPath.Trim('/') + "/";

        var redactor = SecretRedactor.ForCredentials(options.ClientSecret);
        var tokenEndpoint = options.GetTokenEndpoint();
        var tokenPipeline = new SigningPipeline(httpClientProvider, SigningPipelineOptions.ForClient(ProviderName, options, new TridentErrorParser(), redactor, loggerFactory, _timeProvider, endpoint: tokenEndpoint));
        var tokenSource = new OAuth2TokenSource(tokenPipeline, new OAuth2TokenSourceOptions
        {
            TokenEndpoint = tokenEndpoint,
            ClientId = options.ClientId,
            ClientSecret = options.ClientSecret,
            Scope = string.IsNullOrWhiteSpace(options.Scope) ? null : options.Scope,
            GrantType = OAuth2GrantType.ClientCredentials,
            ClientAuthentication = options.ClientAuthentication,
            BodyEncoding = OAuth2BodyEncoding.FormUrlEncoded,
            RefreshMargin = options.TokenRefreshMargin,
            DistributedCache = options.GetDistributedTokenCache(),
        });

        _pipeline = new SigningPipeline(httpClientProvider, SigningPipelineOptions.ForClient(ProviderName, options, new TridentErrorParser(), redactor, loggerFactory, _timeProvider, new BearerTokenAuthenticationPolicy(tokenSource, redactor)));
    }

    /// <inheritdoc />
    public Task<TridentSignerProcess> CreateSignerProcessAsync(SignerProcessDefinition process, Stream document, string fileName, CancellationToken cancellationToken = default)
    {
        if (process is null)
        {
            throw new ArgumentNullException(nameof(process));
        }

        process.Validate(nameof(process));

        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        if (!document.CanRead)
        {
            throw new ArgumentException("The document stream must be readable.", nameof(document));
        }

        if (string.IsNullOrWhiteSpace(fileName))
        {
            throw new ArgumentException("A file name is required.", nameof(fileName));
        }

        return CreateSignerProcessCoreAsync(process, document, fileName, cancellationToken);
    }

    private async Task<TridentSignerProcess> CreateSignerProcessCoreAsync(SignerProcessDefinition process, Stream document, string fileName, CancellationToken cancellationToken)
    {
        // The signature policy signs PDF documents (urn:safelayer:eidas:policies:sign:document:pdf): refuse anything else before I/O.
        var pdf = await PdfContent.EnsurePdfAsync(document, nameof(document), cancellationToken).ConfigureAwait(false);
        var request = new SigningRequest(HttpMethod.Post, _resources + "signer_processes", "CreateSignerProcess", Idempotency.NotIdempotent)
        {
            Content = RequestContent.Multipart(
                new MultipartPart("process", RequestContent.Json(process, TridentJsonContext.Default.SignerProcessDefinition)),
                new MultipartPart("document", RequestContent.Stream(pdf, "application/pdf"), fileName)),
        };
        request.Headers["Accept"] = "application/json";
        return await _pipeline.SendAsync(request, TridentJsonContext.Default.TridentSignerProcess, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<TridentSignerProcess> GetSignerProcessAsync(string signerProcessId, CancellationToken cancellationToken = default)
    {
        var request = ProcessRequest(signerProcessId, string.Empty, "GetSignerProcess");
        return _pipeline.SendAsync(request, TridentJsonContext.Default.TridentSignerProcess, cancellationToken);
    }

    /// <inheritdoc />
    public Task<SignerProcessResultState> GetSignerProcessResultAsync(string signerProcessId, CancellationToken cancellationToken = default)
    {
        var request = ProcessRequest(signerProcessId, "/result", "GetSignerProcessResult");
        request.AcceptedStatusCodes.Add(404);
        return _pipeline.SendAsync(request, async (response, ct) =>
        {
            if (response.Status == 404)
            {
                return SignerProcessResultState.Running(signerProcessId);
            }

            var result = await response.ReadJsonAsync(TridentJsonContext.Default.SignerProcessResult, ct).ConfigureAwait(false);
            return SignerProcessResultState.Ended(signerProcessId, result);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<SignerProcessResult> WaitForResultAsync(string signerProcessId, PollingOptions? polling = null, CancellationToken cancellationToken = default)
    {
        SigningRequest.EscapeSegment(signerProcessId, nameof(signerProcessId));
        // A shortcut for the operation, in this process.
        var operation = new SignerProcessOperation(this, signerProcessId, polling ?? _options.Polling, _timeProvider);
        return operation.WaitForCompletionAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SignerProcessResult> ConfirmCallbackAsync(SignerProcessCallback callback, string expectedSignerProcessId, CancellationToken cancellationToken = default)
    {
        if (callback is null)
        {
            throw new ArgumentNullException(nameof(callback));
        }

        callback.EnsureFor(expectedSignerProcessId);
        var state = await GetSignerProcessResultAsync(expectedSignerProcessId, cancellationToken).ConfigureAwait(false);
        if (state.Result is not { } result)
        {
            throw new SignerProcessCallbackException(SignerProcessCallbackError.NotConfirmed, "TRIDENT reports the signer process as still running; the callback is not confirmed.");
        }

        if (!callback.AgreesWith(result.Status))
        {
            throw new SignerProcessCallbackException(SignerProcessCallbackError.StatusMismatch, "The callback claims '" + callback.Status + "' but TRIDENT reports '" + result.Status + "'.");
        }

        return result;
    }

    /// <inheritdoc />
    public AsyncPageable<SignerProcessDocument> ListDocumentsAsync(string signerProcessId, CancellationToken cancellationToken = default)
    {
        SigningRequest.EscapeSegment(signerProcessId, nameof(signerProcessId));
        return AsyncPageable<SignerProcessDocument>.Create(
            async (_, _, ct) =>
            {
                var request = ProcessRequest(signerProcessId, "/documents", "ListDocuments");
                var documents = await _pipeline.SendAsync(request, async (response, innerCt) =>
                {
                    var body = await response.ReadJsonAsync(TridentJsonContext.Default.JsonElement, innerCt).ConfigureAwait(false);
                    var array = body.ValueKind == JsonValueKind.Array
                        ? body
                        : body.ValueKind == JsonValueKind.Object && body.TryGetProperty("documents", out var inner) && inner.ValueKind == JsonValueKind.Array
                            ? inner
                            : throw _pipeline.CreateException(request, response, SigningFailureKind.InvalidResponse, null, "Expected a document array or an object with 'documents'.");
                    return array.Deserialize(TridentJsonContext.Default.ListSignerProcessDocument) ?? new List<SignerProcessDocument>();
                }, ct).ConfigureAwait(false);
                return new Page<SignerProcessDocument>(documents, null, documents.Count);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<SignerProcessDocument> GetDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        var request = DocumentRequest(HttpMethod.Get, documentId, string.Empty, "GetDocument", Idempotency.Safe);
        return _pipeline.SendAsync(request, TridentJsonContext.Default.SignerProcessDocument, cancellationToken);
    }

    /// <inheritdoc />
    public Task<SigningDownload> DownloadDocumentContentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        var request = DocumentRequest(HttpMethod.Get, documentId, "/content", "DownloadDocumentContent", Idempotency.Safe);
        request.Headers["Accept"] = "application/pdf, application/octet-stream, */*";
        return _pipeline.DownloadAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteDocumentAsync(string documentId, CancellationToken cancellationToken = default)
    {
        var request = DocumentRequest(HttpMethod.Delete, documentId, string.Empty, "DeleteDocument", Idempotency.Idempotent);
        return _pipeline.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => "TridentClient(" + _options.Endpoint + ")";

    private SigningRequest ProcessRequest(string signerProcessId, string suffix, string operation)
    {
        var id = SigningRequest.EscapeSegment(signerProcessId, nameof(signerProcessId));
        var request = new SigningRequest(HttpMethod.Get, _resources + "signer_processes/" + id + suffix, operation, Idempotency.Safe);
        request.Headers["Accept"] = "application/json";
        return request;
    }

    private SigningRequest DocumentRequest(HttpMethod method, string documentId, string suffix, string operation, Idempotency idempotency)
    {
        var id = SigningRequest.EscapeSegment(documentId, nameof(documentId));
        return new SigningRequest(method, _resources + "documents/" + id + suffix, operation, idempotency);
    }

    /// <summary>
    /// The request pipeline this client sends through (authentication, retry, redaction, logging and errors included),
    /// for a call this client does not model: build a <see cref="SigningRequest"/> with a path relative to the
    /// endpoint and send it with <see cref="SigningPipeline.SendAsync(SigningRequest, System.Threading.CancellationToken)"/>.
    /// </summary>
    public SigningPipeline Pipeline => _pipeline;

    /// <summary>Disposes the <see cref="HttpClient"/> this client created itself, if any (a caller's or a DI client is left alone).</summary>
    public void Dispose() => _httpClientOwner?.Dispose();
}
