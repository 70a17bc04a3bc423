using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SigningClients.Core.Serialization;
using SigningToday.Dst.Models;

namespace SigningToday.Dst.Serialization;

// The shared steps of DstReader: objects, members, lists and values, and the one JsonException that names the path.
internal static partial class DstReader
{
    // An object's members, after Start: each known one set by the model's member reader, the others kept as
    // extension data (set only when there is one, as by the serializer); a failure names the member.
    // Repeated names are refused (IRefusesRepeatedMemberNames): each name is noted by a key of its case-folded bytes;
    // when the keys cannot decide (a key seen before, an escaped or non-ASCII name, more names than noted), the
    // object's names are compared exactly once it has been read, from a copy of the reader taken at its start.
    private static T Read<T>(ref Utf8JsonReader reader, T value, MemberReader<T> members, Action<T, IDictionary<string, JsonElement>> setUnknown)
    {
        var start = reader;
        var names = new NameKeys(stackalloc ulong[NameKeys.Capacity]);
        IDictionary<string, JsonElement>? unknown = null;
        while (Member(ref reader, out var name, out var escaped))
        {
            names.Add(name, escaped is not null);
            try
            {
                if (!members(value, name, ref reader))
                {
                    Unknown(ref unknown, name, escaped, ref reader);
                }
            }
            catch (Exception ex) when (IsReadError(ex))
            {
                throw PathError(ex, name, escaped);
            }
        }

        if (names.Undecided)
        {
            RepeatedNames.Refuse(ref start);
        }

        if (unknown is not null)
        {
            setUnknown(value, unknown);
        }

        return value;
    }

    // True for a JSON null (the value is null); otherwise the token must start an object.
    private static bool Start(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected a JSON object, got " + reader.TokenType + ".");
        }

        return false;
    }

    // Moves to the next member: its name (unescaped) and, when it was escaped, its text; the reader ends on the value.
    private static bool Member(ref Utf8JsonReader reader, out ReadOnlySpan<byte> name, out string? escaped)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            name = default;
            escaped = null;
            return false;
        }

        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            escaped = reader.GetString()!;
            name = System.Text.Encoding.UTF8.GetBytes(escaped);
        }
        else
        {
            escaped = null;
            name = reader.ValueSpan;
        }

        reader.Read();
        return true;
    }

    private static void Unknown(ref IDictionary<string, JsonElement>? unknown, scoped ReadOnlySpan<byte> name, string? escaped, ref Utf8JsonReader reader)
    {
        // As the serializer's extension data: a dictionary created on the first unknown member, the last value of a
        // repeated name wins, and a JSON null is kept as a null element.
        unknown ??= new Dictionary<string, JsonElement>();
        unknown[escaped ?? Utf8(name)] = RepeatedNames.Refuse(JsonElement.ParseValue(ref reader));
    }

    private static string Utf8(ReadOnlySpan<byte> bytes)
    {
#if NET
        return System.Text.Encoding.UTF8.GetString(bytes);
#else
        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
#endif
    }

    private static List<T>? List<T>(ref Utf8JsonReader reader, ItemReader<T> item)
        where T : class
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected a JSON array, got " + reader.TokenType + ".");
        }

        // A JSON null item is kept as a null item, as by the serializer.
        var list = new List<T>();
        while (true)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return list;
            }

            try
            {
                list.Add(item(ref reader)!);
            }
            catch (Exception ex) when (IsReadError(ex))
            {
                throw PathError(ex, list.Count);
            }
        }
    }

    private static string? String(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new JsonException("Expected a string, got " + reader.TokenType + "."),
    };

    // A string that repeats by nature across a page's DSTs (see PageStrings): shared while a page is read.
    private static string? SharedString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? PageStrings.Get(ref reader) : String(ref reader);

    private static bool? Boolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw new JsonException("Expected true or false, got " + reader.TokenType + "."),
    };

    // Numbers: a number token, or a plain string of one (AllowReadingFromString). Anything else (an escaped string,
    // "NaN", a value out of range, a wrong token) goes to the serializer's own reader, so it is accepted or refused
    // exactly as by the generated metadata.
    private static int? Int32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int number))
        {
            return number;
        }

        if (PlainString(ref reader, out var text) && System.Buffers.Text.Utf8Parser.TryParse(text, out number, out int used) && used == text.Length)
        {
            return number;
        }

        return JsonSerializer.Deserialize(ref reader, Context.NullableInt32);
    }

    private static long? Int64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long number))
        {
            return number;
        }

        if (PlainString(ref reader, out var text) && System.Buffers.Text.Utf8Parser.TryParse(text, out number, out int used) && used == text.Length)
        {
            return number;
        }

        return JsonSerializer.Deserialize(ref reader, Context.NullableInt64);
    }

    private static double? Double(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double number))
        {
            return number;
        }

        // A finite value only: "NaN" and "Infinity" (which the serializer accepts in a string) take its own path.
        if (PlainString(ref reader, out var text) && System.Buffers.Text.Utf8Parser.TryParse(text, out number, out int used) && used == text.Length &&
            !double.IsNaN(number) && !double.IsInfinity(number))
        {
            return number;
        }

        return JsonSerializer.Deserialize(ref reader, Context.NullableDouble);
    }

    private static bool PlainString(ref Utf8JsonReader reader, out ReadOnlySpan<byte> text)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            text = reader.ValueSpan;
            return true;
        }

        text = default;
        return false;
    }

    private static DateTimeOffset? Date(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Dates.Read(ref reader, typeof(DateTimeOffset), Options);

    private static T? Enum<T>(ref Utf8JsonReader reader, ExtensibleEnumConverter<T> converter)
        where T : struct, IExtensibleEnum =>
        reader.TokenType == JsonTokenType.Null ? null : converter.Read(ref reader, typeof(T), Options);

    private static IReadOnlyDictionary<string, JsonElement>? ObjectMap(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ObjectMaps.Read(ref reader, typeof(IReadOnlyDictionary<string, JsonElement>), Options);

    private static JsonElement? Element(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : RepeatedNames.Refuse(JsonElement.ParseValue(ref reader));

    // --- Errors: the serializer's kinds of failure, rethrown as one JsonException that names the path -----------------

    private static bool IsReadError(Exception ex) => ex is JsonException or InvalidOperationException or FormatException;

    private static PathedJsonException PathError(Exception ex, ReadOnlySpan<byte> name, string? escaped) =>
        PathError(ex, "." + (escaped ?? Utf8(name)));

    private static PathedJsonException PathError(Exception ex, int index) =>
        PathError(ex, "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");

    private static PathedJsonException PathError(Exception ex, string segment)
    {
        if (ex is PathedJsonException pathed)
        {
            return new PathedJsonException(pathed.Reason, segment + pathed.RelativePath, pathed.InnerException);
        }

        return new PathedJsonException(ex.Message, segment, ex);
    }

    /// <summary>A read failure with the path of the value (built from the innermost value outwards).</summary>
    private sealed class PathedJsonException : JsonException
    {
        public PathedJsonException(string reason, string relativePath, Exception? inner)
            : base(reason + " Path: $" + relativePath + ".", "$" + relativePath, null, null, inner)
        {
            Reason = reason;
            RelativePath = relativePath;
        }

        public string Reason { get; }

        public string RelativePath { get; }
    }
}
