using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Testing.Internal;

/// <summary>
/// Stands in for the response body while a fault holds the route's response back: either keeps the bytes
/// (to re-send them truncated) or only counts them (when they are discarded).
/// </summary>
internal sealed class ResponseCaptureStream : Stream
{
    private readonly MemoryStream? _buffer;
    private long _length;

    public ResponseCaptureStream(bool keepBytes) => _buffer = keepBytes ? new MemoryStream() : null;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public byte[] ToArray() => _buffer?.ToArray() ?? Array.Empty<byte>();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _buffer?.Write(buffer);
        _length += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _buffer?.Dispose();
        }

        base.Dispose(disposing);
    }
}
