using System;
using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using System.Xml;

namespace Signant.InstantSign.Soap;

// Element values: bounded text (nil, empty, CDATA and character references joined), and short values (counters,
// dates, GUIDs, flags) parsed from characters without making strings.
internal sealed partial class SoapResponseReader
{
    /// <summary>The length of the buffer short values are parsed from (see <see cref="SmallAnswerReaderSettings"/>).</summary>
    internal const int ScalarBufferLength = ScalarCapacity + ScalarChunk;

    // A valid counter, date, GUID or flag is far shorter than this (white space around it aside).
    private const int ScalarCapacity = 192;
    private const int ScalarChunk = 64;

    private ValueTask<int> ReadValueChunkAsync() =>
        _async ? new ValueTask<int>(_reader.ReadValueChunkAsync(_chars!, 0, _chars!.Length)) : new ValueTask<int>(_reader.ReadValueChunk(_chars!, 0, _chars!.Length));

    private ValueTask<string> GetValueAsync() => _async ? new ValueTask<string>(_reader.GetValueAsync()) : new ValueTask<string>(_reader.Value);

    private bool IsNil() => string.Equals(_reader.GetAttribute("nil", SoapNames.XsiNamespace), "true", StringComparison.Ordinal);

    /// <summary>Reads the text of the current element (bounded); <see langword="null"/> when nil.</summary>
    private async ValueTask<string?> ReadTextAsync(bool lenient = false)
    {
        if (IsNil())
        {
            await SkipAsync().ConfigureAwait(false);
            return null;
        }

        if (_reader.IsEmptyElement)
        {
            await ReadNodeAsync().ConfigureAwait(false);
            return string.Empty;
        }

        string name = _reader.LocalName;
        bool complex = false;
        StringBuilder? builder = null;
        string? single = null;
        await ReadNodeAsync().ConfigureAwait(false);
        while (_reader.NodeType != XmlNodeType.EndElement)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (_chars is not null && _reader.CanReadValueChunk)
                    {
                        int read;
                        while ((read = await ReadValueChunkAsync().ConfigureAwait(false)) > 0)
                        {
                            if (Length(single, builder) + read > _maxElementLength)
                            {
                                throw TooLong(name);
                            }

                            // The common case, one text node within one chunk, makes one string and no builder.
                            if (single is null && builder is null)
                            {
                                single = new string(_chars, 0, read);
                            }
                            else
                            {
                                builder ??= new StringBuilder(single);
                                single = null;
                                builder.Append(_chars, 0, read);
                            }
                        }
                    }
                    else
                    {
                        // A buffered answer (bounded as a whole): the node's text at once, usually the element's only one.
                        var value = await GetValueAsync().ConfigureAwait(false);
                        if (Length(single, builder) + value.Length > _maxElementLength)
                        {
                            throw TooLong(name);
                        }

                        if (single is null && builder is null)
                        {
                            single = value;
                        }
                        else
                        {
                            builder ??= new StringBuilder(single);
                            single = null;
                            builder.Append(value);
                        }
                    }

                    await ReadNodeAsync().ConfigureAwait(false);
                    break;
                case XmlNodeType.Element:
                    if (!lenient)
                    {
                        throw new XmlException("The element '" + name + "' must hold text, not elements.");
                    }

                    complex = true;
                    await SkipAsync().ConfigureAwait(false);
                    break;
                case XmlNodeType.None:
                    throw new XmlException("The response ended unexpectedly.");
                default:
                    await ReadNodeAsync().ConfigureAwait(false);
                    break;
            }
        }

        await ReadNodeAsync().ConfigureAwait(false);
        return complex ? null : single ?? builder?.ToString() ?? string.Empty;
    }

    private static int Length(string? single, StringBuilder? builder) => single?.Length ?? builder?.Length ?? 0;

    private XmlException TooLong(string name) =>
        new("The element '" + name + "' is longer than the limit of " + _maxElementLength + " characters.");

    private ValueTask<string?> TryReadSimpleAsync() => ReadTextAsync(lenient: true);

    /// <summary>
    /// Reads a short value (a counter, date, GUID or flag) into <see cref="_scalar"/> without making a string, white
    /// space around it removed: returns its length, -1 when nil, or more than <see cref="ScalarCapacity"/> when it is
    /// longer than any valid value (the buffer then holds its start). Bounded like any text.
    /// </summary>
    private async ValueTask<int> ReadScalarAsync()
    {
        if (IsNil())
        {
            await SkipAsync().ConfigureAwait(false);
            return -1;
        }

        if (_reader.IsEmptyElement)
        {
            await ReadNodeAsync().ConfigureAwait(false);
            return 0;
        }

        string name = _reader.LocalName;
        int length = 0;
        long total = 0;
        bool tooLong = false;
        await ReadNodeAsync().ConfigureAwait(false);
        while (await NextTextNodeAsync(name).ConfigureAwait(false))
        {
            if (_reader.CanReadValueChunk)
            {
                int read;
                while ((read = await ReadScalarChunkAsync().ConfigureAwait(false)) > 0)
                {
                    total += read;
                    if (total > _maxElementLength)
                    {
                        throw TooLong(name);
                    }

                    AppendScalar(_scalar, ScalarCapacity, read, ref length, ref tooLong);
                }
            }
            else
            {
                var value = await GetValueAsync().ConfigureAwait(false);
                total += value.Length;
                if (total > _maxElementLength)
                {
                    throw TooLong(name);
                }

                AppendScalar(value.ToCharArray(), 0, value.Length, ref length, ref tooLong);
            }

            await ReadNodeAsync().ConfigureAwait(false);
        }

        await ReadNodeAsync().ConfigureAwait(false);
        while (length > 0 && char.IsWhiteSpace(_scalar[length - 1]))
        {
            length--;
        }

        return tooLong ? ScalarCapacity + 1 : length;
    }

    /// <summary>
    /// Moves, inside the element whose text is read, to its next text node (text, CDATA or white space: returns
    /// <see langword="true"/>) or to its end (<see langword="false"/>); other nodes are stepped over, a child element
    /// is refused.
    /// </summary>
    private async ValueTask<bool> NextTextNodeAsync(string name)
    {
        while (true)
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    return true;
                case XmlNodeType.EndElement:
                    return false;
                case XmlNodeType.Element:
                    throw new XmlException("The element '" + name + "' must hold text, not elements.");
                case XmlNodeType.None:
                    throw new XmlException("The response ended unexpectedly.");
                default:
                    await ReadNodeAsync().ConfigureAwait(false);
                    break;
            }
        }
    }

    private ValueTask<int> ReadScalarChunkAsync() =>
        _async ? new ValueTask<int>(_reader.ReadValueChunkAsync(_scalar, ScalarCapacity, ScalarChunk)) : new ValueTask<int>(_reader.ReadValueChunk(_scalar, ScalarCapacity, ScalarChunk));

    // Appends characters to the value in [0, ScalarCapacity): leading white space is dropped; past the capacity only
    // white space may follow (trailing), anything else makes the value too long to be valid.
    private void AppendScalar(char[] source, int offset, int count, ref int length, ref bool tooLong)
    {
        for (int i = offset; i < offset + count; i++)
        {
            char c = source[i];
            if (length == 0 && char.IsWhiteSpace(c))
            {
                continue;
            }

            if (length == ScalarCapacity)
            {
                tooLong |= !char.IsWhiteSpace(c);
                continue;
            }

            _scalar[length++] = c;
        }
    }

    private bool ScalarIs(int length, string value)
    {
        if (length != value.Length)
        {
            return false;
        }

        for (int i = 0; i < length; i++)
        {
            if (_scalar[i] != value[i])
            {
                return false;
            }
        }

        return true;
    }

    private XmlException NotA(int length, string what) =>
        new("'" + new string(_scalar, 0, Math.Min(length, ScalarCapacity)) + (length > ScalarCapacity ? "..." : string.Empty) + "' is not " + what + ".");

    private async ValueTask<Guid?> ReadGuidAsync()
    {
        int length = await ReadScalarAsync().ConfigureAwait(false);
        if (length <= 0)
        {
            return null;
        }

#if NET
        bool parsed = Guid.TryParse(new ReadOnlySpan<char>(_scalar, 0, Math.Min(length, ScalarCapacity)), out var id);
#else
        bool parsed = Guid.TryParse(new string(_scalar, 0, Math.Min(length, ScalarCapacity)), out var id);
#endif
        return parsed && length <= ScalarCapacity ? id : throw NotA(length, "a GUID");
    }

    private async ValueTask<int> ReadIntAsync()
    {
        int length = await ReadScalarAsync().ConfigureAwait(false);
        if (length <= 0)
        {
            return 0;
        }

#if NET
        bool parsed = int.TryParse(new ReadOnlySpan<char>(_scalar, 0, Math.Min(length, ScalarCapacity)), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value);
#else
        bool parsed = int.TryParse(new string(_scalar, 0, Math.Min(length, ScalarCapacity)), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value);
#endif
        return parsed && length <= ScalarCapacity ? value : throw NotA(length, "an integer");
    }

    private async ValueTask<bool> ReadBoolAsync()
    {
        int length = await ReadScalarAsync().ConfigureAwait(false);
        if (length <= 0)
        {
            return false;
        }

        if (ScalarIs(length, "true") || ScalarIs(length, "1"))
        {
            return true;
        }

        return ScalarIs(length, "false") || ScalarIs(length, "0") ? false : throw NotA(length, "a boolean");
    }

    private async ValueTask<DateTimeOffset?> ReadDateAsync()
    {
        int length = await ReadScalarAsync().ConfigureAwait(false);
        if (length <= 0)
        {
            return null;
        }

        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
#if NET
        bool parsed = DateTimeOffset.TryParse(new ReadOnlySpan<char>(_scalar, 0, Math.Min(length, ScalarCapacity)), CultureInfo.InvariantCulture, Styles, out var value);
#else
        bool parsed = DateTimeOffset.TryParse(new string(_scalar, 0, Math.Min(length, ScalarCapacity)), CultureInfo.InvariantCulture, Styles, out var value);
#endif
        return parsed && length <= ScalarCapacity ? value : throw NotA(length, "a date");
    }
}
