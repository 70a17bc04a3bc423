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

    public static byte[] CopyValue(ref Utf8JsonReader reader)
    {
        var buffer = t_scratch ?? new byte[1024];
        int length = 0;
        int depth = reader.CurrentDepth;
        bool needComma = false;
        try
        {
            while (true)
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
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

            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            // Keep one scratch buffer per thread, unless a huge value made it grow.
            t_scratch = buffer.Length <= 64 * 1024 ? buffer : null;
        }
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
