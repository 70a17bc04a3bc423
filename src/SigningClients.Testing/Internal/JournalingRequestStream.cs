using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Testing.Internal;

/// <summary>
/// Wraps the request body: everything the route reads passes through unchanged while the first
/// <c>limit</c> bytes are copied aside for the journal and the total length is counted. Nothing beyond the limit is kept.
/// </summary>
internal sealed class JournalingRequestStream : Stream
{
    private const int DrainBufferSize = 64 * 1024;

    private readonly Stream _inner;
    private readonly int _limit;
    private byte[] _captured = Array.Empty<byte>();
    private int _capturedLength;
    private long _totalLength;
    private bool _completed;

    public JournalingRequestStream(Stream inner, int limit)
    {
        _inner = inner;
        _limit = limit;
    }

    public long TotalLength => _totalLength;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public byte[] GetCapturedBytes() => _captured.AsSpan(0, _capturedLength).ToArray();

    /// <summary>Reads (and records) whatever the route left unread, so the journal sees the whole body.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (_completed)
        {
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(DrainBufferSize);
        try
        {
            while (await ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        Record(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Record(buffer.Span[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Record(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0)
        {
            _completed = true;
            return;
        }

        _totalLength += data.Length;
        var keep = Math.Min(data.Length, _limit - _capturedLength);
        if (keep <= 0)
        {
            return;
        }

        var needed = _capturedLength + keep;
        if (needed > _captured.Length)
        {
            var size = Math.Min(_limit, Math.Max(needed, Math.Max(4096, _captured.Length * 2)));
            Array.Resize(ref _captured, size);
        }

        data[..keep].CopyTo(_captured.AsSpan(_capturedLength));
        _capturedLength += keep;
    }
}
