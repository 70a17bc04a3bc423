using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Http;
using SigningClients.Core.Security;

namespace SigningClients.Core.Diagnostics;

/// <summary>
/// The telemetry of one operation call: its <see cref="ActivityKind.Internal"/> span <c>{Provider}.{Operation}</c>,
/// the <c>signingclients.operation.duration</c> measurement, the retry events and counter, and one
/// <see cref="RequestTelemetry"/> per HTTP request sent. Created only when something listens
/// (<see cref="Start"/> returns <see langword="null"/> otherwise, so an unobserved call pays nothing).
/// </summary>
internal sealed class OperationTelemetry : IDisposable
{
    private readonly Activity? _activity;
    private readonly CancellationToken _callerToken;
    private readonly long _started = Stopwatch.GetTimestamp();
    private string _outcome = TelemetryNames.Failure;
    private string? _errorType;
    private int _sends;

    private OperationTelemetry(string provider, SigningRequest request, SecretRedactor redactor, CancellationToken callerToken)
    {
        _callerToken = callerToken;
        Provider = provider;
        Operation = request.Operation;
        Redactor = redactor;
        _activity = SigningDiagnostics.ActivitySource.StartActivity(provider + "." + request.Operation, ActivityKind.Internal);
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag(TelemetryNames.Provider, provider);
            _activity.SetTag(TelemetryNames.Operation, request.Operation);
            _activity.SetTag(TelemetryNames.Idempotency, IdempotencyName(request.Idempotency));
        }
    }

    public string Provider { get; }

    public string Operation { get; }

    public SecretRedactor Redactor { get; }

    /// <summary>The status of the last response received, if any.</summary>
    internal int? LastStatus { get; set; }

    /// <summary>Starts the telemetry of a call, or returns <see langword="null"/> when nothing listens.</summary>
    /// <param name="provider">The provider name.</param>
    /// <param name="request">The request.</param>
    /// <param name="redactor">The client's redactor (for <c>url.full</c>).</param>
    /// <param name="callerToken">The caller's token: a send cancelled while it is not cancelled is an attempt timeout.</param>
    public static OperationTelemetry? Start(string provider, SigningRequest request, SecretRedactor redactor, CancellationToken callerToken) =>
        SigningDiagnostics.IsObserved ? new OperationTelemetry(provider, request, redactor, callerToken) : null;

    /// <summary>The <c>error.type</c> of an attempt cut by the attempt timeout.</summary>
    public const string TimeoutErrorType = "timeout";

    /// <summary>The <c>error.type</c> of an attempt: its status code, <c>timeout</c>, or the exception's type.</summary>
    public static string ErrorType(int? status, Exception? exception) =>
        status is { } code ? code.ToString(CultureInfo.InvariantCulture)
        : exception is Polly.Timeout.TimeoutRejectedException ? TimeoutErrorType
        : exception?.GetType().FullName ?? TelemetryNames.OtherError;

    /// <summary>
    /// Sends one HTTP request (headers first) inside its client span and measurement: the span is current during the
    /// send, so .NET's own HttpClient span nests beneath it.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage message, CancellationToken cancellationToken)
    {
        using var request = new RequestTelemetry(this, message, _sends++);
        try
        {
            var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            request.Received(response);
            return response;
        }
        catch (OperationCanceledException) when (!_callerToken.IsCancellationRequested)
        {
            request.Failed(TimeoutErrorType);
            throw;
        }
        catch (Exception ex)
        {
            request.Failed(ErrorType(null, ex));
            throw;
        }
    }

    /// <summary>Records a scheduled retry: an event on the operation span and the retries counter.</summary>
    public void Retrying(int retry, TimeSpan delay, string errorType)
    {
        if (SigningDiagnostics.Retries.Enabled)
        {
            SigningDiagnostics.Retries.Add(1, new TagList
            {
                { TelemetryNames.Provider, Provider },
                { TelemetryNames.Operation, Operation },
                { TelemetryNames.ErrorType, errorType },
            });
        }

        _activity?.AddEvent(new ActivityEvent(TelemetryNames.RetryEvent, tags: new ActivityTagsCollection
        {
            { TelemetryNames.HttpRequestResendCount, retry },
            { TelemetryNames.ErrorType, errorType },
            { TelemetryNames.RetryDelay, delay.TotalSeconds },
        }));
    }

    /// <summary>The call returned a result.</summary>
    public void Succeeded() => _outcome = TelemetryNames.Success;

    /// <summary>The caller cancelled the call.</summary>
    public void Canceled() => _outcome = TelemetryNames.Canceled;

    /// <summary>The call failed with <paramref name="exception"/> (already redacted; only its kind, status and flags are used).</summary>
    public void Failed(SigningApiException exception)
    {
        _outcome = exception.OutcomeUnknown ? TelemetryNames.OutcomeUnknownValue : TelemetryNames.Failure;
        _errorType = exception.Kind.ToString();
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag(TelemetryNames.ErrorType, _errorType);
            _activity.SetTag(TelemetryNames.OutcomeUnknown, exception.OutcomeUnknown);
            if (exception.RequestId is { Length: > 0 } requestId)
            {
                _activity.SetTag(TelemetryNames.RequestId, Redactor.Redact(requestId));
            }
        }

        _activity?.SetStatus(ActivityStatusCode.Error, _errorType);
    }

    /// <summary>Ends the span and records the operation duration.</summary>
    public void Dispose()
    {
        if (SigningDiagnostics.OperationDuration.Enabled)
        {
            var tags = new TagList
            {
                { TelemetryNames.Provider, Provider },
                { TelemetryNames.Operation, Operation },
                { TelemetryNames.Outcome, _outcome },
            };
            if (_errorType is not null)
            {
                tags.Add(TelemetryNames.ErrorType, _errorType);
            }

            SigningDiagnostics.OperationDuration.Record(Elapsed(_started), tags);
        }

        if (_activity is null)
        {
            return;
        }

        if (_activity.IsAllDataRequested)
        {
            _activity.SetTag(TelemetryNames.Outcome, _outcome);
            _activity.SetTag(TelemetryNames.AttemptCount, _sends);
            if (LastStatus is { } status)
            {
                _activity.SetTag(TelemetryNames.HttpResponseStatusCode, status);
            }
        }

        _activity.Dispose();
    }

    internal static double Elapsed(long started) => (Stopwatch.GetTimestamp() - started) / (double)Stopwatch.Frequency;

    /// <summary>
    /// <c>url.full</c> without user info or fragment, with known secrets masked and every query value replaced by
    /// <c>REDACTED</c> (query names stay, so the shape of the call is visible).
    /// </summary>
    internal static string RedactUrl(Uri uri, SecretRedactor redactor)
    {
        if (!uri.IsAbsoluteUri)
        {
            return redactor.Redact(uri.GetComponents(UriComponents.Path, UriFormat.UriEscaped));
        }

        var text = redactor.Redact(uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped));
        var query = uri.Query;
        if (query.Length <= 1)
        {
            return text;
        }

        var builder = new StringBuilder(text, text.Length + query.Length);
        char separator = '?';
        foreach (var pair in query.Substring(1).Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            int equals = pair.IndexOf('=');
            builder.Append(separator).Append(redactor.Redact(equals < 0 ? pair : pair.Substring(0, equals))).Append('=').Append(TelemetryNames.Redacted);
            separator = '&';
        }

        return builder.ToString();
    }

    private static string IdempotencyName(Idempotency idempotency) => idempotency switch
    {
        Idempotency.Safe => "safe",
        Idempotency.Idempotent => "idempotent",
        _ => "not_idempotent",
    };
}
