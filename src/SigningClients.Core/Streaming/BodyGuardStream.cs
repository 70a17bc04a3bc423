using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Core.Streaming;

/// <summary>
/// A read-only view of a response body that bounds what the body may cost: no read waits longer than the idle timeout
/// for the next bytes (a body that stalls after the headers), and no more than a maximum number of bytes is handed
/// out (an endless body). Both end the read with the exception the owner supplies.
/// </summary>
internal sealed class BodyGuardStream : ForwardReadStream
{
    private readonly Stream _inner;
    private readonly TimeSpan _idleTimeout;
    private readonly long _maxBytes;
    private readonly Func<Exception> _onIdle;
    private readonly Func<long, Exception> _onTooLarge;
    private readonly CancellationTokenSource? _idle;
    private long _total;

    /// <param name="inner">The raw body.</param>
    /// <param name="idleTimeout">Longest wait for the next bytes; <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="maxBytes">Most bytes the body may have; negative for no limit.</param>
    /// <param name="onIdle">Builds the exception for a stalled body.</param>
    /// <param name="onTooLarge">Builds the exception for a body over <paramref name="maxBytes"/> (given the limit).</param>
    public BodyGuardStream(Stream inner, TimeSpan idleTimeout, long maxBytes, Func<Exception> onIdle, Func<long, Exception> onTooLarge)
    {
        _inner = inner;
        _idleTimeout = idleTimeout;
        _maxBytes = maxBytes;
        _onIdle = onIdle;
        _onTooLarge = onTooLarge;
        _idle = idleTimeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource();
    }

    public long BytesRead => _total;

    public override long Position => _total;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_idle is null)
        {
            return Count(_inner.Read(buffer, offset, Cap(count)));
        }

        ThrowIfIdle();

        // A synchronous read cannot be cancelled: on idle timeout the body is closed, which ends the blocked read.
        using var registration = _idle.Token.Register(static s => ((Stream)s!).Dispose(), _inner);
        _idle.CancelAfter(_idleTimeout);
        try
        {
            int read = _inner.Read(buffer, offset, Cap(count));
            _idle.CancelAfter(Timeout.Infinite);
            return Count(read);
        }
        catch (Exception) when (_idle.IsCancellationRequested)
        {
            throw _onIdle();
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
            _idle?.Dispose();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var slice = buffer.Slice(0, Cap(buffer.Length));
        if (_idle is null)
        {
            return Count(await ReadInnerAsync(slice, cancellationToken).ConfigureAwait(false));
        }

        ThrowIfIdle();
        CancellationTokenSource? linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _idle.Token) : null;
        try
        {
            _idle.CancelAfter(_idleTimeout);
            int read = await ReadInnerAsync(slice, linked?.Token ?? _idle.Token).ConfigureAwait(false);
            _idle.CancelAfter(Timeout.Infinite);
            return Count(read);
        }
        catch (Exception) when (_idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw _onIdle();
        }
        finally
        {
            linked?.Dispose();
        }
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

    private void ThrowIfIdle()
    {
        if (_idle!.IsCancellationRequested)
        {
            throw _onIdle();
        }
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
            throw _onTooLarge(_maxBytes);
        }

        return read;
    }
}
