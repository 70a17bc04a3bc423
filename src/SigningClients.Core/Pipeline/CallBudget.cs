using System;
using System.Threading;
using Polly.Timeout;

namespace SigningClients.Core.Pipeline;

/// <summary>
/// The times one call may take: in total across its attempts and the waits between them
/// (<see cref="RetryOptions.TotalTimeout"/>, a token that ends the call when the time is up or the caller cancels), and
/// per attempt (<see cref="RetryOptions.AttemptTimeout"/>, a token that also ends when the attempt's time is up).
/// </summary>
/// <remarks>
/// Both tokens come from <see cref="TimerSourcePool"/>: the call's source is rented for the call, the attempt's source
/// is rented at the first attempt and kept for the next attempts while it can be reset (an attempt that completed
/// without cancellation), else replaced by a fresh one, so a cancellation or a timer of one attempt never reaches the
/// next. The caller's token and the call's token reach the sources through registrations, not linked sources.
/// </remarks>
internal sealed class CallBudget : IDisposable
{
    private readonly TimerSourcePool _pool;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationToken _callerToken;
    private readonly CancellationTokenSource _call;
    private readonly long _started;
    private CancellationTokenRegistration _callerLink;
    private CancellationTokenSource? _attempt;
    private CancellationTokenRegistration _attemptLink;
    private TimeSpan _attemptTimeout;

    public CallBudget(TimerSourcePool pool, TimeProvider timeProvider, TimeSpan total, CancellationToken callerToken)
    {
        _pool = pool;
        _timeProvider = timeProvider;
        _callerToken = callerToken;
        Total = total;
        _started = timeProvider.GetTimestamp();
        _call = pool.Rent(total);

        // A caller token that can never be cancelled needs no link: the timer's own token is the call's.
        _callerLink = callerToken.CanBeCanceled ? TimerSourcePool.Link(_call, callerToken) : default;
    }

    /// <summary>The budget.</summary>
    public TimeSpan Total { get; }

    /// <summary>Cancelled when the caller cancels or the budget is spent.</summary>
    public CancellationToken Token => _call.Token;

    /// <summary>Whether the budget is spent (the call's token was cancelled by its timer, not by the caller).</summary>
    public bool Expired => _call.IsCancellationRequested && !_callerToken.IsCancellationRequested;

    /// <summary>Time left.</summary>
    public TimeSpan Remaining
    {
        get
        {
            var left = Total - _timeProvider.GetElapsedTime(_started);
            return left < TimeSpan.Zero ? TimeSpan.Zero : left;
        }
    }

    /// <summary>
    /// Starts an attempt's clock: the returned token is cancelled after <paramref name="timeout"/>, or when the call's
    /// token is. Call <see cref="EndAttempt"/> when the attempt is over.
    /// </summary>
    public CancellationToken BeginAttempt(TimeSpan timeout)
    {
        _attemptTimeout = timeout;
        if (_attempt is { } reused)
        {
            TimerSourcePool.Arm(reused, timeout);
            return reused.Token;
        }

        var source = _pool.Rent(timeout);
        _attempt = source;
        _attemptLink = TimerSourcePool.Link(source, _call.Token);
        return source.Token;
    }

    /// <summary>
    /// What the attempt begun last ended with, as the retry rule and the error mapping expect it: an
    /// <see cref="OperationCanceledException"/> caused by the attempt's own time running out (not the call's, not the
    /// caller's) becomes a <see cref="TimeoutRejectedException"/>. Call it before <see cref="EndAttempt"/>.
    /// </summary>
    public Exception AttemptException(Exception exception)
    {
        if (_attempt is { IsCancellationRequested: true } && exception is OperationCanceledException cancelled && !_call.IsCancellationRequested)
        {
            return new TimeoutRejectedException("The operation didn't complete within the allowed timeout of '" + _attemptTimeout + "'.", _attemptTimeout, cancelled);
        }

        return exception;
    }

    /// <summary>
    /// Ends the attempt begun last: its source is reset for the next attempt (timer stopped, registrations dropped), or
    /// given back and replaced at the next attempt when it cannot be reset (it was cancelled or its timer fired).
    /// </summary>
    public void EndAttempt()
    {
        if (_attempt is { } source && !_pool.TryReset(source))
        {
            DropAttempt();
        }
    }

    public void Dispose()
    {
        DropAttempt();
        _callerLink.Dispose();
        _pool.Return(_call);
    }

    private void DropAttempt()
    {
        if (_attempt is { } source)
        {
            _attempt = null;
            _attemptLink.Dispose();
            _attemptLink = default;
            _pool.Return(source);
        }
    }
}
