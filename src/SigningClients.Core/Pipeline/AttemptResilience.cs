using System;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace SigningClients.Core.Pipeline;

/// <summary>
/// The Polly layer around each attempt: retry (exponential backoff with jitter, <c>Retry-After</c> honoured, the
/// decision taken by <see cref="RetryDecision.Decide"/>). Each attempt is timed inside it by <see cref="CallBudget"/>.
/// </summary>
internal static class AttemptResilience
{
    /// <summary>Where the call's state travels in the resilience context.</summary>
    public static readonly ResiliencePropertyKey<CallState> CallStateKey = new("SigningClients.CallState");

    public static ResiliencePipeline Build(SigningPipelineOptions options, CallReporter reporter)
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
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, retry.MaxRetryAfter)),
                DelayGenerator = static args => new ValueTask<TimeSpan?>(args.Outcome.Result is FailedAttempt { RetryAfter: { } after } ? after : null),
                OnRetry = args =>
                {
                    var state = args.Context.Properties.GetValue(CallStateKey, null!);
                    reporter.Retrying(state, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Result as FailedAttempt, args.Outcome.Exception);
                    return default;
                },
            });
        }

        // The attempt timeout is not a Polly strategy: CallBudget times each attempt with one source per call, reset
        // between attempts, and reports a timed-out attempt as Polly's TimeoutRejectedException.
        return builder.Build();
    }

    // Reads the facts, asks the pure rule, records what it said about the failed attempt.
    private static bool ShouldRetry(Outcome<object> outcome, ResilienceContext context, TimeSpan maxRetryAfter)
    {
        if (!context.Properties.TryGetValue(CallStateKey, out var state))
        {
            return false;
        }

        var failed = outcome.Result as FailedAttempt;
        var decision = RetryDecision.Decide(
            state.Request.Idempotency,
            state.BodyCannotBeResent,
            failed?.Status,
            failed?.RetryAfter,
            outcome.Exception,
            maxRetryAfter,
            state.Budget.Remaining,
            context.CancellationToken.IsCancellationRequested);
        state.Record(decision);
        return decision.Retry;
    }
}
