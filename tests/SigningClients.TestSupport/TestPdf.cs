using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.TestSupport;

/// <summary>Sample PDF documents: a small valid one, and large generated ones that are never held in memory.</summary>
public static class TestPdf
{
    private static readonly byte[] Header = Encoding.Latin1.GetBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
    private static readonly byte[] Trailer = Encoding.ASCII.GetBytes("\n%%EOF\n");

    /// <summary>The first bytes of every document from <see cref="CreateLarge"/>: <c>%PDF-1.7</c> and a binary comment line.</summary>
    public static ReadOnlySpan<byte> LargeHeader => Header;

    /// <summary>The last bytes of every document from <see cref="CreateLarge"/> (when it is long enough to hold them).</summary>
    public static ReadOnlySpan<byte> LargeTrailer => Trailer;

    /// <summary>
    /// Creates a small, valid one-page PDF 1.4 (catalog, pages, page, content stream, Helvetica) showing
    /// <paramref name="text"/>, with an exact cross-reference table. The output is deterministic.
    /// </summary>
    /// <param name="text">The text on the page (non-ASCII characters become <c>?</c>).</param>
    /// <returns>The PDF bytes.</returns>
    public static byte[] Create(string text = "Hello")
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\\' => "\\\\",
                '(' => "\\(",
                ')' => "\\)",
                _ when c is < ' ' or > '~' => "?",
                _ => c.ToString(),
            });
        }

        var content = "BT /F1 24 Tf 72 720 Td (" + escaped + ") Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            string.Create(CultureInfo.InvariantCulture, $"<< /Length {content.Length} >>\nstream\n{content}\nendstream"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };

        var pdf = new StringBuilder();
        pdf.Append("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n");
        pdf.Append("0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>
    /// Creates a stream of exactly <paramref name="size"/> bytes: <see cref="LargeHeader"/>, deterministic
    /// pseudo-random filler (a function of <paramref name="seed"/> and the position) and <see cref="LargeTrailer"/>.
    /// Bytes are generated on the fly; memory use is constant whatever the size. The same arguments always give the
    /// same bytes, so <see cref="Sha256OfLarge"/> knows the expected hash without generating a copy.
    /// </summary>
    /// <param name="size">The exact length in bytes.</param>
    /// <param name="seekable">
    /// <see langword="true"/> (default): the stream reports its length and supports seeking, so <c>StreamContent</c>
    /// sends a <c>Content-Length</c>. <see langword="false"/>: <c>CanSeek</c> is false and <c>Length</c> throws,
    /// like a network or pipe stream (uploads go chunked).
    /// </param>
    /// <param name="seed">Varies the filler.</param>
    /// <returns>A new read-only stream.</returns>
    public static Stream CreateLarge(long size, bool seekable = true, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        return new GeneratedPdfStream(size, seekable, seed);
    }

    /// <summary>The SHA-256 of what <see cref="CreateLarge"/> returns for the same arguments, computed on the fly.</summary>
    /// <param name="size">The length in bytes.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The hash.</returns>
    public static byte[] Sha256OfLarge(long size, int seed = 0)
    {
        using var stream = CreateLarge(size, seekable: false, seed);
        return Sha256Of(stream);
    }

    /// <summary>Hashes (SHA-256) a stream from its current position to its end in 80 KiB pieces, without buffering it.</summary>
    /// <param name="stream">The stream.</param>
    /// <returns>The hash.</returns>
    public static byte[] Sha256Of(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        return hash.GetHashAndReset();
    }

    /// <summary>Hashes (SHA-256) a stream asynchronously from its current position to its end, without buffering it.</summary>
    /// <param name="stream">The stream (e.g. an HTTP response body).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The hash and the number of bytes hashed.</returns>
    public static async Task<(byte[] Hash, long Length)> Sha256OfAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            length += read;
        }

        return (hash.GetHashAndReset(), length);
    }

    /// <summary>The SHA-256 of a byte array.</summary>
    /// <param name="data">The bytes.</param>
    /// <returns>The hash.</returns>
    public static byte[] Sha256Of(ReadOnlySpan<byte> data) => SHA256.HashData(data);

    private sealed class GeneratedPdfStream : Stream
    {
        private readonly long _size;
        private readonly bool _seekable;
        private readonly ulong _seed;
        private long _position;

        public GeneratedPdfStream(long size, bool seekable, int seed)
        {
            _size = size;
            _seekable = seekable;
            _seed = 0x9E3779B97F4A7C15UL * (ulong)(uint)(seed + 1);
        }

        public override bool CanRead => true;

        public override bool CanSeek => _seekable;

        public override bool CanWrite => false;

        public override long Length => _seekable ? _size : throw new NotSupportedException("This stream does not support seeking.");

        public override long Position
        {
            get => _seekable ? _position : throw new NotSupportedException("This stream does not support seeking.");
            set
            {
                if (!_seekable)
                {
                    throw new NotSupportedException("This stream does not support seeking.");
                }

                ArgumentOutOfRangeException.ThrowIfNegative(value);
                _position = value;
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var remaining = _size - _position;
            if (remaining <= 0 || buffer.Length == 0)
            {
                return 0;
            }

            var count = (int)Math.Min(buffer.Length, remaining);
            Fill(buffer[..count], _position);
            _position += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(Read(buffer.AsSpan(offset, count)));
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(Read(buffer.Span));
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            if (!_seekable)
            {
                throw new NotSupportedException("This stream does not support seeking.");
            }

            var target = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => _position + offset,
                SeekOrigin.End => _size + offset,
                _ => throw new ArgumentOutOfRangeException(nameof(origin)),
            };
            ArgumentOutOfRangeException.ThrowIfNegative(target, nameof(offset));
            _position = target;
            return target;
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private static ulong Mix(ulong z)
        {
            // SplitMix64 finalizer.
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        private void Fill(Span<byte> destination, long position)
        {
            var trailerStart = _size >= Header.Length + Trailer.Length ? _size - Trailer.Length : long.MaxValue;
            Span<byte> bytes = stackalloc byte[8];
            var i = 0;
            while (i < destination.Length)
            {
                var p = position + i;
                if (p < Header.Length)
                {
                    destination[i++] = Header[p];
                    continue;
                }

                if (p >= trailerStart)
                {
                    destination[i++] = Trailer[p - trailerStart];
                    continue;
                }

                // Filler: 8 bytes per 64-bit block, a pure function of the seed and the block index.
                var block = p >> 3;
                var offsetInBlock = (int)(p & 7);
                BinaryPrimitives.WriteUInt64LittleEndian(bytes, Mix(_seed + (ulong)block));
                var limit = Math.Min(trailerStart, (block + 1) << 3);
                var take = (int)Math.Min(limit - p, destination.Length - i);
                bytes.Slice(offsetInBlock, take).CopyTo(destination[i..]);
                i += take;
            }
        }
    }
}
