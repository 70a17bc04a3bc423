using System;
using System.Buffers;
using System.Text.Json;

namespace SigningClients.Core.Serialization;

/// <summary>
/// Copies the JSON value under a reader (an object or array with everything inside it, or a single value) as minified
/// UTF-8 text, token by token: strings and names keep their escapes exactly as received, numbers keep their text.
/// The reader ends on the value's last token, as after <see cref="Utf8JsonReader.Skip"/>.
/// </summary>
internal static class RawJsonCopier
{
    [ThreadStatic]
    private static byte[]? t_scratch;

    public static byte[] CopyValue(ref Utf8JsonReader reader) => CopyValue(ref reader, out _);

    // Up to this many names of a flat object are compared while it is copied.
    private const int ComparedNames = 8;

    /// <summary>Copies the value, and tells whether the copy is proven to repeat no member name.</summary>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <param name="distinctNames">
    /// True when proven: no object inside another, at most eight names, each plain ASCII without escapes, no two equal
    /// ignoring case (the common small extension object). False when not proven — the caller checks the copy with
    /// <see cref="JsonDuplicateKeyGuard"/>.
    /// </param>
    /// <returns>The value's UTF-8 text.</returns>
    public static byte[] CopyValue(ref Utf8JsonReader reader, out bool distinctNames)
    {
        var buffer = t_scratch ?? new byte[1024];
        int length = 0;
        int depth = reader.CurrentDepth;
        bool needComma = false;
        Span<int> nameStarts = stackalloc int[ComparedNames];
        Span<int> nameLengths = stackalloc int[ComparedNames];
        int names = 0;
        int objects = 0;
        bool simple = true;
        try
        {
            while (true)
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        simple &= reader.TokenType == JsonTokenType.StartArray || ++objects == 1;
                        Separator(ref buffer, ref length, ref needComma);
                        Append(ref buffer, ref length, reader.TokenType == JsonTokenType.StartObject ? (byte)'{' : (byte)'[');
                        needComma = false;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        Append(ref buffer, ref length, reader.TokenType == JsonTokenType.EndObject ? (byte)'}' : (byte)']');
                        needComma = true;
                        break;
                    case JsonTokenType.PropertyName:
                        Separator(ref buffer, ref length, ref needComma);
                        Append(ref buffer, ref length, (byte)'"');
                        if (simple && !reader.ValueIsEscaped && !reader.HasValueSequence && names < ComparedNames)
                        {
                            nameStarts[names] = length;
                            nameLengths[names++] = reader.ValueSpan.Length;
                        }
                        else
                        {
                            simple = false;
                        }

                        AppendValue(ref buffer, ref length, ref reader);
                        Append(ref buffer, ref length, (byte)'"');
                        Append(ref buffer, ref length, (byte)':');
                        needComma = false;
                        break;
                    case JsonTokenType.String:
                        Separator(ref buffer, ref length, ref needComma);
                        Append(ref buffer, ref length, (byte)'"');
                        AppendValue(ref buffer, ref length, ref reader);
                        Append(ref buffer, ref length, (byte)'"');
                        needComma = true;
                        break;
                    default:
                        // Number, true, false, null: the token's text.
                        Separator(ref buffer, ref length, ref needComma);
                        AppendValue(ref buffer, ref length, ref reader);
                        needComma = true;
                        break;
                }

                if (reader.CurrentDepth == depth && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName))
                {
                    break;
                }

                if (!reader.Read())
                {
                    throw new JsonException("The JSON value is incomplete.");
                }
            }

            distinctNames = simple && Distinct(buffer, nameStarts.Slice(0, names), nameLengths.Slice(0, names));
            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            // Keep one scratch buffer per thread, unless a huge value made it grow.
            t_scratch = buffer.Length <= 64 * 1024 ? buffer : null;
        }
    }

    // Whether the names (plain ASCII required) are pairwise distinct ignoring case.
    private static bool Distinct(byte[] buffer, ReadOnlySpan<int> starts, ReadOnlySpan<int> lengths)
    {
        for (int i = 0; i < starts.Length; i++)
        {
            var name = buffer.AsSpan(starts[i], lengths[i]);
            for (int k = 0; k < name.Length; k++)
            {
                if (name[k] >= 0x80)
                {
                    return false;
                }
            }

            for (int j = 0; j < i; j++)
            {
                if (lengths[j] == name.Length && JsonDuplicateKeyGuard.SameIgnoringAsciiCase(name, buffer.AsSpan(starts[j], lengths[j])))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static void Separator(ref byte[] buffer, ref int length, ref bool needComma)
    {
        if (needComma)
        {
            Append(ref buffer, ref length, (byte)',');
        }
    }

    private static void Append(ref byte[] buffer, ref int length, byte value)
    {
        if (length == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        buffer[length++] = value;
    }

    private static void AppendValue(ref byte[] buffer, ref int length, ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence)
        {
            var sequence = reader.ValueSequence;
            Ensure(ref buffer, length, checked((int)sequence.Length));
            sequence.CopyTo(buffer.AsSpan(length));
            length += (int)sequence.Length;
            return;
        }

        var span = reader.ValueSpan;
        Ensure(ref buffer, length, span.Length);
        span.CopyTo(buffer.AsSpan(length));
        length += span.Length;
    }

    private static void Ensure(ref byte[] buffer, int length, int more)
    {
        if (buffer.Length - length < more)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + more));
        }
    }
}
