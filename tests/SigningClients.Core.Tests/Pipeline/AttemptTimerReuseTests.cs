using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Polly.Timeout;
using SigningClients.Core.Http;
using SigningClients.Core.Pipeline;
using Xunit;

namespace SigningClients.Core.Tests.Pipeline;

/// <summary>
/// The call's and the attempts' cancellation sources are rented from a pool and the attempt's source is kept across
/// attempts while it can be reset: nothing of one attempt (a cancellation, a timer, a registration) may reach the next,
/// and nothing of one call may reach another. Real clock (only the system clock pools); no upper time bounds asserted.
/// </summary>
public sealed class AttemptTimerReuseTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_timed_out_attempt_source_is_replaced_so_the_next_attempt_starts_uncancelled()
    {
        using var budget = new CallBudget(TimerSourcePool.Shared, TimeProvider.System, Long, CancellationToken.None);
        var first = budget.BeginAttempt(TimeSpan.FromMilliseconds(20));
        await WaitCancelledAsync(first);
        Assert.IsType<TimeoutRejectedException>(budget.AttemptException(new OperationCanceledException(first)));
        budget.EndAttempt();

        var second = budget.BeginAttempt(Long);
        Assert.False(second.IsCancellationRequested);
        Assert.NotEqual(first, second);
        Assert.False(budget.Token.IsCancellationRequested);

        // Not a timeout either: an exception of the second attempt stays what it was.
        var ex = new HttpRequestException("boom");
        Assert.Same(ex, budget.AttemptException(ex));
        budget.EndAttempt();
    }

    [Fact]
    public void A_completed_attempt_source_is_reused_without_the_registrations_of_the_attempt_before()
    {
        using var caller = new CancellationTokenSource();
        bool firstAttemptCallbackRan = false;
        using (var budget = new CallBudget(TimerSourcePool.Shared, TimeProvider.System, Long, caller.Token))
        {
            var first = budget.BeginAttempt(Long);

            // Something of the first attempt registers on its token and never unregisters.
            first.Register(() => firstAttemptCallbackRan = true);
            budget.EndAttempt();

            var second = budget.BeginAttempt(Long);
            Assert.Equal(first, second); // the same source, reset
            Assert.False(second.IsCancellationRequested);

            caller.Cancel();
            Assert.True(second.IsCancellationRequested);
            Assert.True(budget.Token.IsCancellationRequested);
            Assert.False(firstAttemptCallbackRan);

            // The caller cancelled: neither an attempt timeout nor an expired budget.
            var cancelled = new OperationCanceledException(second);
            Assert.Same(cancelled, budget.AttemptException(cancelled));
            Assert.False(budget.Expired);
            budget.EndAttempt();
        }

        // A later call rents sources that know nothing of this one.
        using var next = new CallBudget(TimerSourcePool.Shared, TimeProvider.System, Long, CancellationToken.None);
        var token = next.BeginAttempt(Long);
        Assert.False(token.IsCancellationRequested);
        Assert.False(next.Token.IsCancellationRequested);
        next.EndAttempt();
    }

    [Fact]
    public void A_source_returned_after_a_successful_call_comes_back_reset()
    {
        bool callback = false;
        using (var budget = new CallBudget(TimerSourcePool.Shared, TimeProvider.System, Long, CancellationToken.None))
        {
            var firstCall = budget.BeginAttempt(Long);
            firstCall.Register(() => callback = true);
            budget.EndAttempt();
        }

        // Whichever call gets that source next: cancelling it must not run the first call's callback.
        using var caller = new CancellationTokenSource();
        for (int i = 0; i < 4; i++)
        {
            using var budget = new CallBudget(TimerSourcePool.Shared, TimeProvider.System, Long, caller.Token);
            budget.BeginAttempt(Long);
            budget.EndAttempt();
        }

        using (var budget = new CallBudget(TimerSourcePool.Shared, TimeProvider.System, Long, caller.Token))
        {
            var token = budget.BeginAttempt(Long);
            caller.Cancel();
            Assert.True(token.IsCancellationRequested);
            budget.EndAttempt();
        }

        // The first call's callback never runs. (A token kept past its call shows the pooled source's current state,
        // as with Polly's pool: the pipeline keeps none past the call, and registrations are what reach code.)
        Assert.False(callback);
    }

    [Fact]
    public async Task The_spent_budget_is_reported_as_expired_and_ends_the_attempt()
    {
        using var budget = new CallBudget(TimerSourcePool.Shared, TimeProvider.System, TimeSpan.FromMilliseconds(20), CancellationToken.None);
        var attempt = budget.BeginAttempt(Long);
        await WaitCancelledAsync(budget.Token);
        Assert.True(budget.Expired);
        Assert.True(attempt.IsCancellationRequested);

        // The call's time ran out, not the attempt's: no attempt timeout.
        var cancelled = new OperationCanceledException(attempt);
        Assert.Same(cancelled, budget.AttemptException(cancelled));
        budget.EndAttempt();
    }

    [Fact]
    public async Task After_an_attempt_timeout_the_retry_gets_a_fresh_attempt_token_and_succeeds()
    {
        var handler = new ScriptedHandler(
            async ct => { await Task.Delay(Timeout.Infinite, ct); return null!; }, // times out
            _ => Task.FromResult(Json("{\"id\":7}")));
        var pipeline = CreatePipeline(handler, TimeSpan.FromMilliseconds(200));
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(Patience);

        var item = await pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), TestJsonContext.Default.Item, guard.Token);

        Assert.Equal(7, item.Id);
        Assert.Equal(2, handler.Calls);
        Assert.False(handler.TokenCancelledAtStart[1]);
    }

    [Fact]
    public async Task A_reused_attempt_source_is_armed_again_so_a_later_attempt_still_times_out()
    {
        // Attempt 1 is answered 503 (its source is reset and kept), attempt 2 stalls and must time out with the kept
        // source, attempt 3 is answered.
        var handler = new ScriptedHandler(
            _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("{}") }),
            async ct => { await Task.Delay(Timeout.Infinite, ct); return null!; },
            _ => Task.FromResult(Json("{\"id\":3}")));
        var pipeline = CreatePipeline(handler, TimeSpan.FromMilliseconds(200));
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(Patience);

        var item = await pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), TestJsonContext.Default.Item, guard.Token);

        Assert.Equal(3, item.Id);
        Assert.Equal(3, handler.Calls);
        Assert.False(guard.IsCancellationRequested);
        Assert.All(handler.TokenCancelledAtStart, Assert.False);
    }

    [Fact]
    public async Task Every_attempt_timing_out_still_ends_as_the_attempt_timeout_error()
    {
        var handler = new ScriptedHandler(
            async ct => { await Task.Delay(Timeout.Infinite, ct); return null!; },
            async ct => { await Task.Delay(Timeout.Infinite, ct); return null!; });
        var pipeline = CreatePipeline(handler, TimeSpan.FromMilliseconds(100), maxRetries: 1);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), TestJsonContext.Default.Item, TestContext.Current.CancellationToken));

        Assert.Equal(SigningFailureKind.Timeout, ex.Kind);
        Assert.Contains("attempt timeout", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.Attempts);
        Assert.Equal(2, handler.Calls);
    }

    private static SigningPipeline CreatePipeline(HttpMessageHandler handler, TimeSpan attemptTimeout, int maxRetries = 3)
    {
        var options = new SigningPipelineOptions("Test", new Uri("http://127.0.0.1:1/"))
        {
            AllowHttpOnLoopback = true,
            Retry = new RetryOptions { MaxRetries = maxRetries, InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), UseJitter = false, AttemptTimeout = attemptTimeout },
            ErrorParser = new JsonProviderErrorParser("code", "message", "target"),
            TimeProvider = TimeProvider.System,
        };
        return new SigningPipeline(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, options);
    }

    private static HttpResponseMessage Json(string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    private static async Task WaitCancelledAsync(CancellationToken token)
    {
        try
        {
            await Task.Delay(Patience, token);
        }
        catch (OperationCanceledException)
        {
        }

        Assert.True(token.IsCancellationRequested, "the timer did not fire within " + Patience);
    }

    private sealed class ScriptedHandler : HttpMessageHandler
    {
        private readonly Func<CancellationToken, Task<HttpResponseMessage>>[] _script;

        public ScriptedHandler(params Func<CancellationToken, Task<HttpResponseMessage>>[] script) => _script = script;

        public int Calls { get; private set; }

        public System.Collections.Generic.List<bool> TokenCancelledAtStart { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            TokenCancelledAtStart.Add(cancellationToken.IsCancellationRequested);
            var step = _script[Math.Min(Calls++, _script.Length - 1)];
            var response = await step(cancellationToken);
            response.RequestMessage = request;
            return response;
        }
    }
}
