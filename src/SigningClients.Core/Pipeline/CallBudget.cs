using System;
using System.Threading;

namespace SigningClients.Core.Pipeline;

/// <summary>
/// The total time one call may take across its attempts and the waits between them
/// (<see cref="RetryOptions.TotalTimeout"/>): a token that ends the call when the time is up, linked with the caller's.
/// </summary>
internal sealed class CallBudget : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource? _linked;
    private readonly TimeProvider _timeProvider;
    private readonly long _started;

    public CallBudget(TimeProvider timeProvider, TimeSpan total, CancellationToken callerToken)
    {
        _timeProvider = timeProvider;
        Total = total;
        _started = timeProvider.GetTimestamp();
#if NET8_0_OR_GREATER
        _timer = new CancellationTokenSource(total, timeProvider);
#else
        _timer = System.Threading.Tasks.TimeProviderTaskExtensions.CreateCancellationTokenSource(timeProvider, total);
#endif

        // A caller token that can never be cancelled needs no link: the timer's own token is the call's.
        _linked = callerToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(callerToken, _timer.Token) : null;
    }

    /// <summary>The budget.</summary>
    public TimeSpan Total { get; }

    /// <summary>Cancelled when the caller cancels or the budget is spent.</summary>
    public CancellationToken Token => (_linked ?? _timer).Token;

    /// <summary>Whether the budget is spent.</summary>
    public bool Expired => _timer.IsCancellationRequested;

    /// <summary>Time left.</summary>
    public TimeSpan Remaining
    {
        get
        {
            var left = Total - _timeProvider.GetElapsedTime(_started);
            return left < TimeSpan.Zero ? TimeSpan.Zero : left;
        }
    }

    public void Dispose()
    {
        _linked?.Dispose();
        _timer.Dispose();
    }
}
