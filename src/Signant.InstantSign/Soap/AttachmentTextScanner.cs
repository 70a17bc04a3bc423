#if NET
using System;
using System.Buffers;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;

namespace Signant.InstantSign.Soap;

/// <summary>
/// The stream under the download's <see cref="XmlReader"/>, which can take the <c>AttachmentFile</c> text out of the
/// reader's way: the reader still parses the whole envelope (DTDs refused, names, namespaces, attributes, the end tag,
/// and every comment and processing instruction met inside the text), but the base64 text itself is read here, byte by
/// byte from the pooled network buffer, and decoded with the vectorized decoder, so no framework XML code is hot.
/// </summary>
/// <remarks>
/// <para>How the reader and the scanner agree on where the text starts: the scanner hands the reader bytes only up to
/// the end of the first start tag that may be an <c>AttachmentFile</c> (any prefix, not empty, no <c>&lt;</c> in
/// it). If the reader then reports the result's <c>AttachmentFile</c> element without having asked for more bytes, that
/// tag is the element's (an element tag ends at the first <c>&gt;</c> outside quotes, and every real one is a
/// candidate), and the text starts at the next unread byte: <see cref="ReadTextAsync"/> reads it. If the reader asks
/// for more bytes while a candidate is pending (a tag in a comment, a nil or misplaced element, a reader that looks
/// ahead), the scanner steps aside for good and the reader reads everything, as before. It also steps aside when the
/// document is not UTF-8 (a UTF-16 or UTF-32 byte order mark or zero bytes, or another declared encoding).</para>
/// <para>Inside the text: base64 and XML white space are decoded; character references (decimal, or hex with a lower
/// case <c>x</c>) are resolved; CDATA sections are decoded in order; comments and processing instructions are kept
/// (at most <see cref="SignantClientOptions.MaxElementLength"/> bytes in all, and 1 MiB) and handed to the reader with the end
/// tag, which checks them and skips them; the predefined entities, any other entity reference, a child element, a
/// declaration or the end of the stream are an <see cref="XmlException"/>, as the reader would raise.
/// Buffers are pooled and cleared before they go back (they held the document).</para>
/// </remarks>
internal sealed class AttachmentTextScanner : Stream
{
    private const int BufferSize = 64 * 1024;

    // A candidate tag longer than this is left to the reader; a character reference longer than this is refused.
    private const int MaxTagBytes = 4 * 1024;
    private const int MaxReferenceBytes = 64;

    // Comments and PIs inside the text are kept up to MaxElementLength bytes, never more than this.
    private const int MaxMarkupBytes = 1024 * 1024;

    private readonly Stream _inner;
    private readonly CancellationToken _token;
    private byte[]? _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _start;
    private int _end;
    private bool _eof;

    // Bytes in [_start, _checked) hold no candidate tag start; a found candidate ends at _candidateEnd (0: none).
    private int _checked;
    private int _candidateEnd;
    private Mode _mode = Mode.Prolog;

    // Comments and processing instructions met inside the text, handed to the reader before the rest.
    private byte[]? _markup;
    private int _markupStart;
    private int _markupEnd;
    private int _markupOpen;

    public AttachmentTextScanner(Stream inner, CancellationToken token)
    {
        _inner = inner;
        _token = token;
    }

    private enum Mode
    {
        Prolog,
        Watching,
        Paused,
        Text,
        Off,
    }

    private enum Step
    {
        Decoded,
        NeedBytes,
        End,
    }

    private enum Match
    {
        No,
        Yes,
        NeedBytes,
    }

    private enum Content
    {
        Text,
        CData,
        Comment,
        Instruction,
    }

    /// <summary>Whether the reader's last reported node may be followed by the text <see cref="ReadTextAsync"/> reads.</summary>
    public bool IsPaused => _mode == Mode.Paused;

