using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ConsignO.Workflows;

/// <summary>Recognizes a PDF by its magic bytes <c>%PDF-</c> without consuming the caller's stream.</summary>
internal static class PdfSignature
{
    private static readonly byte[] Magic = { (byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-' };

    public static bool IsPdf(byte[] bytes) => bytes is not null && StartsWithMagic(bytes, bytes.Length);

    /// <summary>
    /// Reads the first bytes of <paramref name="stream"/> and returns a stream that yields the whole content from its
    /// start: the same stream rewound when it is seekable, otherwise a wrapper replaying the bytes read first.
    /// </summary>
    public static async Task<(bool IsPdf, Stream Content)> PeekAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new byte[Magic.Length];
        long start = stream.CanSeek ? stream.Position : -1;
        int read = 0;
        while (read < head.Length)
        {
            int n = await stream.ReadAsync(head, read, head.Length - read, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        bool isPdf = StartsWithMagic(head, read);
        if (start >= 0)
        {
            stream.Position = start;
            return (isPdf, stream);
        }

        return (isPdf, new PrefixedStream(head, read, stream));
    }

    private static bool StartsWithMagic(byte[] bytes, int length)
    {
        if (length < Magic.Length)
        {
            return false;
        }

        for (int i = 0; i < Magic.Length; i++)
        {
            if (bytes[i] != Magic[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A read-only, forward-only stream: some bytes already read, then the rest of the caller's stream (not disposed).</summary>
    private sealed class PrefixedStream : Stream
    {
        private readonly byte[] _prefix;
        private readonly int _prefixLength;
        private readonly Stream _inner;
        private int _prefixPosition;

        public PrefixedStream(byte[] prefix, int prefixLength, Stream inner)
        {
            _prefix = prefix;
            _prefixLength = prefixLength;
            _inner = inner;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int fromPrefix = CopyPrefix(buffer, offset, count);
            return fromPrefix > 0 ? fromPrefix : _inner.Read(buffer, offset, count);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            int fromPrefix = CopyPrefix(buffer, offset, count);
            return fromPrefix > 0 ? Task.FromResult(fromPrefix) : _inner.ReadAsync(buffer, offset, count, cancellationToken);
        }

#if NET
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int remaining = _prefixLength - _prefixPosition;
            if (remaining > 0 && buffer.Length > 0)
            {
                int n = Math.Min(remaining, buffer.Length);
                _prefix.AsSpan(_prefixPosition, n).CopyTo(buffer.Span);
                _prefixPosition += n;
                return new ValueTask<int>(n);
            }

            return _inner.ReadAsync(buffer, cancellationToken);
        }
#endif

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int CopyPrefix(byte[] buffer, int offset, int count)
        {
            int remaining = _prefixLength - _prefixPosition;
            if (remaining <= 0 || count == 0)
            {
                return 0;
            }

            int n = Math.Min(remaining, count);
            Buffer.BlockCopy(_prefix, _prefixPosition, buffer, offset, n);
            _prefixPosition += n;
            return n;
        }
    }
}
