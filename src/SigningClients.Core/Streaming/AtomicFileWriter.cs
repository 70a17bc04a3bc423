using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Core;

/// <summary>
/// Writes a file so that it appears at its path only when it is complete: the bytes go to a temporary file beside the
/// target, <see cref="CommitAsync"/> flushes them to disk and moves the file into place in one step, and disposing
/// without committing deletes the temporary file. A reader of the target path therefore never sees a partial,
/// truncated or unsigned document. <see cref="SigningDownload.SaveToFileAsync"/> and the providers' "download to a
/// file" helpers stand on it; use it directly with stream-based downloads.
/// </summary>
/// <example>
/// <code>
/// using var file = AtomicFileWriter.Create("signed.pdf", overwrite: true);
/// await client.DownloadInstantAttachmentAsync(postingId, attachmentId, file.Stream);
/// await file.CommitAsync();
/// </code>
/// </example>
public sealed class AtomicFileWriter : IDisposable, IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly bool _overwrite;
    private bool _committed;
    private bool _disposed;

    private AtomicFileWriter(string path, string temporaryPath, FileStream stream, bool overwrite)
    {
        Path = path;
        TemporaryPath = temporaryPath;
        _stream = stream;
        _overwrite = overwrite;
    }

    /// <summary>The final path of the file.</summary>
    public string Path { get; }

    /// <summary>The temporary file being written (in the target's folder, so the final move stays on one volume).</summary>
    public string TemporaryPath { get; }

    /// <summary>The stream to write the content to. Do not dispose it; dispose this writer.</summary>
    public Stream Stream => _stream;

    /// <summary>Whether <see cref="CommitAsync"/> has moved the file into place.</summary>
    public bool IsCommitted => _committed;

    /// <summary>Starts writing a file that will appear at <paramref name="path"/> once committed.</summary>
    /// <param name="path">The target path.</param>
    /// <param name="overwrite">Whether an existing file at <paramref name="path"/> may be replaced on commit.</param>
    /// <returns>The writer; dispose it.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file exists and <paramref name="overwrite"/> is <see langword="false"/>.</exception>
    public static AtomicFileWriter Create(string path, bool overwrite = false)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (path.Trim().Length == 0)
        {
            throw new ArgumentException("The path cannot be empty.", nameof(path));
        }

        string fullPath = System.IO.Path.GetFullPath(path);
        if (!overwrite && File.Exists(fullPath))
        {
            throw new IOException("The file '" + fullPath + "' already exists; pass overwrite: true to replace it.");
        }

        string directory = System.IO.Path.GetDirectoryName(fullPath) ?? ".";
        string temporaryPath = System.IO.Path.Combine(directory, "." + System.IO.Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
        var stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        return new AtomicFileWriter(fullPath, temporaryPath, stream, overwrite);
    }

    /// <summary>
    /// Flushes the content to disk, closes the temporary file and moves it to <see cref="Path"/> (replacing an existing
    /// file only when the writer was created with <c>overwrite: true</c>).
    /// </summary>
    /// <param name="cancellationToken">Cancellation (checked before the move).</param>
    /// <returns>The length of the committed file in bytes.</returns>
    /// <exception cref="InvalidOperationException">Already committed or disposed.</exception>
    public async Task<long> CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_committed || _disposed)
        {
            throw new InvalidOperationException(_committed ? "The file was already committed." : "The writer was disposed.");
        }

        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        _stream.Flush(flushToDisk: true);
        long length = _stream.Length;
#if NET
        await _stream.DisposeAsync().ConfigureAwait(false);
#else
        _stream.Dispose();
#endif
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            Move();
        }
        catch
        {
            TryDelete(TemporaryPath);
            _disposed = true;
            throw;
        }

        _committed = true;
        return length;
    }

    /// <summary>Closes the writer; when it was not committed the temporary file is deleted and the target is left untouched.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stream.Dispose();
        if (!_committed)
        {
            TryDelete(TemporaryPath);
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }

    private void Move()
    {
#if NET
        File.Move(TemporaryPath, Path, _overwrite);
#else
        if (_overwrite && File.Exists(Path))
        {
            File.Replace(TemporaryPath, Path, destinationBackupFileName: null);
        }
        else
        {
            File.Move(TemporaryPath, Path);
        }
#endif
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
