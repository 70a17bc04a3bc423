using System;
using System.IO;
using System.Text;

namespace SigningClients.Benchmarks.Infrastructure;

/// <summary>
/// Deterministic PDF-like content of any length, produced on the fly: <c>%PDF-1.7</c> header, filler bytes that depend
/// only on the position, <c>%%EOF</c> trailer. Nothing of the document is ever held in memory.
/// </summary>
internal static class GeneratedPdf
{
    private static readonly byte[] Header = Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\nstream\n");
    private static readonly byte[] Trailer = Encoding.ASCII.GetBytes("\nendstream\n%%EOF\n");

    /// <summary>Minimum length (header + trailer).</summary>
    public static int MinimumLength => Header.Length + Trailer.Length;

    /// <summary>Fills <paramref name="destination"/> with the bytes at <paramref name="position"/> of a document of <paramref name="length"/> bytes.</summary>
    public static void Fill(long position, long length, Span<byte> destination)
    {
        long trailerStart = length - Trailer.Length;
        for (int i = 0; i < destination.Length; i++)
        {
            long p = position + i;
            if (p < Header.Length)
            {
                destination[i] = Header[p];
            }
            else if (p >= trailerStart)
            {
                destination[i] = Trailer[p - trailerStart];
            }
            else
            {
                // Printable filler that compresses poorly enough to look like content.
                destination[i] = (byte)(33 + (int)((p * 2654435761L >> 7) % 90));
            }
        }
    }
}

/// <summary>A seekable, read-only stream over <see cref="GeneratedPdf"/> content (for uploads).</summary>
internal sealed class GeneratedPdfStream : Stream
{
    private readonly long _length;
    private long _position;

    public GeneratedPdfStream(long length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, GeneratedPdf.MinimumLength);
        _length = length;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => _position = value < 0 || value > _length ? throw new ArgumentOutOfRangeException(nameof(value)) : value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = (int)Math.Min(buffer.Length, _length - _position);
        if (n <= 0)
        {
            return 0;
        }

        GeneratedPdf.Fill(_position, _length, buffer.Slice(0, n));
        _position += n;
        return n;
    }

    public override System.Threading.Tasks.ValueTask<int> ReadAsync(Memory<byte> buffer, System.Threading.CancellationToken cancellationToken = default) =>
        new(Read(buffer.Span));

    public override System.Threading.Tasks.Task<int> ReadAsync(byte[] buffer, int offset, int count, System.Threading.CancellationToken cancellationToken) =>
        System.Threading.Tasks.Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => _length + offset,
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A write-only sink that counts bytes (download destination that keeps nothing).</summary>
internal sealed class CountingStream : Stream
{
    public long Count { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Count;

    public override long Position
    {
        get => Count;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Count += count;

    public override void Write(ReadOnlySpan<byte> buffer) => Count += buffer.Length;

    public override System.Threading.Tasks.ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, System.Threading.CancellationToken cancellationToken = default)
    {
        Count += buffer.Length;
        return default;
    }

    public override System.Threading.Tasks.Task WriteAsync(byte[] buffer, int offset, int count, System.Threading.CancellationToken cancellationToken)
    {
        Count += count;
        return System.Threading.Tasks.Task.CompletedTask;
    }
}
