using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ConsignO.Workflows.Authentication;
using ConsignO.Workflows.Models;
using ConsignO.Workflows.Serialization;
using Microsoft.Extensions.Logging;
using SigningClients.Core;
using SigningClients.Core.Http;
using SigningClients.Core.Pipeline;
using SigningClients.Core.Security;
using SigningClients.Core.Validation;
using ConsignO.Workflows.Signing;

namespace ConsignO.Workflows;

/// <summary>The ConsignO Cloud workflows client. Thread-safe; create one per account and reuse it.</summary>
public sealed class ConsignOClient : IConsignOClient, IDisposable
{
    /// <summary>The provider name used in logs, traces and errors.</summary>
    public const string ProviderName = "ConsignO";

    private readonly ConsignOClientOptions _options;
    private readonly SigningPipeline _pipeline;
    private readonly ConsignOSessionPolicy _session;
    private readonly HttpClientOwner? _httpClientOwner;
    private readonly Func<SigningResponse, CancellationToken, ValueTask<Workflow>> _readWorkflow;

    /// <summary>Creates a client.</summary>
    /// <param name="options">The options (validated here).</param>
    /// <param name="httpClient">The HTTP client to use; a private one is created (and disposed with this client) when null.</param>
    /// <param name="loggerFactory">Logging.</param>
    /// <param name="timeProvider">The clock (session idle time, polling, retry delays).</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public ConsignOClient(ConsignOClientOptions options, HttpClient? httpClient = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(options, new HttpClientOwner(httpClient), loggerFactory, timeProvider)
    {
    }

