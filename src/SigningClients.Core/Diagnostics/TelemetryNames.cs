namespace SigningClients.Core.Diagnostics;

/// <summary>
/// Every span name part, attribute key, metric name and unit the SDK emits, in one place (the README's
/// "Observability" section is checked against these by a test). Attribute keys from the OpenTelemetry HTTP client
/// semantic conventions keep their standard names; SDK-specific ones use the <c>signing.</c> prefix.
/// </summary>
internal static class TelemetryNames
{
    // OpenTelemetry HTTP client semantic conventions (stable).
    public const string HttpRequestMethod = "http.request.method";
    public const string HttpResponseStatusCode = "http.response.status_code";
    public const string HttpRequestResendCount = "http.request.resend_count";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string UrlFull = "url.full";
    public const string UrlScheme = "url.scheme";
    public const string ErrorType = "error.type";
    public const string NetworkProtocolVersion = "network.protocol.version";

    // SDK attributes.
    public const string Provider = "signing.provider";
    public const string Operation = "signing.operation";
    public const string Idempotency = "signing.idempotency";
    public const string Outcome = "signing.outcome";
    public const string OutcomeUnknown = "signing.outcome_unknown";
    public const string AttemptCount = "signing.attempt_count";
    public const string RequestId = "signing.request_id";
    public const string RetryDelay = "signing.retry.delay";

    // Span event added to the operation span before each retry.
    public const string RetryEvent = "signing.retry";

    // Outcomes.
    public const string Success = "success";
    public const string Failure = "failure";
    public const string OutcomeUnknownValue = "outcome_unknown";
    public const string Canceled = "canceled";

    /// <summary>The fallback <c>error.type</c> when nothing more specific is known (semantic conventions).</summary>
    public const string OtherError = "_OTHER";

    /// <summary>The redacted form of every query value in <c>url.full</c>.</summary>
    public const string Redacted = "REDACTED";

    // Metrics.
    public const string RequestDurationMetric = "http.client.request.duration";
    public const string OperationDurationMetric = "signingclients.operation.duration";
    public const string RetriesMetric = "signingclients.operation.retries";
    public const string SecondsUnit = "s";
    public const string RetryUnit = "{retry}";
}
