using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Core.Streaming;

/// <summary>Builds the exceptions a guarded body ends with (the response that owns the body).</summary>
internal interface IBodyGuardFailures
{
    /// <summary>The body stalled longer than the idle timeout.</summary>
    Exception Stalled(TimeSpan idleTimeout);

    /// <summary>The body is larger than <paramref name="limit"/> bytes.</summary>
    Exception TooLarge(long limit);
}

/// <summary>
/// A read-only view of a response body that bounds what the body may cost: no read waits longer than the idle timeout
/// for the next bytes (a body that stalls after the headers), and no more than a maximum number of bytes is handed
/// out (an endless body). Both end the read with the exception the owner supplies.
/// </summary>
/// <remarks>
/// The idle timer costs nothing for reads the inner stream completes at once (the usual case for a small answer whose
/// bytes arrived with the headers): it is armed only while a read is pending. The read passes one token source of the
/// stream's own, which the caller's token cancels through a registration for the time of the read (no linked source
/// per read).
/// </remarks>
internal sealed class BodyGuardStream : ForwardReadStream
{
    private readonly Stream _inner;
    private readonly TimeSpan _idleTimeout;
    private readonly long _maxBytes;
    private readonly IBodyGuardFailures _failures;
    private CancellationTokenSource? _idle;
    private long _total;

    /// <param name="inner">The raw body.</param>
    /// <param name="idleTimeout">Longest wait for the next bytes; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="maxBytes">Most bytes the body may have; negative for no limit.</param>
    /// <param name="failures">Builds the exceptions for a stalled body and for a body over <paramref name="maxBytes"/>.</param>
    public BodyGuardStream(Stream inner, TimeSpan idleTimeout, long maxBytes, IBodyGuardFailures failures)
    {
        _inner = inner;
        _idleTimeout = idleTimeout;
        _maxBytes = maxBytes;
        _failures = failures;
    }

    public long BytesRead => _total;

    public override long Position => _total;

    private bool Timed => _idleTimeout != Timeout.InfiniteTimeSpan;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (!Timed)
        {
            return Count(_inner.Read(buffer, offset, Cap(count)));
        }

        var idle = IdleSource();

        // A synchronous read cannot be cancelled: on idle timeout the body is closed, which ends the blocked read.
        using var registration = idle.Token.Register(static s => ((Stream)s!).Dispose(), _inner);
        idle.CancelAfter(_idleTimeout);
        try
        {
            int read = _inner.Read(buffer, offset, Cap(count));
            idle.CancelAfter(Timeout.Infinite);
            return Count(read);
        }
        catch (Exception) when (idle.IsCancellationRequested)
        {
            throw _failures.Stalled(_idleTimeout);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadCoreAsync(new Memory<byte>(buffer, offset, count), cancellationToken).AsTask();

#if NET
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ReadCoreAsync(buffer, cancellationToken);
#endif

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_idle is { } idle)
            {
                _idle = null;
                Pipeline.TimerSourcePool.Shared.Return(idle);
            }

            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var slice = buffer.Slice(0, Cap(buffer.Length));
        if (!Timed)
        {
            return Count(await ReadInnerAsync(slice, cancellationToken).ConfigureAwait(false));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var idle = IdleSource();

        // The caller's token cancels the stream's source for the time of this read only.
        var link = cancellationToken.CanBeCanceled ? Pipeline.TimerSourcePool.Link(idle, cancellationToken) : default;
        try
        {
            var pending = ReadInnerAsync(slice, idle.Token);
            if (pending.IsCompleted)
            {
                return Count(await pending.ConfigureAwait(false));
            }

            idle.CancelAfter(_idleTimeout);
            int read = await pending.ConfigureAwait(false);
            idle.CancelAfter(Timeout.Infinite);
            return Count(read);
        }
        catch (Exception) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw _failures.Stalled(_idleTimeout);
        }
        finally
        {
            link.Dispose();
            if (idle.IsCancellationRequested && cancellationToken.IsCancellationRequested)
            {
                // Cancelled by the caller, not the timer: a later read starts with a fresh source.
                _idle = null;
                Pipeline.TimerSourcePool.Shared.Return(idle);
            }
        }
    }

    // Created on the first timed read; once the timer has cancelled it, every later read reports the stall.
    private CancellationTokenSource IdleSource()
    {
        // From the shared pool (the idle timeout runs on the system clock): given back when the stream is disposed.
        var idle = _idle ??= Pipeline.TimerSourcePool.Shared.Rent(Timeout.InfiniteTimeSpan);
        if (idle.IsCancellationRequested)
        {
            throw _failures.Stalled(_idleTimeout);
        }

        return idle;
    }

    private ValueTask<int> ReadInnerAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
#if NET
        return _inner.ReadAsync(buffer, cancellationToken);
#else
        if (System.Runtime.InteropServices.MemoryMarshal.TryGetArray<byte>(buffer, out var segment))
        {
            return new ValueTask<int>(_inner.ReadAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken));
        }

        throw new NotSupportedException("Only array-backed buffers are supported.");
#endif
    }

    // Asks for at most one byte more than the limit allows, so that an over-long body is detected without reading much past it.
    private int Cap(int count)
    {
        if (_maxBytes < 0 || count == 0)
        {
            return count;
        }

        long room = _maxBytes - _total + 1;
        return room <= 0 ? 1 : (int)Math.Min(count, room);
    }

    private int Count(int read)
    {
        _total += read;
        if (_maxBytes >= 0 && _total > _maxBytes)
        {
            throw _failures.TooLarge(_maxBytes);
        }

        return read;
    }
}
