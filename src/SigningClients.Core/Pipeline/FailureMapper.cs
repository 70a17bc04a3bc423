using System;
using Polly.Timeout;
using SigningClients.Core.Authentication;
using SigningClients.Core.Http;
using SigningClients.Core.Security;

namespace SigningClients.Core.Pipeline;

/// <summary>
/// Turns what a call ended with — a rejected answer or an exception — into the one <see cref="SigningApiException"/>
/// the caller sees: kind, status, provider code and message (redacted and bounded), transient flag and whether a write
/// may have taken effect.
/// </summary>
internal sealed class FailureMapper
{
    private readonly SigningPipelineOptions _options;

    public FailureMapper(SigningPipelineOptions options) => _options = options;

    private string ProviderName => _options.ProviderName;

    private SecretRedactor Redactor => _options.Redactor;

    /// <summary>Redacts <paramref name="text"/> and cuts it to the client's limit for provider messages.</summary>
    public string? BoundedRedact(string? text) => text is null ? null : Redactor.Redact(text, _options.Limits.MaxProviderMessageLength);

    /// <summary>An exception for a provider error reported in an answer (redacted here).</summary>
    public SigningApiException Create(SigningRequest request, SigningResponse? response, SigningFailureKind kind, string? errorCode, string? message, bool isTransient, bool outcomeUnknown, string? bodyExcerpt, Exception? innerException) =>
        new(
            ProviderName,
            request.Operation,
            response?.Status ?? 0,
            kind,
            BoundedRedact(errorCode),
            BoundedRedact(message),
            response?.RequestId,
            isTransient,
            outcomeUnknown,
            bodyExcerpt is null ? null : Redactor.Redact(bodyExcerpt, SigningApiException.MaxBodyExcerptLength),
            null,
            Redactor.RedactException(innerException));

    /// <summary>
    /// The exception for what the attempts threw, or <see langword="null"/> when the original exception is rethrown
    /// as is (caller cancellation, invalid arguments).
    /// </summary>
    public SigningApiException? FromException(Exception exception, CallState state, bool callerCancelled)
    {
        var request = state.Request;

        // A write may have taken effect only if a request left the process (a failure while building the request or
        // fetching a token sent nothing).
        bool write = request.Idempotency == Idempotency.NotIdempotent && state.RequestSent;
        switch (exception)
        {
            case SigningApiException api:
                return api;
            case OperationCanceledException when callerCancelled:
                return null;
            case ArgumentException:
                return null;
        }

        var inner = Redactor.RedactException(exception);
        switch (exception)
        {
            case TimeoutRejectedException or OperationCanceledException when state.Budget.Expired:
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
            case var _ when TransportFailure.IsTransport(exception):
                bool notSent = TransportFailure.IsCertainlyNotSent(exception);
                return new SigningApiException(ProviderName, request.Operation, 0, SigningFailureKind.ConnectionFailure,
                    providerMessage: BoundedRedact(notSent ? "Could not connect to the provider." : "The connection failed before a response arrived: " + exception.Message),
                    isTransient: true, outcomeUnknown: write && !notSent, innerException: inner);
            default:
                return new SigningApiException(ProviderName, request.Operation, 0, SigningFailureKind.InvalidResponse,
                    providerMessage: BoundedRedact("Unexpected failure: " + exception.GetType().Name + ": " + exception.Message),
                    isTransient: false, outcomeUnknown: write, innerException: inner);
        }
    }

    /// <summary>The exception for an answer whose status the request does not accept (its body parsed by the provider's error parser).</summary>
    public SigningApiException FromAnswer(SigningRequest request, FailedAttempt failed)
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

        return new SigningApiException(
            ProviderName,
            request.Operation,
            failed.Status,
            SigningFailureKind.HttpError,
            BoundedRedact(parsed?.Code),
            BoundedRedact(message),
            failed.RequestId,
            SigningPipeline.IsRetryableStatus(failed.Status),
            outcomeUnknown: false,
            bodyExcerpt: failed.Body.Length == 0 ? null : Redactor.Redact(failed.Body, SigningApiException.MaxBodyExcerptLength),
            retryAfter: failed.RetryAfter);
    }
}
