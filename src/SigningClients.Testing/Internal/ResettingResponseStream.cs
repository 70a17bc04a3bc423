using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Testing.Internal;

/// <summary>
/// Passes the route's response through to the real body (no buffering, any size) until a byte budget is spent,
/// then flushes what was sent and aborts the connection. Later writes fail like writes to a reset socket.
/// </summary>
internal sealed class ResettingResponseStream : Stream
{
    internal const long DefaultBudget = 64 * 1024;

    private readonly Stream _inner;
    private readonly RequestRecording _recording;
    private readonly long? _afterBytes;
    private long _budget = -1;
    private long _written;
    private bool _reset;

    public ResettingResponseStream(Stream inner, RequestRecording recording, long? afterBytes)
    {
        _inner = inner;
        _recording = recording;
        _afterBytes = afterBytes;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Called when the route has finished: a response shorter than the budget is cut at its end.</summary>
    public async Task ResetAtEndAsync()
    {
        if (!_reset)
        {
            await ResetAsync().ConfigureAwait(false);
        }
    }

    public override void Flush() => throw SyncNotAllowed();

    public override Task FlushAsync(CancellationToken cancellationToken)
        => _reset ? Task.FromException(ResetException()) : _inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw SyncNotAllowed();

    public override void Write(ReadOnlySpan<byte> buffer) => throw SyncNotAllowed();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_reset)
        {
            throw ResetException();
        }

        if (_budget < 0)
        {
            _budget = ComputeBudget();
        }

        var allowed = _budget - _written;
        if (buffer.Length < allowed)
        {
            await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            _written += buffer.Length;
            return;
        }

        if (allowed > 0)
        {
            await _inner.WriteAsync(buffer[..(int)allowed], cancellationToken).ConfigureAwait(false);
            _written += allowed;
        }

        await ResetAsync().ConfigureAwait(false);
        throw ResetException();
    }

    private static InvalidOperationException SyncNotAllowed()
        => new("Synchronous operations are disallowed. Call WriteAsync or set AllowSynchronousIO to true instead.");

    private static IOException ResetException() => new("The connection was reset by a simulated fault (ResetMidBody).");

    private long ComputeBudget()
    {
        if (_afterBytes is { } afterBytes)
        {
            return afterBytes;
        }

        var contentLength = _recording.HttpContext.Response.ContentLength;
        return contentLength is { } length ? Math.Min(length / 2, DefaultBudget) : DefaultBudget;
    }

    private async Task ResetAsync()
    {
        _reset = true;
        await _recording.CutResponseAsync(_inner).ConfigureAwait(false);
    }
}
