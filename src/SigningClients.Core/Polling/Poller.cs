using System;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Core;

/// <summary>How a "wait until done" helper polls.</summary>
public sealed class PollingOptions
{
    /// <summary>Delay before the second poll. Default 2 s.</summary>
    public TimeSpan InitialInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Largest delay between polls. Default 30 s.</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Factor applied to the interval after each poll (1 = fixed interval). Default 1.5.</summary>
    public double BackoffMultiplier { get; set; } = 1.5;

    /// <summary>Overall limit; <see langword="null"/> waits until done or cancelled. Default <see langword="null"/>.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Validates the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (InitialInterval <= TimeSpan.Zero || MaxInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("Polling intervals must be positive.", nameof(InitialInterval));
        }

        if (MaxInterval < InitialInterval)
        {
            throw new ArgumentException("MaxInterval cannot be smaller than InitialInterval.", nameof(MaxInterval));
        }

        if (BackoffMultiplier < 1)
        {
            throw new ArgumentException("BackoffMultiplier must be at least 1.", nameof(BackoffMultiplier));
        }

        if (Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Timeout must be positive.", nameof(Timeout));
        }
    }
}

/// <summary>The result of one poll: done with a value, or not yet (optionally with a delay the provider asked for).</summary>
/// <typeparam name="T">The value type.</typeparam>
public readonly struct PollStep<T>
{
    private PollStep(bool isComplete, T value, TimeSpan? delay)
    {
        IsComplete = isComplete;
        Value = value;
        Delay = delay;
    }

    /// <summary>Whether polling is over.</summary>
    public bool IsComplete { get; }

    /// <summary>The final value (when complete) or the latest observed value.</summary>
    public T Value { get; }

    /// <summary>A delay requested by the provider (e.g. <c>Retry-After</c>) before the next poll.</summary>
    public TimeSpan? Delay { get; }

    /// <summary>Polling is over.</summary>
    /// <param name="value">The final value.</param>
    /// <returns>The step.</returns>
    public static PollStep<T> Complete(T value) => new(true, value, null);

    /// <summary>Not done yet.</summary>
    /// <param name="latest">The latest observed value.</param>
    /// <param name="delay">A delay the provider asked for, if any.</param>
    /// <returns>The step.</returns>
    public static PollStep<T> Continue(T latest, TimeSpan? delay = null) => new(false, latest, delay);
}

/// <summary>The one polling primitive behind every "wait until signed / completed" helper. Driven by <see cref="TimeProvider"/>.</summary>
public static class Poller
{
    /// <summary>
    /// Calls <paramref name="poll"/> until it reports completion: first immediately, then after
    /// <see cref="PollingOptions.InitialInterval"/>, growing by <see cref="PollingOptions.BackoffMultiplier"/> up to
    /// <see cref="PollingOptions.MaxInterval"/>; a provider-requested delay is honoured within that cap.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="poll">One poll.</param>
    /// <param name="options">Intervals and timeout.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The final value.</returns>
    /// <exception cref="TimeoutException">The overall timeout passed before completion.</exception>
    public static async Task<T> PollAsync<T>(Func<CancellationToken, ValueTask<PollStep<T>>> poll, PollingOptions options, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        if (poll is null)
        {
            throw new ArgumentNullException(nameof(poll));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (timeProvider is null)
        {
            throw new ArgumentNullException(nameof(timeProvider));
        }

        options.Validate();
        var started = timeProvider.GetUtcNow();
        var interval = options.InitialInterval;
        int polls = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = await poll(cancellationToken).ConfigureAwait(false);
            polls++;
            if (step.IsComplete)
            {
                return step.Value;
            }

            var delay = step.Delay is { } requested ? Clamp(requested, options.MaxInterval) : interval;
            if (options.Timeout is { } timeout)
            {
                var remaining = timeout - (timeProvider.GetUtcNow() - started);
                if (remaining <= TimeSpan.Zero)
                {
                    throw new TimeoutException("The operation did not complete within " + timeout + " (" + polls + " polls).");
                }

                if (delay > remaining)
                {
                    delay = remaining;
                }
            }

            await DelayAsync(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            interval = Clamp(TimeSpan.FromTicks((long)(interval.Ticks * options.BackoffMultiplier)), options.MaxInterval);
        }
    }

    /// <summary>Waits on the given clock.</summary>
    /// <param name="delay">The delay.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task completing after the delay.</returns>
    public static Task DelayAsync(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

#if NET8_0_OR_GREATER
        return Task.Delay(delay, timeProvider, cancellationToken);
#else
        return timeProvider.Delay(delay, cancellationToken);
#endif
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan max) => value > max ? max : value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
