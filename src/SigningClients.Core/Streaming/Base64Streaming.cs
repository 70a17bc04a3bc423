using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;

namespace SigningClients.Core.Streaming;

/// <summary>
/// Base64 of a caller's stream written in chunks into a request body — a JSON string, an XML element — so a document
/// is never held whole in memory. Chunks are filled completely (a multiple of 3 bytes) before they are encoded, so
/// they concatenate into one base64 text without padding in the middle.
/// </summary>
public static class Base64Streaming
{
    /// <summary>Raw bytes per chunk: 48 KiB, a multiple of 3.</summary>
    internal const int ChunkSize = 3 * 16 * 1024;

    /// <summary>Writes the base64 text of <paramref name="source"/> (read to its end) into <paramref name="output"/>.</summary>
    /// <param name="source">The bytes to encode; not disposed.</param>
    /// <param name="output">Where the ASCII base64 text goes.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task that completes when <paramref name="source"/> is written.</returns>
    public static Task CopyAsBase64Async(Stream source, Stream output, CancellationToken cancellationToken = default)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        return ForEachChunkAsync(
            source,
            async (chunk, length, ct) =>
            {
                byte[] encoded = Encoding.ASCII.GetBytes(Convert.ToBase64String(chunk, 0, length));
                await output.WriteAsync(encoded, 0, encoded.Length, ct).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <summary>Writes <paramref name="source"/> (read to its end) as the base64 content of the element <paramref name="writer"/> has open.</summary>
    /// <param name="writer">An async XML writer, inside the element.</param>
    /// <param name="source">The bytes to encode; not disposed.</param>
    /// <param name="cancellationToken">Cancellation (between chunks; <see cref="XmlWriter"/> takes none).</param>
    /// <returns>A task that completes when <paramref name="source"/> is written.</returns>
    public static Task WriteBase64Async(XmlWriter writer, Stream source, CancellationToken cancellationToken = default)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        return ForEachChunkAsync(source, (chunk, length, _) => writer.WriteBase64Async(chunk, 0, length), cancellationToken);
    }

    private static async Task ForEachChunkAsync(Stream source, Func<byte[], int, CancellationToken, Task> writeChunk, CancellationToken cancellationToken)
    {
        if (source is null)
        {
            throw new ArgumentNullException(nameof(source));
        }

        var buffer = new byte[ChunkSize];
        while (true)
        {
            int filled = 0;
            while (filled < buffer.Length)
            {
                int read = await source.ReadAsync(buffer, filled, buffer.Length - filled, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }

            if (filled > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await writeChunk(buffer, filled, cancellationToken).ConfigureAwait(false);
            }

            if (filled < buffer.Length)
            {
                return;
            }
        }
    }
}
