using System;
using System.Diagnostics;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Polly.Timeout;
using SigningClients.Core.Diagnostics;
using SigningClients.Core.Security;

namespace SigningClients.Core.Pipeline;

/// <summary>
/// The pipeline's logs and traces of one client: every text redacted before it is written, debug events built only
/// while debug logging is on.
/// </summary>
internal sealed class CallReporter
{
    private readonly ILogger _logger;
    private readonly string _provider;
    private readonly SecretRedactor _redactor;

    public CallReporter(ILogger logger, string provider, SecretRedactor redactor)
    {
        _logger = logger;
        _provider = provider;
        _redactor = redactor;
    }

    /// <summary>A request message is about to leave.</summary>
    public void Sending(CallState state, HttpRequestMessage message)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.Sending(_logger, _provider, state.Request.Operation, message.Method.Method, _redactor.RedactUri(message.RequestUri), state.Attempts);
        }
    }

    /// <summary>An answer's headers arrived, <paramref name="startedTimestamp"/> after the send began.</summary>
    public void Received(CallState state, HttpResponseMessage response, long startedTimestamp)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.Received(_logger, _provider, state.Request.Operation, (int)response.StatusCode, (Stopwatch.GetTimestamp() - startedTimestamp) * 1000.0 / Stopwatch.Frequency);
        }
    }

    /// <summary>The answer was a 401 and the credentials were refreshed: the request is sent once more.</summary>
    public void Reauthenticating(CallState state) => Log.Reauthenticate(_logger, _provider, state.Request.Operation);

    /// <summary>An attempt failed and the call waits <paramref name="delay"/> before attempt <paramref name="nextAttempt"/>.</summary>
    public void Retrying(CallState state, int nextAttempt, TimeSpan delay, FailedAttempt? failed, Exception? exception)
    {
        string reason = failed is not null
            ? "HTTP " + failed.Status
            : exception is TimeoutRejectedException ? "attempt timeout" : _redactor.Redact(exception?.GetType().Name + ": " + exception?.Message);
        Log.Retrying(_logger, _provider, state.Request.Operation, nextAttempt, reason, delay.TotalMilliseconds);
        state.Telemetry?.Retrying(nextAttempt, delay, OperationTelemetry.ErrorType(failed?.Status, exception));
    }

    /// <summary>The call failed with <paramref name="exception"/>: completes it with the call's facts, traces and logs it.</summary>
    public SigningApiException Failed(SigningApiException exception, CallState state)
    {
        exception.Attempts = state.Attempts;
        exception.RequestUri = state.Request.Method.Method + " " + _redactor.RedactUri(state.Uri);
        state.Telemetry?.Failed(exception);

        // The template already names the provider and operation: log the reason without the message's own prefix.
        string prefix = _provider + " " + exception.Operation + " failed: ";
        string message = exception.Message;
        Log.Failed(_logger, _provider, exception.Operation, message.StartsWith(prefix, StringComparison.Ordinal) ? message.Substring(prefix.Length) : message);
        return exception;
    }
}
