using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;

namespace Signant.InstantSign.Soap;

/// <summary>
/// A small SOAP answer (no file) read completely into a pooled buffer, so that it can be parsed with a synchronous
/// <see cref="XmlReader"/>: no blocking on the network, no async reader (whose 64 K-character buffer and per-node
/// tasks cost more than the answer itself). Bounded: an answer over the limit is rejected while it is read.
/// Dispose it to return the buffer.
/// </summary>
internal sealed class BufferedBody : IDisposable
{
    private const int InitialSize = 16 * 1024;
    private byte[]? _buffer;
    private readonly int _length;

    private BufferedBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>Reads <paramref name="body"/> to its end; more than <paramref name="maxBytes"/> bytes is an <see cref="XmlException"/>.</summary>
    public static async Task<BufferedBody> ReadAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        int limit = (int)Math.Min(maxBytes, int.MaxValue - 1);
        var pool = ArrayPool<byte>.Shared;
        byte[] buffer = pool.Rent(Math.Min(InitialSize, limit + 1));
        int length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = pool.Rent((int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    pool.Return(buffer);
                    buffer = larger;
                }

                int read = await body.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new BufferedBody(buffer, length);
                }

                length += read;
                if (length > limit)
                {
                    throw new XmlException("The response is larger than the limit of " + limit + " bytes (SignantClientOptions.MaxResponseCharacters).");
                }
            }
        }
        catch
        {
            pool.Return(buffer);
            throw;
        }
    }

    /// <summary>The bytes read, as a read-only stream.</summary>
    public Stream AsStream() => new MemoryStream(_buffer ?? throw new ObjectDisposedException(nameof(BufferedBody)), 0, _length, writable: false);

    /// <inheritdoc />
    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
