using System;
using System.IO;
using System.Threading;

namespace SigningClients.Core.Http;

/// <summary>
/// A caller's stream as the source of a request body: read once per attempt and never disposed. A seekable stream is
/// put back where it stood when the request was described before every attempt after the first; a non-seekable one
/// can be sent once (the request is then not replayable, and a second use is refused rather than sending a truncated
/// body).
/// </summary>
internal sealed class ReplayableSource
{
    private readonly Stream _stream;
    private readonly long _start;
    private int _uses;

    public ReplayableSource(Stream stream)
    {
        _stream = stream;
        _start = stream.CanSeek ? stream.Position : -1;
    }

    /// <summary>Whether the body can be produced again.</summary>
    public bool IsReplayable => _start >= 0;

    /// <summary>The bytes left from the start, when the stream is seekable.</summary>
    public long? Length => _start >= 0 ? _stream.Length - _start : null;

    /// <summary>The stream positioned at its first byte to send, for one attempt.</summary>
    /// <exception cref="InvalidOperationException">A non-seekable stream is asked for a second time.</exception>
    public Stream Open()
    {
        if (Interlocked.Increment(ref _uses) > 1)
        {
            if (_start < 0)
            {
                throw new InvalidOperationException("A non-seekable stream cannot be sent twice.");
            }

            _stream.Position = _start;
        }

        return _stream;
    }
}
