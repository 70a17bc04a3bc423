using System;
using System.Threading;

namespace SigningClients.Core.Pipeline;

/// <summary>
/// Cancellation sources that cancel themselves after a delay (the call's total-time budget and the attempt timeout),
/// reused across calls where that is safe: on .NET 6 and later with the system clock, a source is given back only
/// after <c>CancellationTokenSource.TryReset</c> succeeded — it was never cancelled, its timer never fired and
/// its registrations are dropped — so nothing of one call can reach the next (the same rule Polly's own pool follows).
/// Any other clock (a test's fake one) or runtime gets a new source each time, disposed on return.
/// </summary>
internal sealed class TimerSourcePool
{
    /// <summary>The pool for <see cref="TimeProvider.System"/>, shared by every pipeline.</summary>
    public static readonly TimerSourcePool Shared = new(TimeProvider.System);

    // Enough for a few hundred calls in flight at once (a pooled source with its timer is ~200 bytes).
    private const int Capacity = 256;

    /// <summary>
    /// A registration callback that cancels the source it is given (the state), for linking a token to a source without
    /// a linked source; a source already disposed (its owner finished meanwhile) is left alone.
    /// </summary>
    private static readonly Action<object?> CancelSource = static state =>
    {
        try
        {
            ((CancellationTokenSource)state!).Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The owner finished while the cancellation was on its way: nothing left to cancel.
        }
    };

    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource?[]? _items;
    private int _count;

    private TimerSourcePool(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
#if NET6_0_OR_GREATER
        if (ReferenceEquals(timeProvider, TimeProvider.System))
        {
            _items = new CancellationTokenSource?[Capacity];
        }
#else
        _items = null;
#endif
    }

    /// <summary>The pool to use with <paramref name="timeProvider"/> (a pooling one only for the system clock).</summary>
    public static TimerSourcePool For(TimeProvider timeProvider) =>
        ReferenceEquals(timeProvider, TimeProvider.System) ? Shared : new TimerSourcePool(timeProvider);

    /// <summary>Whether sources are reused (else each <see cref="Rent"/> creates one).</summary>
    public bool Pools => _items is not null;

    /// <summary>A source that cancels itself after <paramref name="delay"/> (never when it is infinite).</summary>
    public CancellationTokenSource Rent(TimeSpan delay)
    {
        if (!Pools)
        {
#if NET8_0_OR_GREATER
            return new CancellationTokenSource(Clamp(delay), _timeProvider);
#else
            return global::System.Threading.Tasks.TimeProviderTaskExtensions.CreateCancellationTokenSource(_timeProvider, Clamp(delay));
#endif
        }

        CancellationTokenSource? source = null;
        lock (_items!)
        {
            if (_count > 0)
            {
                source = _items[--_count];
                _items[_count] = null;
            }
        }

        source ??= new CancellationTokenSource();
        Arm(source, delay);
        return source;
    }

    /// <summary>
    /// Sets <paramref name="source"/> (rented here) to cancel itself after <paramref name="delay"/>, for its next use.
    /// </summary>
    public static void Arm(CancellationTokenSource source, TimeSpan delay)
    {
        if (delay != Timeout.InfiniteTimeSpan)
        {
            source.CancelAfter(Clamp(delay));
        }
    }

    /// <summary>
    /// Makes <paramref name="source"/> reusable by its holder: its timer stopped, its registrations dropped. Returns
    /// <see langword="false"/> when it cannot be (it was cancelled or its timer fired, or this pool does not reuse
    /// sources); the holder then returns it and rents a new one.
    /// </summary>
    public bool TryReset(CancellationTokenSource source)
    {
#if NET6_0_OR_GREATER
        return Pools && source.TryReset();
#else
        // No TryReset before .NET 6: sources are never pooled there (Pools is false).
        return Pools && source is not null;
#endif
    }

    /// <summary>Gives <paramref name="source"/> back: kept for another call when it can be reset, else disposed.</summary>
    public void Return(CancellationTokenSource source)
    {
        if (TryReset(source))
        {
            lock (_items!)
            {
                if (_count < _items.Length)
                {
                    _items[_count++] = source;
                    return;
                }
            }
        }

        source.Dispose();
    }

    /// <summary>
    /// Makes <paramref name="token"/> cancel <paramref name="source"/> until the registration is disposed (at once when
    /// it already is cancelled): a link without a linked source.
    /// </summary>
    public static CancellationTokenRegistration Link(CancellationTokenSource source, CancellationToken token)
    {
        if (token.IsCancellationRequested)
        {
            source.Cancel();
            return default;
        }

#if NET
        return token.UnsafeRegister(CancelSource, source);
#else
        return token.Register(CancelSource, source);
#endif
    }

    // CancelAfter takes at most int.MaxValue milliseconds (~24.8 days); a longer timeout is as good as none.
    private static TimeSpan Clamp(TimeSpan delay) =>
        delay == Timeout.InfiniteTimeSpan || delay.TotalMilliseconds <= int.MaxValue ? delay : Timeout.InfiniteTimeSpan;
}
