using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Signant.InstantSign.Soap;

/// <summary>
/// Passes a cancellation token to every asynchronous read and write of an inner stream, because
/// <see cref="System.Xml.XmlReader"/> and <see cref="System.Xml.XmlWriter"/> async methods take none. Does not own the inner stream.
/// With <c>fillReads</c> (net8.0 and later), an asynchronous read returns only when the caller's buffer is full or the
/// stream has ended: the async <see cref="System.Xml.XmlReader"/> then parses 64 KB blocks instead of every few
/// kilobytes the network delivers, and allocates its per-read tasks and state machines that much less often.
/// </summary>
internal sealed class TokenStream : Stream
{
    private readonly Stream _inner;
    private readonly CancellationToken _token;
    private readonly bool _fillReads;

    public TokenStream(Stream inner, CancellationToken token, bool fillReads = false)
    {
        _inner = inner;
        _token = token;
        _fillReads = fillReads;
    }

    public override bool CanRead => _inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => _inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() => _inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(_token);

    public override int Read(byte[] buffer, int offset, int count)
    {
        _token.ThrowIfCancellationRequested();
        return _inner.Read(buffer, offset, count);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _inner.ReadAsync(buffer, offset, count, _token);

#if NET
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _fillReads ? FillAsync(buffer) : _inner.ReadAsync(buffer, _token);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _inner.WriteAsync(buffer, _token);
#endif

    public override void Write(byte[] buffer, int offset, int count)
    {
        _token.ThrowIfCancellationRequested();
        _inner.Write(buffer, offset, count);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _inner.WriteAsync(buffer, offset, count, _token);

#if NET
    // Pooled builder: a read that has to wait for the network allocates no state machine box.
    [System.Runtime.CompilerServices.AsyncMethodBuilder(typeof(System.Runtime.CompilerServices.PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> FillAsync(Memory<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int read = await _inner.ReadAsync(buffer.Slice(total), _token).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
#endif

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
