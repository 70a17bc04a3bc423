using System;
using System.Globalization;
using System.Text;

namespace SigningClients.Core;

/// <summary>
/// The one exception every failed remote call of every SigningClients package surfaces as. Its message and
/// properties never contain secrets: they pass through the client's redactor before the exception is built.
/// </summary>
public class SigningApiException : Exception
{
    /// <summary>Maximum length of <see cref="BodyExcerpt"/>.</summary>
    public const int MaxBodyExcerptLength = 4096;

    /// <summary>Creates an exception. Callers are responsible for passing already-redacted text.</summary>
    /// <param name="provider">The provider name, e.g. <c>SigningToday</c>.</param>
    /// <param name="operation">The operation name, e.g. <c>GetDst</c>.</param>
    /// <param name="status">The HTTP status, or 0 when no response was received.</param>
    /// <param name="kind">The failure kind.</param>
    /// <param name="errorCode">The provider's error code, if any.</param>
    /// <param name="providerMessage">The provider's message, if any.</param>
    /// <param name="requestId">The provider's request id, if it sent one.</param>
    /// <param name="isTransient">Whether trying again later may succeed.</param>
    /// <param name="outcomeUnknown">Whether the request may have taken effect although no answer arrived.</param>
    /// <param name="bodyExcerpt">A redacted excerpt of the response body (truncated to <see cref="MaxBodyExcerptLength"/>).</param>
    /// <param name="retryAfter">The delay the provider asked for, if any.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public SigningApiException(
        string provider,
        string operation,
        int status,
        SigningFailureKind kind,
        string? errorCode = null,
        string? providerMessage = null,
        string? requestId = null,
        bool isTransient = false,
        bool outcomeUnknown = false,
        string? bodyExcerpt = null,
        TimeSpan? retryAfter = null,
        Exception? innerException = null)
        : base(BuildMessage(provider, operation, status, kind, errorCode, providerMessage, requestId, outcomeUnknown), innerException)
    {
        Provider = provider ?? string.Empty;
        Operation = operation ?? string.Empty;
        Status = status;
        Kind = kind;
        ErrorCode = errorCode;
        ProviderMessage = providerMessage;
        RequestId = requestId;
        IsTransient = isTransient;
        OutcomeUnknown = outcomeUnknown;
        BodyExcerpt = bodyExcerpt is { Length: > MaxBodyExcerptLength } ? bodyExcerpt.Substring(0, MaxBodyExcerptLength) : bodyExcerpt;
        RetryAfter = retryAfter;
    }

    /// <summary>The provider name.</summary>
    public string Provider { get; }

    /// <summary>The operation that failed.</summary>
    public string Operation { get; }

    /// <summary>The HTTP status code, or 0 when no response was received.</summary>
    public int Status { get; }

    /// <summary>What kind of failure this is.</summary>
    public SigningFailureKind Kind { get; }

    /// <summary>The provider's error code, if it sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The provider's error message, if it sent one.</summary>
    public string? ProviderMessage { get; }

    /// <summary>The provider's request id, if it sent one.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// Whether the same call may succeed later (timeouts, 429, 5xx gateway errors, dropped connections). It does not
    /// say whether the SDK already retried: a write is not retried after a 503 or a lost answer (see
    /// <see cref="Attempts"/> and <see cref="WasRetried"/>).
    /// </summary>
    public bool IsTransient { get; }

    /// <summary>
    /// How many times the SDK sent the request before giving up (1 when it was not retried: non-idempotent writes,
    /// non-transient failures, or <c>MaxRetries = 0</c>); 0 when the exception was not raised by the pipeline (for
    /// example built in a test, or raised while a downloaded body was read).
    /// </summary>
    public int Attempts { get; internal set; }

    /// <summary>
    /// The method and URL that was called, with secrets in the query masked (for example
    /// <c>GET https://api.example.com/v1/items/42</c>); <see langword="null"/> when not raised by the pipeline. A 404
    /// names it in <see cref="Message"/> too, since a wrong endpoint is its usual cause.
    /// </summary>
    public string? RequestUri { get; internal set; }

    /// <inheritdoc />
    public override string Message => Status == 404 && RequestUri is not null
        ? base.Message + " Not found: " + RequestUri + " (check the client's Endpoint)."
        : base.Message;

    /// <summary>Whether the SDK already retried the request (<see cref="Attempts"/> &gt; 1) before this exception.</summary>
    public bool WasRetried => Attempts > 1;

    /// <summary>
    /// <see langword="true"/> when the request may have reached the provider and taken effect although no answer
    /// arrived (a write whose response was lost). The SDK never replays such a request: check the provider's state
    /// before trying again.
    /// </summary>
    public bool OutcomeUnknown { get; }

    /// <summary>A redacted excerpt (at most 4 KB) of the response body, for diagnostics.</summary>
    public string? BodyExcerpt { get; }

    /// <summary>The delay the provider asked for with <c>Retry-After</c>, if any.</summary>
    public TimeSpan? RetryAfter { get; }

    private static string BuildMessage(string provider, string operation, int status, SigningFailureKind kind, string? code, string? message, string? requestId, bool outcomeUnknown)
    {
        var builder = new StringBuilder();
        builder.Append(provider).Append(' ').Append(operation).Append(" failed: ");
        builder.Append(kind switch
        {
            SigningFailureKind.HttpError => "HTTP " + status.ToString(CultureInfo.InvariantCulture),
            SigningFailureKind.ProviderError => "the provider reported an error" + (status > 0 ? " (HTTP " + status.ToString(CultureInfo.InvariantCulture) + ")" : string.Empty),
            SigningFailureKind.ConnectionFailure => "no response (connection failure)",
            SigningFailureKind.Timeout => "the attempt timed out",
            SigningFailureKind.InvalidResponse => "the response could not be read" + (status > 0 ? " (HTTP " + status.ToString(CultureInfo.InvariantCulture) + ")" : string.Empty),
            SigningFailureKind.IntegrityFailure => "the downloaded content failed its integrity check",
            _ => kind.ToString(),
        });
        builder.Append('.');
        if (code is not null)
        {
            builder.Append(" Code: ").Append(code).Append('.');
        }

        if (!string.IsNullOrEmpty(message))
        {
            builder.Append(" Message: ").Append(message);
            if (!message!.EndsWith(".", StringComparison.Ordinal))
            {
                builder.Append('.');
            }
        }

        if (requestId is not null)
        {
            builder.Append(" Request id: ").Append(requestId).Append('.');
        }

        if (outcomeUnknown)
        {
            builder.Append(" The outcome is unknown: the request may have been processed; it was not replayed.");
        }

        return builder.ToString();
    }
}
