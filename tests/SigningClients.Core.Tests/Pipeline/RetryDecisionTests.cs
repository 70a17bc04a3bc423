using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using Polly.Timeout;
using SigningClients.Core.Pipeline;
using Xunit;

namespace SigningClients.Core.Tests.Pipeline;

/// <summary>The retry rule as a decision table: one row per situation, no HTTP, no clock.</summary>
public sealed class RetryDecisionTests
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Plenty = TimeSpan.FromMinutes(5);

    private static readonly RetryDecision Stop = new(retry: false, attemptMayHaveApplied: false);
    private static readonly RetryDecision Retry = new(retry: true, attemptMayHaveApplied: false);
    private static readonly RetryDecision RetryMayHaveApplied = new(retry: true, attemptMayHaveApplied: true);

    private static RetryDecision Status(int status, Idempotency idempotency, TimeSpan? retryAfter = null, TimeSpan? timeLeft = null) =>
        RetryDecision.Decide(idempotency, bodyCannotBeResent: false, status, retryAfter, exception: null, MaxRetryAfter, timeLeft ?? Plenty, cancelled: false);

    private static RetryDecision Thrown(Exception exception, Idempotency idempotency) =>
        RetryDecision.Decide(idempotency, bodyCannotBeResent: false, status: null, retryAfter: null, exception, MaxRetryAfter, Plenty, cancelled: false);

    [Theory]
    // Retryable statuses, replayable requests: retried; 429 and 503 say the work was not done.
    [InlineData(408, Idempotency.Safe, true, true)]
    [InlineData(429, Idempotency.Safe, true, false)]
    [InlineData(500, Idempotency.Idempotent, true, true)]
    [InlineData(502, Idempotency.Idempotent, true, true)]
    [InlineData(503, Idempotency.Idempotent, true, false)]
    [InlineData(504, Idempotency.Safe, true, true)]
    // A write is retried only after a 429.
    [InlineData(429, Idempotency.NotIdempotent, true, false)]
    [InlineData(408, Idempotency.NotIdempotent, false, false)]
    [InlineData(500, Idempotency.NotIdempotent, false, false)]
    [InlineData(503, Idempotency.NotIdempotent, false, false)]
    [InlineData(504, Idempotency.NotIdempotent, false, false)]
    // Other statuses are answers, not transient failures.
    [InlineData(400, Idempotency.Safe, false, false)]
    [InlineData(401, Idempotency.Safe, false, false)]
    [InlineData(404, Idempotency.Idempotent, false, false)]
    [InlineData(409, Idempotency.Idempotent, false, false)]
    [InlineData(501, Idempotency.Safe, false, false)]
    [InlineData(302, Idempotency.Safe, false, false)]
    public void Statuses(int status, Idempotency idempotency, bool retry, bool mayHaveApplied) =>
        Assert.Equal(new RetryDecision(retry, mayHaveApplied), Status(status, idempotency));

    [Fact]
    public void Retry_After_within_the_limits_is_waited_for()
    {
        Assert.Equal(Retry, Status(429, Idempotency.Safe, TimeSpan.FromSeconds(60)));
        Assert.Equal(RetryMayHaveApplied, Status(500, Idempotency.Safe, TimeSpan.Zero));
    }

    [Fact]
    public void Retry_After_longer_than_the_client_waits_for_is_handed_to_the_caller() =>
        Assert.Equal(Stop, Status(429, Idempotency.Safe, TimeSpan.FromSeconds(61)));

    [Fact]
    public void Retry_After_at_or_past_the_calls_time_left_is_handed_to_the_caller()
    {
        Assert.Equal(Stop, Status(503, Idempotency.Safe, TimeSpan.FromSeconds(10), timeLeft: TimeSpan.FromSeconds(10)));
        Assert.Equal(Retry, Status(503, Idempotency.Safe, TimeSpan.FromSeconds(10), timeLeft: TimeSpan.FromSeconds(11)));
        Assert.Equal(Retry, RetryDecision.Decide(Idempotency.Safe, false, 503, TimeSpan.FromSeconds(10), null, MaxRetryAfter, timeLeft: null, cancelled: false));
    }

    [Fact]
    public void A_cancelled_call_is_never_retried()
    {
        Assert.Equal(Stop, RetryDecision.Decide(Idempotency.Safe, false, 503, null, null, MaxRetryAfter, Plenty, cancelled: true));
        Assert.Equal(Stop, RetryDecision.Decide(Idempotency.Safe, false, null, null, new HttpRequestException("x"), MaxRetryAfter, Plenty, cancelled: true));
    }

    [Fact]
    public void A_consumed_body_that_cannot_be_produced_again_is_never_resent()
    {
        Assert.Equal(Stop, RetryDecision.Decide(Idempotency.Safe, bodyCannotBeResent: true, 503, null, null, MaxRetryAfter, Plenty, cancelled: false));
        Assert.Equal(Stop, RetryDecision.Decide(Idempotency.NotIdempotent, bodyCannotBeResent: true, null, null, ConnectionRefused(), MaxRetryAfter, Plenty, cancelled: false));
    }

    [Theory]
    [InlineData(Idempotency.Safe, true)]
    [InlineData(Idempotency.Idempotent, true)]
    [InlineData(Idempotency.NotIdempotent, false)]
    public void Attempt_timeouts_lost_connections_and_broken_bodies_are_retried_only_when_replaying_is_harmless(Idempotency idempotency, bool retry)
    {
        var expected = new RetryDecision(retry, attemptMayHaveApplied: true);
        Assert.Equal(expected, Thrown(new TimeoutRejectedException(), idempotency));
        Assert.Equal(expected, Thrown(new HttpRequestException("The response ended prematurely."), idempotency));
        Assert.Equal(expected, Thrown(new IOException("reset"), idempotency));
        Assert.Equal(expected, Thrown(new ResponseBodyException(200, new IOException("reset")), idempotency));
    }

    [Theory]
    [InlineData(Idempotency.Safe)]
    [InlineData(Idempotency.NotIdempotent)]
    public void A_connection_that_certainly_never_carried_the_request_is_retried_even_for_a_write(Idempotency idempotency) =>
        Assert.Equal(Retry, Thrown(ConnectionRefused(), idempotency));

    [Fact]
    public void Sdk_errors_cancellations_and_bugs_are_not_retried()
    {
        Assert.Equal(Stop, Thrown(new SigningApiException("P", "Op", 0, SigningFailureKind.InvalidResponse), Idempotency.Safe));
        Assert.Equal(Stop, Thrown(new OperationCanceledException(), Idempotency.Safe));
        Assert.Equal(Stop, Thrown(new InvalidOperationException("bug"), Idempotency.Safe));
        Assert.Equal(Stop, Thrown(new ArgumentException("bad"), Idempotency.Safe));
        Assert.Equal(Stop, RetryDecision.Decide(Idempotency.Safe, false, null, null, null, MaxRetryAfter, Plenty, cancelled: false));
    }

    [Fact]
    public void Only_a_retry_can_say_the_attempt_may_have_applied()
    {
        Assert.False(new RetryDecision(retry: false, attemptMayHaveApplied: true).AttemptMayHaveApplied);
        Assert.Equal(Stop, Thrown(new TimeoutRejectedException(), Idempotency.NotIdempotent));
    }

    [Fact]
    public void The_decision_is_a_function_of_its_inputs()
    {
        var exception = new TimeoutRejectedException();
        var first = Thrown(exception, Idempotency.Idempotent);
        var second = Thrown(exception, Idempotency.Idempotent);
        Assert.Equal(first, second);
        Assert.Equal(RetryMayHaveApplied, first);
    }

    private static HttpRequestException ConnectionRefused() =>
        new("Connection refused", new SocketException((int)SocketError.ConnectionRefused));
}
