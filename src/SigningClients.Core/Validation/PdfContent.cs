using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Core.Validation;

/// <summary>
/// The one PDF check every provider uses where the provider requires a PDF: the content must start with the PDF header
/// <c>%PDF-</c> (ISO 32000 §7.5.2). Non-PDF content is refused with an <see cref="ArgumentException"/> before any
/// request is sent, so a wrong file never reaches the provider (which would answer with a 400 or, worse, accept it).
/// </summary>
/// <remarks>
/// Streams are checked without losing a byte: a seekable stream is read and put back at its position; a non-seekable
/// stream is peeked and <see cref="EnsurePdfAsync"/> returns a stream that replays the peeked bytes and then the rest.
/// </remarks>
public static class PdfContent
{
    private static readonly byte[] Header = { (byte)'%', (byte)'P', (byte)'D', (byte)'F', (byte)'-' };

    /// <summary>The number of bytes the check reads (the length of <c>%PDF-</c>).</summary>
    public static int HeaderLength => Header.Length;

    /// <summary>Whether <paramref name="content"/> starts with the PDF header <c>%PDF-</c>.</summary>
    /// <param name="content">The bytes, or their first bytes.</param>
    /// <returns><see langword="true"/> when the header is present.</returns>
    public static bool HasPdfHeader(byte[]? content) => content is not null && StartsWithHeader(content, content.Length);

    /// <summary>Refuses bytes that are not a PDF.</summary>
    /// <param name="content">The document bytes.</param>
    /// <param name="paramName">The caller's parameter name, reported in the exception.</param>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    /// <exception cref="ArgumentException">The bytes do not start with <c>%PDF-</c>.</exception>
    public static void EnsurePdf(byte[] content, string paramName)
    {
        if (content is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (!HasPdfHeader(content))
        {
            throw NotPdf(paramName, content.Length);
        }
    }

    /// <summary>
    /// Reads the first bytes of <paramref name="content"/>, refuses it unless it starts with <c>%PDF-</c>, and returns
    /// the stream to send: <paramref name="content"/> itself put back at its position when it is seekable, otherwise a
    /// read-only wrapper that yields the peeked bytes and then the rest of <paramref name="content"/> (which it never
    /// disposes). Send the returned stream, not <paramref name="content"/>.
    /// </summary>
    /// <param name="content">The document, positioned at its first byte; not disposed.</param>
    /// <param name="paramName">The caller's parameter name, reported in the exception.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A stream that yields the whole document from its first byte.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    /// <exception cref="ArgumentException">The stream is not readable, or its content does not start with <c>%PDF-</c>.</exception>
    public static async Task<Stream> EnsurePdfAsync(Stream content, string paramName, CancellationToken cancellationToken = default)
    {
        if (content is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (!content.CanRead)
        {
            throw new ArgumentException("The document stream must be readable.", paramName);
        }

        long start = content.CanSeek ? content.Position : -1;
        var head = new byte[Header.Length];
        int read = 0;
        while (read < head.Length)
        {
            int n = await content.ReadAsync(head, read, head.Length - read, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        if (start >= 0)
        {
            content.Position = start;
        }

        if (!StartsWithHeader(head, read))
        {
            throw NotPdf(paramName, read);
        }

        return start >= 0 ? content : new PrefixedStream(head, read, content);
    }

    private static ArgumentException NotPdf(string paramName, int length) =>
        new(length == 0
                ? "The document is empty; a PDF (starting with %PDF-) is required."
                : "The document is not a PDF: its content does not start with the PDF header %PDF-. Only PDF documents can be sent to this provider.",
            paramName);

    private static bool StartsWithHeader(byte[] bytes, int length)
    {
        if (length < Header.Length)
        {
            return false;
        }

        for (int i = 0; i < Header.Length; i++)
        {
            if (bytes[i] != Header[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A read-only, forward-only stream: bytes already read, then the rest of the caller's stream (never disposed).</summary>
    private sealed class PrefixedStream : SigningClients.Core.Streaming.ForwardReadStream
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
        public override int Read(Span<byte> buffer)
        {
            int remaining = _prefixLength - _prefixPosition;
            if (remaining > 0 && buffer.Length > 0)
            {
                int n = Math.Min(remaining, buffer.Length);
                _prefix.AsSpan(_prefixPosition, n).CopyTo(buffer);
                _prefixPosition += n;
                return n;
            }

            return _inner.Read(buffer);
        }

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