    /// <summary>Creates a client that takes its <see cref="HttpClient"/> from a factory on each call (used by dependency injection).</summary>
    /// <param name="options">The options (validated here).</param>
    /// <param name="httpClientProvider">Returns the HTTP client to use.</param>
    /// <param name="loggerFactory">Logging.</param>
    /// <param name="timeProvider">The clock.</param>
    public ConsignOClient(ConsignOClientOptions options, Func<HttpClient> httpClientProvider, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(options, httpClientProvider ?? throw new ArgumentNullException(nameof(httpClientProvider)), null, loggerFactory, timeProvider)
    {
    }

    private ConsignOClient(ConsignOClientOptions options, HttpClientOwner httpClient, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
        : this(options, httpClient.Provider, httpClient, loggerFactory, timeProvider)
    {
    }

    private ConsignOClient(ConsignOClientOptions options, Func<HttpClient> httpClientProvider, HttpClientOwner? owner, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        _httpClientOwner = owner;
        var clock = timeProvider ?? TimeProvider.System;
        var redactor = SecretRedactor.ForCredentials();
        var loginPipeline = new SigningPipeline(httpClientProvider, SigningPipelineOptions.ForClient(ProviderName, options, new ConsignOErrorParser(), redactor, loggerFactory, clock));
        _session = new ConsignOSessionPolicy(loginPipeline, options, clock, redactor);
        _pipeline = new SigningPipeline(httpClientProvider, SigningPipelineOptions.ForClient(ProviderName, options, new ConsignOErrorParser(), redactor, loggerFactory, clock, _session));
        _readWorkflow = ReadWorkflowAsync;
    }

    /// <inheritdoc />
    public Task LoginAsync(CancellationToken cancellationToken = default) => _session.LoginAsync(cancellationToken);

    /// <inheritdoc />
    public async Task LogoutAsync(CancellationToken cancellationToken = default)
    {
        if (!_session.HasSession)
        {
            return;
        }

        var request = new SigningRequest(HttpMethod.Post, "auth/logout", "Logout", Idempotency.Idempotent);
        request.SetProperty(ConsignOSessionPolicy.CurrentTokenOnly, true);
        request.AcceptedStatusCodes.Add(401);
        try
        {
            await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _session.EndSession();
        }
    }

    /// <inheritdoc />
    public async Task<bool> VerifySessionAsync(CancellationToken cancellationToken = default)
    {
        if (!_session.HasSession)
        {
            return false;
        }

        var request = new SigningRequest(HttpMethod.Head, "auth", "VerifySession", Idempotency.Safe);
        request.SetProperty(ConsignOSessionPolicy.CurrentTokenOnly, true);
        request.AcceptedStatusCodes.Add(401);
        int status = await _pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return status != 401;
    }

    /// <inheritdoc />
    public async Task<string> UploadDocumentAsync(Stream pdf, string fileName, UploadDocumentOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (pdf is null)
        {
            throw new ArgumentNullException(nameof(pdf));
        }

        if (string.IsNullOrWhiteSpace(fileName))
        {
            throw new ArgumentException("A file name is required.", nameof(fileName));
        }

        // ConsignO accepts only PDF documents ("Only PDF document can be uploaded").
        var content = await PdfContent.EnsurePdfAsync(pdf, nameof(pdf), cancellationToken).ConfigureAwait(false);

        var parts = options?.ConvertToPdfA == true
            ? new[] { new MultipartPart(_options.DocumentUploadPartName, RequestContent.Stream(content, "application/pdf"), fileName), MultipartPart.Field(_options.PdfaConversionFieldName, "true") }
            : new[] { new MultipartPart(_options.DocumentUploadPartName, RequestContent.Stream(content, "application/pdf"), fileName) };
        var request = new SigningRequest(HttpMethod.Post, "documents", "UploadDocument", Idempotency.NotIdempotent)
        {
            Content = RequestContent.Multipart(parts),
        };

        return await _pipeline.SendAsync(request, async (response, ct) =>
        {
            using var document = await ReadJsonDocumentAsync(response, ct).ConfigureAwait(false);
            var payload = Unwrap(document.RootElement);
            var id = FindString(payload, _options.DocumentIdPropertyName) ?? FindString(payload, "id");
            if (string.IsNullOrEmpty(id))
            {
                throw _pipeline.CreateException(request, response, SigningFailureKind.InvalidResponse, null, "The upload answer has no '" + _options.DocumentIdPropertyName + "' member.");
            }

            return id!;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<Workflow> CreateWorkflowAsync(CreateWorkflowRequest request, CancellationToken cancellationToken = default)
    {
        WorkflowBuilder.Validate(request);
        if (!_options.IsEmbeddedSigningAvailable)
        {
            foreach (var action in request.Actions)
            {
                if (action.Mode == SigningMode.Embedded)
                {
                    throw new ArgumentException(
                        "Embedded signing is not available on the main tenant (ConsignO documentation): set ConsignOClientOptions.Tenant to your organisation's tenant, or EmbeddedSigningEnabled = true if your tenant is selected otherwise.",
                        nameof(request));
                }
            }
        }

        var signingRequest = new SigningRequest(HttpMethod.Post, "workflows", "CreateWorkflow", Idempotency.NotIdempotent)
        {
            Content = RequestContent.Json(ToWire(request, _options.ZoneReferencePlacement), ConsignOJsonContext.Default.JsonObject),
        };
        return SendForWorkflowAsync(signingRequest, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Workflow> GetWorkflowAsync(string workflowId, CancellationToken cancellationToken = default)
    {
        var request = new SigningRequest(HttpMethod.Get, "workflows/" + SigningRequest.EscapeSegment(workflowId, nameof(workflowId)), "GetWorkflow", Idempotency.Safe);
        return SendForWorkflowAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteWorkflowAsync(string workflowId, CancellationToken cancellationToken = default)
    {
        var request = new SigningRequest(HttpMethod.Delete, "workflows/" + SigningRequest.EscapeSegment(workflowId, nameof(workflowId)), "DeleteWorkflow", Idempotency.Idempotent);
        return _pipeline.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    public Task<SigningDownload> DownloadDocumentsAsync(string workflowId, CancellationToken cancellationToken = default) =>
        DownloadAsync("workflows/" + SigningRequest.EscapeSegment(workflowId, nameof(workflowId)) + "/documents", "DownloadDocuments", cancellationToken);

    /// <inheritdoc />
    public Task<SigningDownload> DownloadAuditTrailAsync(string workflowId, CancellationToken cancellationToken = default) =>
        DownloadAsync("workflows/" + SigningRequest.EscapeSegment(workflowId, nameof(workflowId)) + "/audit", "DownloadAuditTrail", cancellationToken);

    /// <inheritdoc />
    public Task<Uri> GetEmbeddedSigningUrlAsync(string workflowId, string actionId, CancellationToken cancellationToken = default)
    {
        SigningRequest.EscapeSegment(workflowId, nameof(workflowId));
        SigningRequest.EscapeSegment(actionId, nameof(actionId));
        return GetEmbeddedSigningUrlCoreAsync(workflowId, actionId, cancellationToken);
    }

    /// <summary>
    /// The JSON body of <c>POST /workflows</c>: the request's members, with each action's reference written where
    /// <paramref name="placement"/> says (the request object itself is never changed).
    /// </summary>
    internal static JsonObject ToWire(CreateWorkflowRequest request, ZoneReferencePlacement placement)
    {
        var body = JsonSerializer.SerializeToNode(request, ConsignOJsonContext.Default.CreateWorkflowRequest)!.AsObject();
        if (body["actions"] is not JsonArray actions)
        {
            return body;
        }

        for (int i = 0; i < actions.Count && i < request.Actions.Count; i++)
        {
            if (request.Actions[i].Ref is not { } reference || actions[i] is not JsonObject action)
            {
                continue;
            }

            if (placement is ZoneReferencePlacement.Action or ZoneReferencePlacement.Both)
            {
                action["ref"] = reference;
            }

            if ((placement is ZoneReferencePlacement.Signer or ZoneReferencePlacement.Both) && action["signer"] is JsonObject signer)
            {
                signer["ref"] = reference;
            }
        }

        return body;
    }

    /// <summary>A JSON string's text, or <see langword="null"/> when it is not valid UTF-8 (then the configured path is asked).</summary>
    private static string? TryGetText(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private async Task<Uri> GetEmbeddedSigningUrlCoreAsync(string workflowId, string actionId, CancellationToken cancellationToken)
    {
        // First the workflow representation (the documented source of "the signing url"), then the configured path.
        var workflow = await GetWorkflowAsync(workflowId, cancellationToken).ConfigureAwait(false);
        foreach (var action in workflow.Actions ?? Array.Empty<WorkflowAction>())
        {
            if (action is not null && string.Equals(action.Id, actionId, StringComparison.Ordinal) &&
                action.AdditionalProperties is { } members)
            {
                foreach (var member in members)
                {
                    if (string.Equals(member.Key, _options.EmbeddedSigningUrlPropertyName, StringComparison.OrdinalIgnoreCase) &&
                        member.Value.ValueKind == JsonValueKind.String &&
                        Uri.TryCreate(TryGetText(member.Value), UriKind.Absolute, out var fromWorkflow) &&
                        (fromWorkflow.Scheme == Uri.UriSchemeHttps || fromWorkflow.Scheme == Uri.UriSchemeHttp))
                    {
                        return fromWorkflow;
                    }
                }
            }
        }

        var path = _options.EmbeddedSigningUrlPath
            .Replace("{workflowId}", SigningRequest.EscapeSegment(workflowId, nameof(workflowId)))
            .Replace("{actionId}", SigningRequest.EscapeSegment(actionId, nameof(actionId)));
        var request = new SigningRequest(HttpMethod.Get, path, "GetEmbeddedSigningUrl", Idempotency.Safe);
        return await _pipeline.SendAsync(request, async (response, ct) =>
        {
            using var document = await ReadJsonDocumentAsync(response, ct).ConfigureAwait(false);
            var payload = Unwrap(document.RootElement);
            var text = payload.ValueKind == JsonValueKind.String ? payload.GetString() : FindString(payload, "url") ?? FindString(payload, "signingUrl");
            if (!SafeUrl.TryCreate(text, out var url, out var problem))
            {
                throw _pipeline.CreateException(request, response, SigningFailureKind.InvalidResponse, null, "The answer carries no usable signing URL: " + problem);
            }

            return url!;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<Workflow> WaitForCompletionAsync(string workflowId, PollingOptions? polling = null, CancellationToken cancellationToken = default)
    {
        // A shortcut for the operation, in this process.
        var operation = new WorkflowOperation(this, workflowId, polling ?? _options.Polling, _pipeline.TimeProvider);
        return operation.WaitForCompletionAsync(cancellationToken);
    }

    /// <summary>
    /// The request pipeline this client sends through (authentication, retry, redaction, logging and errors included),
    /// for a call this client does not model: build a <see cref="SigningRequest"/> with a path relative to the
    /// endpoint and send it with <see cref="SigningPipeline.SendAsync(SigningRequest, System.Threading.CancellationToken)"/>.
    /// </summary>
    public SigningPipeline Pipeline => _pipeline;

    /// <summary>Disposes the private <see cref="HttpClient"/>, if this client created one.</summary>
    public void Dispose() => _httpClientOwner?.Dispose();

    /// <inheritdoc />
    public override string ToString() => "ConsignOClient(" + _options.Endpoint + ", " + _options.Username + ")";

    private Task<SigningDownload> DownloadAsync(string path, string operation, CancellationToken cancellationToken)
    {
        // The download operations take the token as a form parameter: the session policy writes the body at send time.
        var request = new SigningRequest(HttpMethod.Post, path, operation, Idempotency.Safe);
        request.SetProperty(ConsignOSessionPolicy.TokenInForm, true);
        return _pipeline.DownloadAsync(request, cancellationToken);
    }

    // One handler per client, created once: the answer carries its request, so no closure is needed per call.
    private Task<Workflow> SendForWorkflowAsync(SigningRequest request, CancellationToken cancellationToken) =>
        _pipeline.SendAsync(request, _readWorkflow, cancellationToken);

    private async ValueTask<Workflow> ReadWorkflowAsync(SigningResponse response, CancellationToken cancellationToken)
    {
        var envelope = await response.ReadJsonAsync(WorkflowReader.Envelope, cancellationToken).ConfigureAwait(false);
        return envelope.Response ?? throw _pipeline.CreateException(response.Request, response, SigningFailureKind.InvalidResponse, null, "The answer has no 'response' member.");
    }

    private static async Task<JsonDocument> ReadJsonDocumentAsync(SigningResponse response, CancellationToken cancellationToken)
    {
        return await response.ReadJsonDocumentAsync(cancellationToken).ConfigureAwait(false);
    }

    private static JsonElement Unwrap(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("response", out var inner) && inner.ValueKind != JsonValueKind.Null ? inner : root;

    private static string? FindString(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number => property.Value.GetRawText(),
                    _ => null,
                };
            }
        }

        return null;
    }


}
