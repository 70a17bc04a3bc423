#if NET
using System;
using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;

namespace Signant.InstantSign.Soap;

/// <summary>
/// Decodes the text of a base64 element (the characters <see cref="XmlReader.ReadValueChunkAsync"/> hands out: entities
/// and character references already resolved, CDATA sections and text nodes in order) in chunks, with the vectorized
/// <see cref="Base64"/> decoder instead of <see cref="XmlReader"/>'s character-by-character one. Same rules as
/// <see cref="XmlReader.ReadElementContentAsBase64Async"/>: XML white space anywhere is ignored, the final quantum may
/// be padded or not; anything else (a character outside the alphabet, data after the padding, a lone final character)
/// is an <see cref="XmlException"/>. The per-chunk work is marked for full optimization, so the first large download in
/// a process does not run it as unoptimized or instrumented code while tiered compilation catches up.
/// Buffers are pooled; dispose to return them (cleared: they held the document).
/// </summary>
internal sealed class Base64TextDecoder : IDisposable
{
    /// <summary>Characters decoded per chunk (the async <see cref="XmlReader"/> buffers 64 K characters at most).</summary>
    internal const int ChunkCharacters = 32 * 1024;

    private static readonly SearchValues<byte> XmlWhiteSpace = SearchValues.Create(" \t\r\n"u8);

    private char[]? _chars = ArrayPool<char>.Shared.Rent(ChunkCharacters);

    // Significant base64 characters (white space removed): an undecoded quantum carried over, then the new chunk.
    private byte[]? _text = ArrayPool<byte>.Shared.Rent(ChunkCharacters + 4);
    private byte[]? _output = ArrayPool<byte>.Shared.Rent((ChunkCharacters + 4) / 4 * 3);
    private int _carried;
    private int _usedOutput;
    private int _usedText;

    /// <summary>Where the caller reads the next chunk of characters into.</summary>
    public char[] Chars => _chars ?? throw new ObjectDisposedException(nameof(Base64TextDecoder));

    /// <summary>The decoded bytes of the last <see cref="Decode"/> or <see cref="Finish"/> call.</summary>
    public byte[] Output => _output ?? throw new ObjectDisposedException(nameof(Base64TextDecoder));

    /// <summary>
    /// Decodes the first <paramref name="count"/> characters of <see cref="Chars"/> and returns the number of bytes
    /// written to <see cref="Output"/>; the last quantum is kept until more text or <see cref="Finish"/> shows whether
    /// it is the final one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Decode(int count)
    {
        var text = _text!;
        var chars = new ReadOnlySpan<char>(Chars, 0, count);
        var target = text.AsSpan(_carried, count);
        if (Ascii.FromUtf16(chars, target, out int narrowed) != OperationStatus.Done || narrowed != count)
        {
            throw Invalid();
        }

        return DecodeNarrowed(count);
    }

    /// <summary>
    /// Decodes <paramref name="text"/> (UTF-8 bytes straight from the document, at most <see cref="ChunkCharacters"/>;
    /// a byte outside the base64 alphabet and XML white space, non-ASCII included, is refused) like <see cref="Decode"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int DecodeUtf8(ReadOnlySpan<byte> text)
    {
        if (text.Length > ChunkCharacters)
        {
            throw new ArgumentOutOfRangeException(nameof(text));
        }

        text.CopyTo((_text ?? throw new ObjectDisposedException(nameof(Base64TextDecoder))).AsSpan(_carried));
        return DecodeNarrowed(text.Length);
    }

    // The chunk's count significant-or-white-space ASCII bytes follow the carried quantum in _text.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int DecodeNarrowed(int count)
    {
        var text = _text ?? throw new ObjectDisposedException(nameof(Base64TextDecoder));
        var target = text.AsSpan(_carried, count);
        int length = _carried + RemoveWhiteSpace(target);
        _usedText = Math.Max(_usedText, _carried + count);

        // Keep the last quantum (complete or not): only the end of the text shows whether it may be padded.
        int whole = length & ~3;
        if (whole == length)
        {
            whole -= 4;
        }

        if (whole <= 0)
        {
            _carried = length;
            return 0;
        }

        var status = Base64.DecodeFromUtf8(text.AsSpan(0, whole), Output, out int consumed, out int written, isFinalBlock: true);
        if (status != OperationStatus.Done || consumed != whole || text[whole - 1] == (byte)'=')
        {
            // Invalid characters, or padding with more text after it.
            throw Invalid();
        }

        _carried = length - whole;
        text.AsSpan(whole, _carried).CopyTo(text);
        _usedOutput = Math.Max(_usedOutput, written);
        return written;
    }

    /// <summary>Decodes what is left at the end of the text into <see cref="Output"/> and returns the number of bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Finish()
    {
        if (_carried == 0)
        {
            return 0;
        }

        var text = _text!;
        if (_carried == 1)
        {
            throw Invalid();
        }

        // An unpadded final quantum (accepted by XmlReader too) is padded here.
        while (_carried < 4)
        {
            text[_carried++] = (byte)'=';
        }

        var status = Base64.DecodeFromUtf8(text.AsSpan(0, 4), Output, out _, out int written, isFinalBlock: true);
        _carried = 0;
        _usedOutput = Math.Max(_usedOutput, written);
        return status == OperationStatus.Done ? written : throw Invalid();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_chars is { } chars)
        {
            _chars = null;
            ArrayPool<char>.Shared.Return(chars, clearArray: true);
        }

        if (_text is { } text)
        {
            _text = null;
            text.AsSpan(0, Math.Min(text.Length, _usedText + 4)).Clear();
            ArrayPool<byte>.Shared.Return(text);
        }

        if (_output is { } output)
        {
            _output = null;
            output.AsSpan(0, _usedOutput).Clear();
            ArrayPool<byte>.Shared.Return(output);
        }
    }

    // Removes XML white space in place (vectorized search; the copy loop runs only from the first white space on).
    private static int RemoveWhiteSpace(Span<byte> text)
    {
        int first = text.IndexOfAny(XmlWhiteSpace);
        if (first < 0)
        {
            return text.Length;
        }

        int kept = first;
        for (int i = first + 1; i < text.Length; i++)
        {
            byte b = text[i];
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                text[kept++] = b;
            }
        }

        return kept;
    }

    private static XmlException Invalid() => new("The AttachmentFile element does not hold valid base64 text.");
}
#endif
