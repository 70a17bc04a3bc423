using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SigningClients.Core.Authentication;
using SigningClients.Core.Diagnostics;
using SigningClients.Core.Http;
using SigningClients.Core.Security;

namespace SigningClients.Core.Pipeline;

/// <summary>
/// The one request path every SigningClients provider uses: build request → authenticate → resilience (retry,
/// attempt timeout) → log/trace (redacted) → send (headers first) → classify → map error → deserialize or stream.
/// Thread-safe; one instance per client.
/// </summary>
public sealed class SigningPipeline
{
    private readonly Func<HttpClient> _httpClient;
    private readonly SigningPipelineOptions _options;
    private readonly ResiliencePipeline _resilience;
    private readonly ILogger _logger;
    private readonly Uri _endpoint;
    private readonly string _userAgent;
    private readonly FailureMapper _failures;
    private readonly CallReporter _reporter;
    private readonly TimerSourcePool _timerSources;

    /// <summary>Creates a pipeline over one long-lived <see cref="HttpClient"/>.</summary>
    /// <param name="httpClient">The HTTP client (its own timeout should be infinite; attempts are timed by the pipeline).</param>
    /// <param name="options">Pipeline options.</param>
    public SigningPipeline(HttpClient httpClient, SigningPipelineOptions options)
        : this(CaptureClient(httpClient), options)
    {
    }

    /// <summary>Creates a pipeline that asks <paramref name="httpClientProvider"/> for a client on each attempt (for <c>IHttpClientFactory</c>).</summary>
    /// <param name="httpClientProvider">Returns the HTTP client to use.</param>
    /// <param name="options">Pipeline options.</param>
    public SigningPipeline(Func<HttpClient> httpClientProvider, SigningPipelineOptions options)
    {
        _httpClient = httpClientProvider ?? throw new ArgumentNullException(nameof(httpClientProvider));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        SigningClientOptions.EnsureSecureEndpoint(options.Endpoint, options.AllowHttpOnLoopback, "Endpoint");
        (options.Retry ?? throw new ArgumentException("Retry options are required.", nameof(options))).Validate();
        (options.Limits ?? throw new ArgumentException("Limits are required.", nameof(options))).Validate();
        var endpoint = options.Endpoint.OriginalString;
        _endpoint = new Uri(endpoint.EndsWith("/", StringComparison.Ordinal) ? endpoint : endpoint + "/");
        _logger = options.LoggerFactory?.CreateLogger("SigningClients." + options.ProviderName) ?? NullLogger.Instance;
        _userAgent = options.UserAgent ?? "SigningClients." + options.ProviderName + "/" + typeof(SigningPipeline).Assembly.GetName().Version?.ToString(3);
        _failures = new FailureMapper(options);
        _reporter = new CallReporter(_logger, options.ProviderName, options.Redactor);
        _resilience = AttemptResilience.Build(options, _reporter);
        _timerSources = TimerSourcePool.For(options.TimeProvider);
    }

    /// <summary>The provider name.</summary>
    public string ProviderName => _options.ProviderName;

    /// <summary>The base address (with a trailing slash).</summary>
    public Uri Endpoint => _endpoint;

    /// <summary>The client's redactor.</summary>
    public SecretRedactor Redactor => _options.Redactor;

    /// <summary>The client's limits on answers (size, stalls, messages, paging).</summary>
    public ClientLimits Limits => _options.Limits;

    /// <summary>The clock.</summary>
    public TimeProvider TimeProvider => _options.TimeProvider;

    /// <summary>The pipeline's logger (category <c>SigningClients.{Provider}</c>).</summary>
    public ILogger Logger => _logger;

