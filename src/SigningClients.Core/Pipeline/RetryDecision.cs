using System;
using Polly.Timeout;
using SigningClients.Core.Http;

namespace SigningClients.Core.Pipeline;

/// <summary>
/// What the retry rule decided about one failed attempt: whether to try again and whether the failed attempt may have
/// been applied on the server (which makes a later 404 from a replayed DELETE mean "already done").
/// </summary>
internal readonly struct RetryDecision : IEquatable<RetryDecision>
{
    public static readonly RetryDecision Stop = new(retry: false, attemptMayHaveApplied: false);

    public RetryDecision(bool retry, bool attemptMayHaveApplied)
    {
        Retry = retry;
        AttemptMayHaveApplied = retry && attemptMayHaveApplied;
    }

    /// <summary>Whether the call is tried again.</summary>
    public bool Retry { get; }

    /// <summary>Whether the attempt being retried may have taken effect (only ever true for a retry).</summary>
    public bool AttemptMayHaveApplied { get; }

    public bool Equals(RetryDecision other) => Retry == other.Retry && AttemptMayHaveApplied == other.AttemptMayHaveApplied;

    public override bool Equals(object? obj) => obj is RetryDecision other && Equals(other);

    public override int GetHashCode() => (Retry ? 1 : 0) | (AttemptMayHaveApplied ? 2 : 0);

    public override string ToString() => Retry ? (AttemptMayHaveApplied ? "retry (attempt may have applied)" : "retry") : "stop";

    /// <summary>
    /// The retry rule, a pure function of the attempt's outcome and the call's situation. Statuses 408, 429, 500, 502,
    /// 503, 504, attempt timeouts, broken response bodies and connection failures are retried; a request that is not
    /// idempotent only when the server said 429 or the connection certainly failed before the request was sent;
    /// caller cancellation, SDK errors and consumed non-replayable bodies never; a <c>Retry-After</c> longer than
    /// <paramref name="maxRetryAfter"/> or than the call's time left is handed to the caller instead.
    /// </summary>
    /// <param name="idempotency">What replaying the request can do.</param>
    /// <param name="bodyCannotBeResent">The attempt consumed a body that cannot be produced again.</param>
    /// <param name="status">The HTTP status of a rejected answer, or <see langword="null"/> when the attempt threw.</param>
    /// <param name="retryAfter">The answer's <c>Retry-After</c>, if any.</param>
    /// <param name="exception">What the attempt threw, when it did not get an answer.</param>
    /// <param name="maxRetryAfter">The longest <c>Retry-After</c> the client waits for.</param>
    /// <param name="timeLeft">The call's remaining total time, when it has a budget.</param>
    /// <param name="cancelled">Whether the call was cancelled (by the caller or its total timeout).</param>
    /// <returns>The decision.</returns>
    public static RetryDecision Decide(Idempotency idempotency, bool bodyCannotBeResent, int? status, TimeSpan? retryAfter, Exception? exception, TimeSpan maxRetryAfter, TimeSpan? timeLeft, bool cancelled)
    {
        if (cancelled || bodyCannotBeResent)
        {
            return Stop;
        }

        bool replayable = idempotency != Idempotency.NotIdempotent;
        if (status is int code)
        {
            if (!SigningPipeline.IsRetryableStatus(code) || (!replayable && code != 429))
            {
                return Stop;
            }

            bool waitable = retryAfter is null || (retryAfter <= maxRetryAfter && (timeLeft is null || retryAfter < timeLeft));

            // 429 and 503 say the server did not do the work; other statuses (a 500 after a partial write) may have applied it.
            return new RetryDecision(waitable, attemptMayHaveApplied: code is not 429 and not 503);
        }

        if (exception is null)
        {
            return Stop;
        }

        bool retry = exception switch
        {
            SigningApiException => false,
            TimeoutRejectedException => replayable,
            OperationCanceledException => false,
            ResponseBodyException => replayable,
            _ when TransportFailure.IsTransport(exception) => replayable || TransportFailure.IsCertainlyNotSent(exception),
            _ => false,
        };

        // Only a failure that proves nothing left the process (connection refused, name not resolved) rules the work out.
        return new RetryDecision(retry, attemptMayHaveApplied: !TransportFailure.IsCertainlyNotSent(exception));
    }
}