    /// <summary>How many times the text was read here (for tests).</summary>
    internal int TextsRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    private byte[] Data => _buffer ?? throw new ObjectDisposedException(nameof(AttachmentTextScanner));

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The download is read asynchronously.");

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ServeAsync(buffer);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>
    /// Reads the text of the element the reader has just reported (only while <see cref="IsPaused"/>), decoding it
    /// into <paramref name="destination"/> while the size is bounded and the MD5 computed; returns the byte count.
    /// The reader's next node is then the element's end (after any comments and processing instructions).
    /// </summary>
    /// <remarks>
    /// One state machine for the whole text (network reads and destination writes awaited here, the byte work in
    /// the synchronous <see cref="Scan"/>), so a first large download JIT-compiles as little async machinery as
    /// possible once its reads start to wait.
    /// </remarks>
    public async ValueTask<long> ReadTextAsync(Md5Accumulator md5, Stream destination, long maxBytes, int maxMarkupBytes, CancellationToken cancellationToken)
    {
        if (_mode != Mode.Paused)
        {
            throw new InvalidOperationException("The reader is not positioned on the element the scanner paused at.");
        }

        _mode = Mode.Text;
        TextsRead++;
        maxMarkupBytes = Math.Min(maxMarkupBytes, MaxMarkupBytes);
        using var decoder = new Base64TextDecoder();
        var output = decoder.Output;
        long total = 0;
        var content = Content.Text;
        while (true)
        {
            var step = Scan(decoder, ref content, maxMarkupBytes, out int written);
            if (step == Step.End)
            {
                // Scan stops at the end tag with nothing decoded: the held last quantum is all that is left.
                written = decoder.Finish();
            }

            if (written > 0)
            {
                total += written;
                if (total > maxBytes)
                {
                    throw SoapResponseReader.TooLarge(maxBytes);
                }

                md5.Append(output, 0, written);
                await destination.WriteAsync(output.AsMemory(0, written), cancellationToken).ConfigureAwait(false);
            }

            if (step == Step.End)
            {
                break;
            }

            if (step == Step.NeedBytes)
            {
                int read = await _inner.ReadAsync(Room(), _token).ConfigureAwait(false);
                if (read == 0)
                {
                    _eof = true;
                    throw new XmlException("The response ended unexpectedly.");
                }

                _end += read;
            }
        }

        _mode = Mode.Off;
        return total;
    }

