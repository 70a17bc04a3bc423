using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Core;

/// <summary>
/// A document being downloaded: the body streams from the network as it is read, never buffered whole. Dispose
/// it (or read it to the end and dispose it) to release the connection.
/// </summary>
public sealed class SigningDownload : IDisposable, IAsyncDisposable
{
    /// <summary>Creates a download over a stream.</summary>
    /// <param name="content">The body stream; owned by this object.</param>
    /// <param name="contentType">The full content type, if known.</param>
    /// <param name="contentLength">The length in bytes, if known.</param>
    /// <param name="fileName">The file name the provider suggested, if any.</param>
    public SigningDownload(Stream content, string? contentType, long? contentLength, string? fileName)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
        ContentType = contentType;
        ContentLength = contentLength;
        FileName = fileName;
    }

    /// <summary>The body; read it once. Read failures surface as <see cref="SigningApiException"/>.</summary>
    public Stream Content { get; }

    /// <summary>The content type the provider sent (for example <c>application/pdf</c> or <c>application/zip</c>).</summary>
    public string? ContentType { get; }

    /// <summary>The length in bytes, when the provider declared it.</summary>
    public long? ContentLength { get; }

    /// <summary>The file name the provider suggested, if any.</summary>
    public string? FileName { get; }

    /// <summary>Copies the whole body into <paramref name="destination"/> with a small fixed buffer.</summary>
    /// <param name="destination">The caller's stream (not disposed).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The number of bytes copied.</returns>
    public async Task<long> CopyToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        if (destination is null)
        {
            throw new ArgumentNullException(nameof(destination));
        }

        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await Content.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await destination.WriteAsync(buffer, 0, read, cancellationToken).ConfigureAwait(false);
            total += read;
        }

        return total;
    }

    /// <summary>
    /// Saves the whole body to <paramref name="path"/> safely: it is written to a temporary file beside the target,
    /// checked against <see cref="ContentLength"/> when the provider declared one, flushed to disk and only then moved
    /// into place in one step. When anything fails (a broken connection, a short body, cancellation) the temporary
    /// file is deleted and <paramref name="path"/> is left as it was, so a partial or unsigned document never appears
    /// there. Prefer this over copying to a <see cref="FileStream"/> by hand.
    /// </summary>
    /// <param name="path">The file to create.</param>
    /// <param name="overwrite">Whether an existing file may be replaced. Default <see langword="false"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The number of bytes saved.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file exists and <paramref name="overwrite"/> is <see langword="false"/>.</exception>
    /// <exception cref="SigningApiException">The download failed or ended short of its declared length.</exception>
    public async Task<long> SaveToFileAsync(string path, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        using var file = AtomicFileWriter.Create(path, overwrite);
        long copied = await CopyToAsync(file.Stream, cancellationToken).ConfigureAwait(false);
        if (ContentLength is long expected && copied != expected)
        {
            throw new SigningApiException("SigningClients", "SaveToFile", 0, SigningFailureKind.IntegrityFailure,
                providerMessage: "The download ended after " + copied + " of " + expected + " bytes; the file was not written", isTransient: true);
        }

        return await file.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => Content.Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Content.Dispose();
        return default;
    }
}