    /// <summary>Sends a request whose answer has no body of interest.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The HTTP status of the accepted answer.</returns>
    /// <exception cref="SigningApiException">The call failed.</exception>
    public Task<int> SendAsync(SigningRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(request, static (response, _, _) => new ValueTask<int>(response.Status), null, disposeResponse: true, cancellationToken);

    /// <summary>Sends a request and deserializes its JSON answer (inside the attempt, so a broken body is retried when safe).</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="typeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The model.</returns>
    /// <exception cref="SigningApiException">The call failed or the answer is not valid JSON.</exception>
    public Task<T> SendAsync<T>(SigningRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        return ExecuteAsync(request, static (response, typeInfo, ct) => response.ReadJsonCoreAsync((JsonTypeInfo<T>)typeInfo!, ct), typeInfo, disposeResponse: true, cancellationToken);
    }

    /// <summary>
    /// Sends a request and hands the accepted answer to <paramref name="handler"/> inside the attempt; the response is
    /// disposed afterwards. The handler may throw <see cref="SigningApiException"/> (see <see cref="CreateException"/>)
    /// for provider errors reported in a successful answer.
    /// </summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="handler">Reads the response.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The handler's result.</returns>
    public Task<T> SendAsync<T>(SigningRequest request, Func<SigningResponse, CancellationToken, ValueTask<T>> handler, CancellationToken cancellationToken = default)
    {
        if (handler is null)
        {
            throw new ArgumentNullException(nameof(handler));
        }

        return ExecuteAsync(request, static (response, handler, ct) => ((Func<SigningResponse, CancellationToken, ValueTask<T>>)handler!)(response, ct), handler, disposeResponse: true, cancellationToken);
    }

    /// <summary>
    /// Sends a request and returns the accepted answer with its body unread, for streaming. The caller disposes the
    /// response (or takes its body with <see cref="SigningResponse.TakeDownloadAsync"/>).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The live response.</returns>
    public Task<SigningResponse> SendForResponseAsync(SigningRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(request, static (response, _, _) => new ValueTask<SigningResponse>(response), null, disposeResponse: false, cancellationToken);

    /// <summary>Sends a request and returns its body as a streamed download.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The download; dispose it when done.</returns>
    public async Task<SigningDownload> DownloadAsync(SigningRequest request, CancellationToken cancellationToken = default)
    {
        var response = await SendForResponseAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            return await response.TakeDownloadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Builds a <see cref="SigningApiException"/> for <paramref name="request"/>, redacting the code and message. Use it
    /// for provider errors reported inside a successful answer.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="response">The response, if one arrived.</param>
    /// <param name="kind">The failure kind.</param>
    /// <param name="errorCode">The provider's code.</param>
    /// <param name="message">The provider's (or the SDK's) message.</param>
    /// <param name="isTransient">Whether trying later may succeed.</param>
    /// <param name="outcomeUnknown">Whether the request may have taken effect.</param>
    /// <param name="bodyExcerpt">A body excerpt (redacted here).</param>
    /// <param name="innerException">The cause.</param>
    /// <returns>The exception, ready to throw.</returns>
    public SigningApiException CreateException(SigningRequest request, SigningResponse? response, SigningFailureKind kind, string? errorCode, string? message, bool isTransient = false, bool outcomeUnknown = false, string? bodyExcerpt = null, Exception? innerException = null)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        return _failures.Create(request, response, kind, errorCode, message, isTransient, outcomeUnknown, bodyExcerpt, innerException);
    }

    /// <summary>Builds the absolute request URI (endpoint + path + encoded query).</summary>
    /// <param name="request">The request.</param>
    /// <returns>The URI.</returns>
    /// <exception cref="ArgumentException">An absolute path is not https (or loopback http when allowed).</exception>
    public Uri BuildUri(SigningRequest request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        string baseText;
        if (IsAbsoluteHttp(request.Path) && Uri.TryCreate(request.Path, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
        {
            SigningClientOptions.EnsureSecureEndpoint(absolute, _options.AllowHttpOnLoopback, "request URI");
            if (!request.HasQuery)
            {
                return absolute;
            }

            baseText = request.Path;
        }
        else
        {
            baseText = _endpoint.OriginalString + (request.Path.Length > 0 && request.Path[0] == '/' ? request.Path.TrimStart('/') : request.Path);
        }

        if (!request.HasQuery)
        {
            return new Uri(baseText);
        }

        var builder = new StringBuilder(baseText, baseText.Length + 64);
        builder.Append(baseText.IndexOf('?') >= 0 ? '&' : '?');
        request.Query.AppendTo(builder);
        return new Uri(builder.ToString());
    }

    // The handler is a static delegate (cached, no allocation per call) given its own state: what a capturing lambda
    // would otherwise allocate as a closure and a delegate on every call.
    private async Task<T> ExecuteAsync<T>(SigningRequest request, Func<SigningResponse, object?, CancellationToken, ValueTask<T>> handler, object? handlerState, bool disposeResponse, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var uri = BuildUri(request);
        cancellationToken.ThrowIfCancellationRequested();
        using var budget = new CallBudget(_timerSources, _options.TimeProvider, _options.Retry.TotalTimeout, cancellationToken);
        using var telemetry = OperationTelemetry.Start(ProviderName, request, Redactor, cancellationToken);
        var state = new CallState<T>(request, uri, budget, telemetry, this, handler, handlerState, disposeResponse);

        // The first attempt runs before the retry strategy: an accepted answer (the usual case) never enters Polly.
        // Any other outcome is handed to Polly as its first attempt's outcome, so the retry rule, the delays and the
        // attempt numbers are exactly those of running every attempt inside it.
        var outcome = await AttemptAsync(state).ConfigureAwait(false);
        if (outcome.Result is not CallState<T> && !budget.Token.IsCancellationRequested)
        {
            outcome = await RetryAsync(state, outcome).ConfigureAwait(false);
        }

        if (outcome.Exception is { } exception)
        {
            var mapped = _failures.FromException(exception, state, cancellationToken.IsCancellationRequested);
            if (mapped is null)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    telemetry?.Canceled();
                }

                ExceptionDispatchInfo.Capture(exception).Throw();
            }

            throw _reporter.Failed(mapped!, state);
        }

        if (outcome.Result is FailedAttempt failed)
        {
            throw _reporter.Failed(_failures.FromAnswer(request, failed), state);
        }

        telemetry?.Succeeded();
        // The one successful attempt left its value in the state (its outcome is the state itself).
        return state.Value!;
    }

    // The retry strategy, from the first attempt's outcome on: Polly's first callback returns it as it is, later
    // callbacks are new attempts.
    private async ValueTask<Outcome<object>> RetryAsync<T>(CallState<T> state, Outcome<object> first)
    {
        var context = ResilienceContextPool.Shared.Get(state.Budget.Token);
        context.Properties.Set(AttemptResilience.CallStateKey, state);
        state.Replay(first);
        try
        {
            return await _resilience.ExecuteOutcomeAsync(
                static (_, s) => s.TryTakeReplay(out var replayed) ? new ValueTask<Outcome<object>>(replayed) : s.Pipeline.AttemptAsync(s),
                context,
                state).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // One async method per attempt: every exception of the attempt becomes Polly's outcome (the retry rule decides on it).
    // The attempt's token ends with the attempt timeout or the call's token (the one Polly's context carries).
    private async ValueTask<Outcome<object>> AttemptAsync<T>(CallState<T> state)
    {
        var cancellationToken = state.Budget.BeginAttempt(_options.Retry.AttemptTimeout);
        try
        {
            var request = state.Request;
            state.StartAttempt();

            // Send; on a 401 to an authenticated request the policy may refresh its credentials once per call, and the
            // request is sent again (only when its body can be produced again). Inline, not in helper async methods:
            // each would box its own state machine on every call.
            var auth = request.Authenticate ? _options.Authentication : null;
            var message = await CreateMessageAsync(state, auth, cancellationToken).ConfigureAwait(false);
            var client = PrepareSend(state, message);
            long started = Stopwatch.GetTimestamp();
            var response = Received(state, await Send(state, client, message, cancellationToken).ConfigureAwait(false), started);
            if (auth is not null && response.StatusCode == System.Net.HttpStatusCode.Unauthorized && !state.Reauthenticated &&
                (request.Content is null || request.Content.IsReplayable))
            {
                state.Reauthenticated = true;
                if (await auth.OnUnauthorizedAsync(message, response, request, cancellationToken).ConfigureAwait(false))
                {
                    _reporter.Reauthenticating(state);
                    response.Dispose();
                    message.Dispose();
                    message = await CreateMessageAsync(state, auth, cancellationToken).ConfigureAwait(false);
                    client = PrepareSend(state, message);
                    started = Stopwatch.GetTimestamp();
                    response = Received(state, await Send(state, client, message, cancellationToken).ConfigureAwait(false), started);
                }
            }

            int status = (int)response.StatusCode;
            if (!request.IsAccepted(status) && !state.IsReplayedDeleteAlreadyDone(status))
            {
                using (response)
                {
                    return Outcome.FromResult<object>(await FailedAttempt.ReadAsync(response, state.Uri, ReadRequestId(response), _options.TimeProvider.GetUtcNow(), _options.MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false));
                }
            }

            var signingResponse = new SigningResponse(response, this, request, ReadRequestId(response));
            SigningResponseCapture.Record(ProviderName, request.Operation, response, signingResponse.RequestId, Redactor);
            if (!state.DisposeResponse)
            {
                state.Value = await state.Handler(signingResponse, state.HandlerState, cancellationToken).ConfigureAwait(false);
                return Outcome.FromResult<object>(state);
            }

            try
            {
                state.Value = await state.Handler(signingResponse, state.HandlerState, cancellationToken).ConfigureAwait(false);
                return Outcome.FromResult<object>(state);
            }
            catch (Exception ex) when (TransportFailure.IsTransport(ex) && ex is not ResponseBodyException)
            {
                throw new ResponseBodyException(status, ex);
            }
            catch (XmlException ex)
            {
                throw CreateException(request, signingResponse, SigningFailureKind.InvalidResponse, null, "The response body is not valid XML.", innerException: ex);
            }
            catch (JsonException ex)
            {
                throw CreateException(request, signingResponse, SigningFailureKind.InvalidResponse, null, "The response body is not valid JSON.", innerException: ex);
            }
            finally
            {
                signingResponse.Dispose();
            }
        }
        catch (Exception ex)
        {
            return Outcome.FromException<object>(state.Budget.AttemptException(ex));
        }
        finally
        {
            state.Budget.EndAttempt();
        }
    }

    private async ValueTask<HttpRequestMessage> CreateMessageAsync(CallState state, AuthenticationPolicy? auth, CancellationToken cancellationToken)
    {
        var request = state.Request;
        request.ClearAttemptProperties();
        var message = new HttpRequestMessage(request.Method, state.Uri);
        message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        if (request.HasHeaders)
        {
            foreach (var header in request.Headers)
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (request.Content is not null)
        {
            message.Content = request.Content.CreateHttpContent();
        }

        if (auth is not null)
        {
            await auth.AuthenticateAsync(message, request, cancellationToken).ConfigureAwait(false);
        }

        return message;
    }

    // The request message is about to leave: logged, and marked as sent (a write may take effect from here on).
    private HttpClient PrepareSend(CallState state, HttpRequestMessage message)
    {
        _reporter.Sending(state, message);
        var client = _httpClient();
        state.RequestSent = true;
        return client;
    }

    private static Task<HttpResponseMessage> Send(CallState state, HttpClient client, HttpRequestMessage message, CancellationToken cancellationToken) =>
        state.Telemetry is { } telemetry
            ? telemetry.SendAsync(client, message, cancellationToken)
            : client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    // The answer's headers arrived, sent at startedTimestamp: refused if a handler followed a redirect, else logged and
    // shown to the authentication policy (token rotation).
    private HttpResponseMessage Received(CallState state, HttpResponseMessage response, long startedTimestamp)
    {
        var request = state.Request;
        if (RedirectPolicy.WasRedirected(response, state.Uri))
        {
            // The caller's own handler followed a redirect: the answer is another server's and is not accepted (nor
            // are tokens it might rotate). Configure the HttpClient's handler with AllowAutoRedirect = false.
            var final = response.RequestMessage?.RequestUri;
            response.Dispose();
            throw new SigningApiException(ProviderName, request.Operation, 0, SigningFailureKind.InvalidResponse,
                providerMessage: "The HTTP handler followed a redirect to " + RedirectPolicy.Origin(final) + "; the SDK does not accept answers from another address. Set AllowAutoRedirect = false on the HttpClient's handler.",
                outcomeUnknown: request.Idempotency == Idempotency.NotIdempotent);
        }

        _reporter.Received(state, response, startedTimestamp);
        _options.Authentication?.OnResponse(response, request);
        return response;
    }

    // Only "http:" / "https:" prefixes can be absolute request URIs: checking the prefix first spares the Uri parse of every relative path.
    private static bool IsAbsoluteHttp(string path) =>
        path.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https:", StringComparison.OrdinalIgnoreCase);

    internal string? ReadRequestId(HttpResponseMessage response)
    {
        foreach (var name in _options.RequestIdHeaders)
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                foreach (var value in values)
                {
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>Whether a status is worth retrying: 408, 429, 500, 502, 503, 504.</summary>
    /// <param name="status">The HTTP status code.</param>
    /// <returns><see langword="true"/> for transient statuses.</returns>
    public static bool IsRetryableStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;

    private static Func<HttpClient> CaptureClient(HttpClient httpClient)
    {
        if (httpClient is null)
        {
            throw new ArgumentNullException(nameof(httpClient));
        }

        return () => httpClient;
    }
}