    protected override void Dispose(bool disposing)
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }

        if (_markup is { } markup)
        {
            _markup = null;
            ArrayPool<byte>.Shared.Return(markup, clearArray: true);
        }

        base.Dispose(disposing);
    }

    private static bool IsXmlSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static bool IsBase64(byte b) => b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'+' or (byte)'/' or (byte)'=';

    /// <summary>Whether the tag starting at <paramref name="tag"/>[0] (a '&lt;') may be a non-empty AttachmentFile start tag.</summary>
    private static Match MatchCandidate(ReadOnlySpan<byte> tag, bool eof, out int length)
    {
        length = 0;
        ReadOnlySpan<byte> name = "AttachmentFile"u8;
        int i = 1;
        while (i < tag.Length && !IsXmlSpace(tag[i]) && tag[i] is not ((byte)'>' or (byte)'/' or (byte)'<' or (byte)'"' or (byte)'\''))
        {
            i++;
        }

        if (i == tag.Length)
        {
            return eof || tag.Length >= MaxTagBytes ? Match.No : Match.NeedBytes;
        }

        var qualified = tag.Slice(1, i - 1);
        if (!qualified.EndsWith(name) || (qualified.Length != name.Length && qualified[qualified.Length - name.Length - 1] != (byte)':'))
        {
            return Match.No;
        }

        byte quote = 0;
        byte last = 0;
        for (; i < tag.Length; i++)
        {
            byte b = tag[i];
            if (quote != 0)
            {
                if (b == quote)
                {
                    quote = 0;
                }
                else if (b == (byte)'<')
                {
                    return Match.No;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"' or (byte)'\'':
                    quote = b;
                    last = b;
                    break;
                case (byte)'<':
                    return Match.No;
                case (byte)'>':
                    length = i + 1;
                    return last == (byte)'/' ? Match.No : Match.Yes;
                default:
                    if (!IsXmlSpace(b))
                    {
                        last = b;
                    }

                    break;
            }
        }

        return eof || tag.Length >= MaxTagBytes ? Match.No : Match.NeedBytes;
    }

    /// <summary>Whether the document (its start in <paramref name="start"/>) is UTF-8: <see langword="null"/> when more bytes are needed.</summary>
    private static bool? IsUtf8(ReadOnlySpan<byte> start, bool eof)
    {
        if (start.Length < 8 && !eof)
        {
            return null;
        }

        if (start.StartsWith("\xEF\xBB\xBF"u8))
        {
            start = start.Slice(3);
        }

        if (start.Slice(0, Math.Min(4, start.Length)).IndexOfAny((byte)0, (byte)0xFE, (byte)0xFF) >= 0)
        {
            return false;
        }

        if (!start.StartsWith("<?xml"u8))
        {
            return true;
        }

        int end = start.IndexOf("?>"u8);
        if (end < 0)
        {
            return eof || start.Length >= MaxTagBytes ? false : null;
        }

        var declaration = start.Slice(0, end);
        int at = declaration.IndexOf("encoding"u8);
        if (at < 0)
        {
            return true;
        }

        var rest = declaration.Slice(at + "encoding".Length).TrimStart(" \t\r\n"u8);
        if (rest.Length == 0 || rest[0] != (byte)'=')
        {
            return false;
        }

        rest = rest.Slice(1).TrimStart(" \t\r\n"u8);
        if (rest.Length < 2 || rest[0] is not ((byte)'"' or (byte)'\''))
        {
            return false;
        }

        int close = rest.Slice(1).IndexOf(rest[0]);
        if (close < 0)
        {
            return false;
        }

        var value = rest.Slice(1, close);
        return value.Length == 5 && (value[0] | 0x20) == 'u' && (value[1] | 0x20) == 't' && (value[2] | 0x20) == 'f' && value[3] == '-' && value[4] == '8';
    }

    // Serves the reader: comments and processing instructions kept from the text first, then the buffer up to the
    // next candidate tag's end (where it pauses), reading the network until the reader's buffer is full.
    private async ValueTask<int> ServeAsync(Memory<byte> destination)
    {
        if (_mode == Mode.Paused)
        {
            // The reader wants more while a candidate is pending: it was not the result's AttachmentFile (or the
            // reader looks ahead); from here on the reader reads everything.
            _mode = Mode.Off;
        }
        else if (_mode == Mode.Text)
        {
            throw new InvalidOperationException("The reader read while the attachment text was read.");
        }

        int served = 0;
        if (_markup is { } markup && _markupStart < _markupEnd)
        {
            int n = Math.Min(destination.Length, _markupEnd - _markupStart);
            markup.AsMemory(_markupStart, n).CopyTo(destination);
            _markupStart += n;
            served = n;
        }

        while (served < destination.Length)
        {
            // Ready is 0 when the buffer is empty or more bytes are needed to decide about a tag (at the end of the
            // stream an undecided tag is no candidate, so Ready then hands everything out).
            int ready = _start == _end ? 0 : Ready();
            if (ready == 0)
            {
                if (_eof)
                {
                    break;
                }

                int read = await _inner.ReadAsync(Room(), _token).ConfigureAwait(false);
                if (read == 0)
                {
                    _eof = true;
                }

                _end += read;
                continue;
            }

            int count = Math.Min(ready, destination.Length - served);
            Data.AsMemory(_start, count).CopyTo(destination.Slice(served));
            _start += count;
            served += count;
            if (_candidateEnd != 0 && _start == _candidateEnd)
            {
                _candidateEnd = 0;
                _mode = Mode.Paused;
                break;
            }
        }

        return served;
    }

    /// <summary>How many bytes from <see cref="_start"/> may be handed to the reader now (0: more bytes are needed to decide).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Ready()
    {
        var buffer = Data;
        if (_mode == Mode.Prolog)
        {
            bool? utf8 = IsUtf8(buffer.AsSpan(_start, _end - _start), _eof);
            if (utf8 is null)
            {
                return 0;
            }

            _mode = utf8.Value ? Mode.Watching : Mode.Off;
        }

        if (_mode != Mode.Watching)
        {
            return _end - _start;
        }

        if (_candidateEnd != 0)
        {
            return _candidateEnd - _start;
        }

        int from = Math.Max(_checked, _start);
        while (true)
        {
            int lt = buffer.AsSpan(from, _end - from).IndexOf((byte)'<');
            if (lt < 0)
            {
                _checked = _end;
                return _end - _start;
            }

            lt += from;
            switch (MatchCandidate(buffer.AsSpan(lt, _end - lt), _eof, out int length))
            {
                case Match.Yes:
                    _candidateEnd = lt + length;
                    _checked = _candidateEnd;
                    return _candidateEnd - _start;
                case Match.NeedBytes:
                    _checked = lt;
                    return lt - _start;
                default:
                    from = lt + 1;
                    break;
            }
        }
    }

    /// <summary>Moves the unread bytes to the front of the buffer and returns the room after them for the next network read.</summary>
    private Memory<byte> Room()
    {
        var buffer = Data;
        if (_start == 0 && _end == BufferSize)
        {
            throw new InvalidOperationException("The scanner's buffer is full of undecided bytes.");
        }

        if (_start > 0)
        {
            int unread = _end - _start;
            buffer.AsSpan(_start, unread).CopyTo(buffer);
            _checked = Math.Max(0, _checked - _start);
            _candidateEnd = _candidateEnd == 0 ? 0 : _candidateEnd - _start;
            _start = 0;
            _end = unread;
        }

        return buffer.AsMemory(_end, BufferSize - _end);
    }

    /// <summary>
    /// Steps through the text in the buffer: decodes one run (<paramref name="written"/> bytes in the decoder's output),
    /// or stops where more bytes are needed or at the end tag (left unread for the reader).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Step Scan(Base64TextDecoder decoder, ref Content content, int maxMarkupBytes, out int written)
    {
        written = 0;
        var buffer = Data;
        while (_start < _end)
        {
            var span = buffer.AsSpan(_start, _end - _start);
            switch (content)
            {
                case Content.Text:
                {
                    int special = span.IndexOfAny((byte)'<', (byte)'&');
                    if (special != 0)
                    {
                        if (DecodeRun(decoder, span, special, out written))
                        {
                            return Step.Decoded;
                        }

                        continue;
                    }

                    if (span[0] == (byte)'&')
                    {
                        if (!TryReference(span, decoder, out int consumed, out written))
                        {
                            return Step.NeedBytes;
                        }

                        _start += consumed;
                        if (written > 0)
                        {
                            return Step.Decoded;
                        }

                        continue;
                    }

                    // '<': the end tag (left for the reader), a CDATA section, a comment or PI, or something refused.
                    if (span.Length < 2 || (span[1] == (byte)'!' && span.Length < 9 && !_eof))
                    {
                        return Step.NeedBytes;
                    }

                    switch (span[1])
                    {
                        case (byte)'/':
                            return Step.End;
                        case (byte)'?':
                            _markupOpen = _markupEnd;
                            content = Content.Instruction;
                            continue;
                        case (byte)'!' when span.StartsWith("<![CDATA["u8):
                            content = Content.CData;
                            _start += 9;
                            continue;
                        case (byte)'!' when span.StartsWith("<!--"u8):
                            _markupOpen = _markupEnd;
                            content = Content.Comment;
                            continue;
                        case (byte)'!':
                            throw new XmlException("The AttachmentFile element holds a declaration; DTDs and declarations are not accepted.");
                        default:
                            throw new XmlException("The element 'AttachmentFile' must hold text, not elements.");
                    }
                }

                case Content.CData:
                {
                    int bracket = span.IndexOf((byte)']');
                    if (bracket != 0)
                    {
                        if (DecodeRun(decoder, span, bracket, out written))
                        {
                            return Step.Decoded;
                        }

                        continue;
                    }

                    if (span.Length < 3)
                    {
                        return Step.NeedBytes;
                    }

                    if (!span.StartsWith("]]>"u8))
                    {
                        throw InvalidText();
                    }

                    _start += 3;
                    content = Content.Text;
                    continue;
                }

                default:
                    if (!KeepMarkup(span, content == Content.Comment ? "-->"u8 : "?>"u8, content == Content.Comment ? 4 : 2, maxMarkupBytes))
                    {
                        return Step.NeedBytes;
                    }

                    content = Content.Text;
                    continue;
            }
        }

        return Step.NeedBytes;
    }

    // Decodes the base64 run before the next markup character at `stop` (-1: the whole span); true when bytes came out.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool DecodeRun(Base64TextDecoder decoder, ReadOnlySpan<byte> span, int stop, out int written)
    {
        int run = Math.Min(stop < 0 ? span.Length : stop, Base64TextDecoder.ChunkCharacters);
        written = decoder.DecodeUtf8(span.Slice(0, run));
        _start += run;
        return written > 0;
    }

    // Copies a comment or PI (from its '<', possibly over several buffers) into _markup up to its terminator; true
    // when the terminator was reached.
    private bool KeepMarkup(ReadOnlySpan<byte> span, ReadOnlySpan<byte> terminator, int opener, int maxMarkupBytes)
    {
        // Rented at the first comment or PI (an ordinary answer has none).
        var markup = _markup ??= ArrayPool<byte>.Shared.Rent(maxMarkupBytes);
        int begin = _markupEnd;
        int room = maxMarkupBytes - _markupEnd;
        int count = Math.Min(room, span.Length);
        span.Slice(0, count).CopyTo(markup.AsSpan(_markupEnd));

        // The markup started at _markupOpen: its terminator is searched after the opener, from just before the new bytes.
        int searchFrom = Math.Max(_markupOpen + opener, begin - (terminator.Length - 1));
        if (searchFrom > begin + count)
        {
            throw new XmlException("The comments and processing instructions inside AttachmentFile exceed the limit of " + maxMarkupBytes + " bytes (SignantClientOptions.MaxElementLength).");
        }

        int found = markup.AsSpan(searchFrom, begin + count - searchFrom).IndexOf(terminator);
        if (found >= 0)
        {
            int end = searchFrom + found + terminator.Length;
            _start += end - begin;
            _markupEnd = end;
            return true;
        }

        _start += count;
        _markupEnd += count;
        if (_markupEnd == maxMarkupBytes)
        {
            throw new XmlException("The comments and processing instructions inside AttachmentFile exceed the limit of " + maxMarkupBytes + " bytes (SignantClientOptions.MaxElementLength).");
        }

        return false;
    }

    // A character reference at span[0] ('&'): false when more bytes are needed.
    private bool TryReference(ReadOnlySpan<byte> span, Base64TextDecoder decoder, out int consumed, out int written)
    {
        written = 0;
        int semicolon = span.Slice(0, Math.Min(span.Length, MaxReferenceBytes)).IndexOf((byte)';');
        if (semicolon < 0)
        {
            consumed = 0;
            if (span.Length < MaxReferenceBytes && !_eof)
            {
                return false;
            }

            throw new XmlException("The AttachmentFile element holds an invalid character or entity reference.");
        }

        consumed = semicolon + 1;
        var digits = span.Slice(1, semicolon - 1);
        if (digits.Length < 2 || digits[0] != (byte)'#')
        {
            // &lt; &gt; &amp; &apos; &quot; stand for characters outside base64; any other entity is undeclared.
            throw new XmlException("The AttachmentFile element holds an entity reference; only base64 text is accepted.");
        }

        bool hex = digits[1] == (byte)'x';
        digits = digits.Slice(hex ? 2 : 1);
        if (digits.Length == 0)
        {
            throw new XmlException("The AttachmentFile element holds an invalid character reference.");
        }

        int value = 0;
        foreach (byte d in digits)
        {
            int digit = d is >= (byte)'0' and <= (byte)'9' ? d - '0'
                : hex && d is >= (byte)'a' and <= (byte)'f' ? d - 'a' + 10
                : hex && d is >= (byte)'A' and <= (byte)'F' ? d - 'A' + 10
                : -1;
            if (digit < 0)
            {
                throw new XmlException("The AttachmentFile element holds an invalid character reference.");
            }

            value = (value * (hex ? 16 : 10)) + digit;
            if (value > 0x10FFFF)
            {
                throw new XmlException("The AttachmentFile element holds an invalid character reference.");
            }
        }

        if (value < 128 && IsXmlSpace((byte)value))
        {
            return true;
        }

        if (value >= 128 || !IsBase64((byte)value))
        {
            throw InvalidText();
        }

        Span<byte> one = stackalloc byte[1];
        one[0] = (byte)value;
        written = decoder.DecodeUtf8(one);
        return true;
    }

    private static XmlException InvalidText() => new("The AttachmentFile element does not hold valid base64 text.");
}
#endif
