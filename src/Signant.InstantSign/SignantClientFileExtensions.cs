using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Signant.InstantSign.Models;
using SigningClients.Core;

namespace Signant.InstantSign;

/// <summary>Download-to-file helpers of <see cref="ISignantClient"/> that never leave a partial or unverified document on disk.</summary>
public static class SignantClientFileExtensions
{
    /// <summary>
    /// <see cref="ISignantClient.WaitForCompletionAndDownloadAsync"/> into a file: the document is written to a temporary
    /// file beside <paramref name="path"/>, its MD5 is verified against Signant's <c>FileHash</c>, it is flushed to disk
    /// and only then moved to <paramref name="path"/>. When the posting expires, or the download fails or does not
    /// verify, no file is created (an existing file is left untouched).
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="postingId">The posting id.</param>
    /// <param name="attachmentId">The attachment id.</param>
    /// <param name="path">The file to create.</param>
    /// <param name="options">Polling options; <see langword="null"/> for the defaults.</param>
    /// <param name="overwrite">Whether an existing file may be replaced. Default <see langword="false"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>How the wait ended; <see cref="InstantPostingOutcome.IsDownloaded"/> means the file is at <paramref name="path"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file exists and <paramref name="overwrite"/> is <see langword="false"/>.</exception>
    public static async Task<InstantPostingOutcome> WaitForCompletionAndDownloadToFileAsync(
        this ISignantClient client,
        Guid postingId,
        Guid attachmentId,
        string path,
        WaitForCompletionOptions? options = null,
        bool overwrite = false,
        CancellationToken cancellationToken = default)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        using var file = AtomicFileWriter.Create(path, overwrite);
        var outcome = await client.WaitForCompletionAndDownloadAsync(postingId, attachmentId, file.Stream, options, cancellationToken).ConfigureAwait(false);
        if (outcome.IsDownloaded)
        {
            await file.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>
    /// <see cref="ISignantClient.DownloadInstantAttachmentAsync"/> into a file: written to a temporary file, MD5-verified,
    /// flushed and only then moved to <paramref name="path"/>; on any failure no file is created.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="postingId">The posting id.</param>
    /// <param name="attachmentId">The attachment id.</param>
    /// <param name="path">The file to create.</param>
    /// <param name="overwrite">Whether an existing file may be replaced. Default <see langword="false"/>.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The verified download's details.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file exists and <paramref name="overwrite"/> is <see langword="false"/>.</exception>
    public static async Task<InstantAttachmentDownload> DownloadInstantAttachmentToFileAsync(
        this ISignantClient client,
        Guid postingId,
        Guid attachmentId,
        string path,
        bool overwrite = false,
        CancellationToken cancellationToken = default)
    {
        if (client is null)
        {
            throw new ArgumentNullException(nameof(client));
        }

        using var file = AtomicFileWriter.Create(path, overwrite);
        var download = await client.DownloadInstantAttachmentAsync(postingId, attachmentId, file.Stream, cancellationToken).ConfigureAwait(false);
        await file.CommitAsync(cancellationToken).ConfigureAwait(false);
        return download;
    }
}
