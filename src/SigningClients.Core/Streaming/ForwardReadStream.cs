using System;
using System.IO;

namespace SigningClients.Core.Streaming;

/// <summary>
/// The skeleton of the core's read-only, forward-only stream wrappers (response bodies, guarded bodies, peeked
/// uploads): no seeking, no writing, no length, and a position that cannot be set. A derived stream supplies the reads
/// and, where it counts them, the position.
/// </summary>
internal abstract class ForwardReadStream : Stream
{
    public sealed override bool CanRead => true;

    public sealed override bool CanSeek => false;

    public sealed override bool CanWrite => false;

    public sealed override long Length => throw new NotSupportedException();

    /// <summary>The bytes read so far where the stream counts them; setting it is not supported.</summary>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public sealed override void Flush()
    {
    }

    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public sealed override void SetLength(long value) => throw new NotSupportedException();

    public sealed override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
