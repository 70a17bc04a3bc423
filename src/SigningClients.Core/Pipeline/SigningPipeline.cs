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
    private static readonly ResiliencePropertyKey<CallState> CallStateKey = new("SigningClients.CallState");

    private readonly Func<HttpClient> _httpClient;
    private readonly SigningPipelineOptions _options;
    private readonly ResiliencePipeline _resilience;
    private readonly ILogger _logger;
    private readonly Uri _endpoint;
    private readonly string _userAgent;

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
        _resilience = BuildResilience(options);
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
        ExecuteAsync(request, static (response, _) => new ValueTask<int>(response.Status), disposeResponse: true, cancellationToken);

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

        return ExecuteAsync(request, (response, ct) => new ValueTask<T>(response.ReadJsonAsync(typeInfo, ct)), disposeResponse: true, cancellationToken);
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

        return ExecuteAsync(request, handler, disposeResponse: true, cancellationToken);
    }

    /// <summary>
    /// Sends a request and returns the accepted answer with its body unread, for streaming. The caller disposes the
    /// response (or takes its body with <see cref="SigningResponse.TakeDownloadAsync"/>).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The live response.</returns>
    public Task<SigningResponse> SendForResponseAsync(SigningRequest request, CancellationToken cancellationToken = default) =>
        ExecuteAsync(request, static (response, _) => new ValueTask<SigningResponse>(response), disposeResponse: false, cancellationToken);

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

        var redactor = _options.Redactor;
        return new SigningApiException(
            ProviderName,
            request.Operation,
            response?.Status ?? 0,
            kind,
            BoundedRedact(errorCode),
            BoundedRedact(message),
            response?.RequestId,
            isTransient,
            outcomeUnknown,
            bodyExcerpt is null ? null : redactor.Redact(bodyExcerpt, SigningApiException.MaxBodyExcerptLength),
            null,
            redactor.RedactException(innerException));
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
            if (request.Query.Count == 0)
            {
                return absolute;
            }

            baseText = request.Path;
        }
        else
        {
            baseText = _endpoint.OriginalString + (request.Path.Length > 0 && request.Path[0] == '/' ? request.Path.TrimStart('/') : request.Path);
        }

        if (request.Query.Count == 0)
        {
            return new Uri(baseText);
        }

        var builder = new StringBuilder(baseText, baseText.Length + 64);
        builder.Append(baseText.IndexOf('?') >= 0 ? '&' : '?');
        request.Query.AppendTo(builder);
        return new Uri(builder.ToString());
    }

    private async Task<T> ExecuteAsync<T>(SigningRequest request, Func<SigningResponse, CancellationToken, ValueTask<T>> handler, bool disposeResponse, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        var state = new CallState(request, BuildUri(request));
        cancellationToken.ThrowIfCancellationRequested();
        using var budget = new CallBudget(_options.TimeProvider, _options.Retry.TotalTimeout, cancellationToken);
        state.Budget = budget;

        using var telemetry = OperationTelemetry.Start(ProviderName, request, Redactor, cancellationToken);
        state.Telemetry = telemetry;

        var context = ResilienceContextPool.Shared.Get(budget.Token);
        context.Properties.Set(CallStateKey, state);
        try
        {
            var outcome = await _resilience.ExecuteOutcomeAsync(
                static (ctx, s) => s.Pipeline.AttemptAsync(s.State, s.Handler, s.DisposeResponse, ctx.CancellationToken),
                context,
                new AttemptArgs<T>(this, state, handler, disposeResponse)).ConfigureAwait(false);

            if (outcome.Exception is { } exception)
            {
                var mapped = MapException(exception, state, cancellationToken);
                if (mapped is null)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        telemetry?.Canceled();
                    }

                    ExceptionDispatchInfo.Capture(exception).Throw();
                }

                throw Fail(mapped!, telemetry, state);
            }

            if (outcome.Result is FailedAttempt failed)
            {
                throw Fail(CreateHttpError(request, failed), telemetry, state);
            }

            telemetry?.Succeeded();
            return ((SuccessfulAttempt<T>)outcome.Result!).Value;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private SigningApiException Fail(SigningApiException exception, OperationTelemetry? telemetry, CallState state)
    {
        exception.Attempts = state.Attempts;
        exception.RequestUri = state.Request.Method.Method + " " + Redactor.RedactUri(state.Uri);
        telemetry?.Failed(exception);

        // The template already names the provider and operation: log the reason without the message's own prefix.
        string prefix = ProviderName + " " + exception.Operation + " failed: ";
        string message = exception.Message;
        Log.Failed(_logger, ProviderName, exception.Operation, message.StartsWith(prefix, StringComparison.Ordinal) ? message.Substring(prefix.Length) : message);
        return exception;
    }

    // One async method per attempt: every exception of the attempt becomes Polly's outcome (the retry strategy decides on it).
    private async ValueTask<Outcome<object>> AttemptAsync<T>(CallState state, Func<SigningResponse, CancellationToken, ValueTask<T>> handler, bool disposeResponse, CancellationToken cancellationToken)
    {
        try
        {
            var request = state.Request;
            state.Attempts++;
            state.ContentUsed |= request.Content is not null;

            var response = await SendOnceAsync(state, cancellationToken).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            if (!request.IsAccepted(status) && !IsReplayedDeleteAlreadyDone(state, status))
            {
                using (response)
                {
                    return Outcome.FromResult<object>(await FailedAttempt.CreateAsync(response, state.Uri, this, _options.MaxErrorBodyBytes, cancellationToken).ConfigureAwait(false));
                }
            }

            var signingResponse = new SigningResponse(response, this, request, ReadRequestId(response));
            SigningResponseCapture.Record(ProviderName, request.Operation, response, signingResponse.RequestId, Redactor);
            if (!disposeResponse)
            {
                return Outcome.FromResult<object>(new SuccessfulAttempt<T>(await handler(signingResponse, cancellationToken).ConfigureAwait(false)));
            }

            try
            {
                return Outcome.FromResult<object>(new SuccessfulAttempt<T>(await handler(signingResponse, cancellationToken).ConfigureAwait(false)));
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
            return Outcome.FromException<object>(ex);
        }
    }

    /// <summary>
    /// An idempotent DELETE replayed after an attempt that may have been applied (lost response, timeout, 5xx) and now
    /// answered 404 has done its job: the earlier attempt deleted the resource. Reported as success, not as an error.
    /// </summary>
    private static bool IsReplayedDeleteAlreadyDone(CallState state, int status) =>
        status == 404 && state.EarlierAttemptMayHaveApplied && state.Request.Method == HttpMethod.Delete &&
        state.Request.Idempotency == Idempotency.Idempotent;

    private async Task<HttpResponseMessage> SendOnceAsync(CallState state, CancellationToken cancellationToken)
    {
        var request = state.Request;
        var auth = request.Authenticate ? _options.Authentication : null;
        var message = await CreateMessageAsync(state, auth, cancellationToken).ConfigureAwait(false);
        long started = Stopwatch.GetTimestamp();
        var response = await SendMessageAsync(state, message, cancellationToken).ConfigureAwait(false);
        OnReceived(state, response, started);

        if (auth is not null && response.StatusCode == System.Net.HttpStatusCode.Unauthorized && !state.Reauthenticated &&
            (request.Content is null || request.Content.IsReplayable))
        {
            state.Reauthenticated = true;
            if (await auth.OnUnauthorizedAsync(message, response, request, cancellationToken).ConfigureAwait(false))
            {
                Log.Reauthenticate(_logger, ProviderName, request.Operation);
                response.Dispose();
                message.Dispose();
                message = await CreateMessageAsync(state, auth, cancellationToken).ConfigureAwait(false);
                started = Stopwatch.GetTimestamp();
                response = await SendMessageAsync(state, message, cancellationToken).ConfigureAwait(false);
                OnReceived(state, response, started);
            }
        }

        return response;
    }

    private async Task<HttpRequestMessage> CreateMessageAsync(CallState state, AuthenticationPolicy? auth, CancellationToken cancellationToken)
    {
        var request = state.Request;
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

    private async Task<HttpResponseMessage> SendMessageAsync(CallState state, HttpRequestMessage message, CancellationToken cancellationToken)
    {
        var request = state.Request;
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.Sending(_logger, ProviderName, request.Operation, request.Method.Method, Redactor.RedactUri(message.RequestUri), state.Attempts);
        }

        var client = _httpClient();
        state.RequestSent = true;
        var response = await (state.Telemetry is { } telemetry
            ? telemetry.SendAsync(client, message, cancellationToken)
            : client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken)).ConfigureAwait(false);
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

        return response;
    }

    private void OnReceived(CallState state, HttpResponseMessage response, long started)
    {
        var request = state.Request;
        int status = (int)response.StatusCode;
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.Received(_logger, ProviderName, request.Operation, status, (Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency);
        }

        _options.Authentication?.OnResponse(response, request);
    }

    private SigningApiException? MapException(Exception exception, CallState state, CancellationToken callerToken)
    {
        var request = state.Request;

        // A write may have taken effect only if a request left the process (a failure while building the request or
        // fetching a token sent nothing).
        bool write = request.Idempotency == Idempotency.NotIdempotent && state.RequestSent;
        var inner = Redactor.RedactException(exception);
        switch (exception)
        {
            case SigningApiException api:
                return api;
            case OperationCanceledException when callerToken.IsCancellationRequested:
                return null;
            case TimeoutRejectedException or OperationCanceledException when state.Budget?.Expired == true:
                return new SigningApiException(ProviderName, request.Operation, 0, SigningFailureKind.Timeout,
                    providerMessage: "No answer within the total time of " + _options.Retry.TotalTimeout.TotalSeconds + " s (Retry.TotalTimeout) after " + state.Attempts + " attempt(s).",
                    isTransient: true, outcomeUnknown: write, innerException: inner);
            case TimeoutRejectedException or OperationCanceledException:
                return new SigningApiException(ProviderName, request.Operation, 0, SigningFailureKind.Timeout,
                    providerMessage: "No answer within the attempt timeout of " + _options.Retry.AttemptTimeout.TotalSeconds + " s after " + state.Attempts + " attempt(s).",
                    isTransient: true, outcomeUnknown: write, innerException: inner);
            case ResponseBodyException body:
                return new SigningApiException(ProviderName, request.Operation, body.Status, SigningFailureKind.ConnectionFailure,
                    providerMessage: "The connection broke while the response body was read.", isTransient: true, outcomeUnknown: write, innerException: inner);
            case InvalidTokenException token:
                return new SigningApiException(ProviderName, request.Operation, 0, SigningFailureKind.InvalidResponse,
                    providerMessage: token.Message, isTransient: true, outcomeUnknown: write, innerException: null);
            case ArgumentException:
                return null;
            default:
                if (TransportFailure.IsTransport(exception))
                {
                    bool notSent = TransportFailure.IsCertainlyNotSent(exception);
                    return new SigningApiException(ProviderName, request.Operation, 0, SigningFailureKind.ConnectionFailure,
                        providerMessage: BoundedRedact(notSent ? "Could not connect to the provider." : "The connection failed before a response arrived: " + exception.Message),
                        isTransient: true, outcomeUnknown: write && !notSent, innerException: inner);
                }

                return new SigningApiException(ProviderName, request.Operation, 0, SigningFailureKind.InvalidResponse,
                    providerMessage: BoundedRedact("Unexpected failure: " + exception.GetType().Name + ": " + exception.Message),
                    isTransient: false, outcomeUnknown: write, innerException: inner);
        }
    }

    private SigningApiException CreateHttpError(SigningRequest request, FailedAttempt failed)
    {
        ProviderError? parsed = null;
        if (_options.ErrorParser is not null && failed.Body.Length > 0)
        {
            try
            {
                parsed = _options.ErrorParser.Parse(failed.Status, failed.ContentType, failed.Body);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                parsed = null;
            }
        }

        string? message = parsed?.Message;
        if (parsed?.Target is { Length: > 0 } target)
        {
            message = (message ?? string.Empty) + " (target: " + target + ")";
        }

        if (RedirectPolicy.IsRedirect(failed.Status))
        {
            message = RedirectPolicy.DescribeRedirect(failed.Status, failed.Location, failed.Uri) + (message is null ? string.Empty : " " + message);
        }

        var redactor = Redactor;
        return new SigningApiException(
            ProviderName,
            request.Operation,
            failed.Status,
            SigningFailureKind.HttpError,
            BoundedRedact(parsed?.Code),
            BoundedRedact(message),
            failed.RequestId,
            IsRetryableStatus(failed.Status),
            outcomeUnknown: false,
            bodyExcerpt: failed.Body.Length == 0 ? null : redactor.Redact(failed.Body, SigningApiException.MaxBodyExcerptLength),
            retryAfter: failed.RetryAfter);
    }

    // Only "http:" / "https:" prefixes can be absolute request URIs: checking the prefix first spares the Uri parse of every relative path.
    private static bool IsAbsoluteHttp(string path) =>
        path.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || path.StartsWith("https:", StringComparison.OrdinalIgnoreCase);

    private string? BoundedRedact(string? text) => text is null ? null : Redactor.Redact(text, _options.Limits.MaxProviderMessageLength);

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

    private ResiliencePipeline BuildResilience(SigningPipelineOptions options)
    {
        var retry = options.Retry;
        var builder = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider, Name = "SigningClients." + options.ProviderName };
        if (retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = retry.MaxRetries,
                Delay = retry.InitialDelay,
                MaxDelay = retry.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = retry.UseJitter,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result is FailedAttempt { RetryAfter: { } after } ? after : null),
                OnRetry = args =>
                {
                    var state = args.Context.Properties.GetValue(CallStateKey, null!);
                    string reason = args.Outcome.Result is FailedAttempt f
                        ? "HTTP " + f.Status
                        : args.Outcome.Exception is TimeoutRejectedException ? "attempt timeout" : Redactor.Redact(args.Outcome.Exception?.GetType().Name + ": " + args.Outcome.Exception?.Message);
                    Log.Retrying(_logger, ProviderName, state.Request.Operation, args.AttemptNumber + 1, reason, args.RetryDelay.TotalMilliseconds);
                    state.Telemetry?.Retrying(args.AttemptNumber + 1, args.RetryDelay, OperationTelemetry.ErrorType((args.Outcome.Result as FailedAttempt)?.Status, args.Outcome.Exception));
                    return default;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = retry.AttemptTimeout });
        return builder.Build();
    }

    private bool ShouldRetry(Outcome<object> outcome, ResilienceContext context)
    {
        if (context.CancellationToken.IsCancellationRequested ||
            !context.Properties.TryGetValue(CallStateKey, out var state))
        {
            return false;
        }

        var request = state.Request;
        if (state.ContentUsed && request.Content is { IsReplayable: false })
        {
            return false;
        }

        bool replayable = request.Idempotency != Idempotency.NotIdempotent;
        if (outcome.Result is FailedAttempt failed)
        {
            if (!IsRetryableStatus(failed.Status) || (!replayable && failed.Status != 429))
            {
                return false;
            }

            // A Retry-After longer than the client waits for, or than the call's time left, is handed to the caller.
            bool retry = failed.RetryAfter is null ||
                (failed.RetryAfter <= _options.Retry.MaxRetryAfter && (state.Budget is null || failed.RetryAfter < state.Budget.Remaining));
            state.EarlierAttemptMayHaveApplied |= retry && failed.Status is not 429 and not 503;
            return retry;
        }

        bool decision = outcome.Exception switch
        {
            null => false,
            SigningApiException => false,
            TimeoutRejectedException => replayable,
            OperationCanceledException => false,
            ResponseBodyException => replayable,
            var ex when TransportFailure.IsTransport(ex) => replayable || TransportFailure.IsCertainlyNotSent(ex),
            _ => false,
        };
        state.EarlierAttemptMayHaveApplied |= decision && outcome.Exception is { } e && !TransportFailure.IsCertainlyNotSent(e);
        return decision;
    }

    private static Func<HttpClient> CaptureClient(HttpClient httpClient)
    {
        if (httpClient is null)
        {
            throw new ArgumentNullException(nameof(httpClient));
        }

        return () => httpClient;
    }

    private sealed class CallState
    {
        public CallState(SigningRequest request, Uri uri)
        {
            Request = request;
            Uri = uri;
        }

        public SigningRequest Request { get; }

        public Uri Uri { get; }

        public int Attempts { get; set; }

        public bool ContentUsed { get; set; }

        public bool Reauthenticated { get; set; }

        public bool EarlierAttemptMayHaveApplied { get; set; }

        public bool RequestSent { get; set; }

        public CallBudget? Budget { get; set; }

        public OperationTelemetry? Telemetry { get; set; }
    }

    private sealed class AttemptArgs<T>
    {
        public AttemptArgs(SigningPipeline pipeline, CallState state, Func<SigningResponse, CancellationToken, ValueTask<T>> handler, bool disposeResponse)
        {
            Pipeline = pipeline;
            State = state;
            Handler = handler;
            DisposeResponse = disposeResponse;
        }

        public SigningPipeline Pipeline { get; }

        public CallState State { get; }

        public Func<SigningResponse, CancellationToken, ValueTask<T>> Handler { get; }

        public bool DisposeResponse { get; }
    }

    private sealed class SuccessfulAttempt<T>
    {
        public SuccessfulAttempt(T value) => Value = value;

        public T Value { get; }
    }

    private sealed class FailedAttempt
    {
        private FailedAttempt(int status, string? contentType, string body, string? requestId, TimeSpan? retryAfter, Uri uri, Uri? location)
        {
            Uri = uri;
            Location = location;
            Status = status;
            ContentType = contentType;
            Body = body;
            RequestId = requestId;
            RetryAfter = retryAfter;
        }

        public int Status { get; }

        public string? ContentType { get; }

        public string Body { get; }

        public string? RequestId { get; }

        public TimeSpan? RetryAfter { get; }

        public Uri Uri { get; }

        public Uri? Location { get; }

        public static async Task<FailedAttempt> CreateAsync(HttpResponseMessage response, Uri uri, SigningPipeline pipeline, int maxBytes, CancellationToken cancellationToken)
        {
            string body = string.Empty;
            if (response.Content is not null)
            {
                try
                {
#if NET5_0_OR_GREATER
                    var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                    var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                    body = await SigningResponse.ReadLimitedTextAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (TransportFailure.IsTransport(ex))
                {
                    body = string.Empty;
                }
            }

            return new FailedAttempt((int)response.StatusCode, response.Content?.Headers.ContentType?.MediaType, body, pipeline.ReadRequestId(response), ReadRetryAfter(response.Headers.RetryAfter, pipeline.TimeProvider), uri, response.Headers.Location);
        }

        private static TimeSpan? ReadRetryAfter(RetryConditionHeaderValue? header, TimeProvider timeProvider)
        {
            if (header is null)
            {
                return null;
            }

            TimeSpan? delay = header.Delta ?? (header.Date is { } date ? date - timeProvider.GetUtcNow() : null);
            return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        }
    }
}
