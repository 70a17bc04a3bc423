using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SigningClients.Core.Serialization;

/// <summary>
/// Reads one member of <paramref name="value"/>: the reader is on the member's value (its first token) and, when the
/// name is known, the member is read (the reader left on the value's last token) and <see langword="true"/> returned;
/// <see langword="false"/> leaves the value unread (an unknown member).
/// </summary>
/// <typeparam name="T">The model type.</typeparam>
/// <param name="value">The model being read.</param>
/// <param name="name">The member name, unescaped UTF-8 (ASCII case-folded candidates when names are matched ignoring case).</param>
/// <param name="reader">The reader, on the member's value.</param>
/// <returns>Whether the member is known.</returns>
public delegate bool JsonMemberReader<in T>(T value, scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader);

/// <summary>Reads one value (a list item); the reader is on its first token and is left on its last one.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="reader">The reader.</param>
/// <returns>The value.</returns>
public delegate T JsonValueReader<out T>(ref Utf8JsonReader reader);

/// <summary>
/// The steps of a hand-written model reader: objects, members, lists and values read straight from a
/// <see cref="Utf8JsonReader"/>, with the rules of the source-generated metadata of the SDK's models, and the refusal
/// of repeated member names in the same pass (so a converter built on it can declare
/// <see cref="IRefusesRepeatedMemberNames"/> and the pipeline skips its separate pass over the body).
/// </summary>
/// <remarks>
/// <para>The rules, as the generated metadata applies them (the providers' reader tests compare both ways):</para>
/// <list type="bullet">
/// <item>JSON <c>null</c> reads as <see langword="null"/> for every nullable member and reference-type list item; a
/// non-nullable value refuses it (<see cref="NonNull{T}"/>).</item>
/// <item>Unknown members are kept as <see cref="JsonElement"/> values (a JSON <c>null</c> included) when the model has
/// extension data, else skipped; either way an object inside them that repeats a name is refused.</item>
/// <item>Numbers are read from number tokens, and from strings when the member's <see cref="JsonNumberHandling"/>
/// allows it; the uncommon forms (escapes, named literals, values out of range) go to the serializer's own number
/// reader with the same handling, so they are accepted or refused exactly as by the metadata.</item>
/// <item>A value of the wrong kind is a <see cref="JsonException"/> whose <see cref="JsonException.Path"/> and message
/// name the value's path.</item>
/// <item>One rule differs, on purpose: an object that repeats a member name (compared
/// <see cref="StringComparer.OrdinalIgnoreCase"/> after unescaping, at any depth, extension data included) is refused
/// with a <see cref="JsonException"/> instead of the last value winning. Each name is noted by a 64-bit key of its
/// case-folded bytes on the stack; only when the keys cannot decide (a key seen before, an escaped or non-ASCII name,
/// more than 32 names) are the object's names compared exactly, from a copy of the reader taken at its start.</item>
/// </list>
/// </remarks>
public static class JsonModelReader
{
    private static readonly JsonSerializerOptions ConverterOptions = new();
    private static readonly TolerantDateTimeOffsetConverter Dates = new();
    private static readonly JsonObjectDictionaryConverter ObjectMaps = new(refuseRepeatedNames: true);
    private static readonly NumberJsonContext?[] Numbers = new NumberJsonContext?[8];

    /// <summary>
    /// <see langword="true"/> for a JSON <c>null</c> (the object is null); otherwise the token must start an object,
    /// and <see langword="false"/> is returned (read it with <see cref="ReadObject{T}"/>).
    /// </summary>
    /// <param name="reader">The reader, on the value's first token.</param>
    /// <returns>Whether the value is null.</returns>
    /// <exception cref="JsonException">The value is neither null nor an object.</exception>
    public static bool IsNullObject(ref Utf8JsonReader reader)
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

    /// <summary>
    /// Reads an object's members into <paramref name="value"/> (the reader on its start, see
    /// <see cref="IsNullObject"/>; left on its end): each known member by <paramref name="members"/>, the others kept as
    /// extension data given to <paramref name="setUnknown"/> (only when there is one, as by the serializer), or skipped
    /// when it is <see langword="null"/>. A repeated member name is refused; a failure names the member's path.
    /// </summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="reader">The reader, on the object's start.</param>
    /// <param name="value">The new model.</param>
    /// <param name="members">Reads the known members.</param>
    /// <param name="setUnknown">Sets the extension data; <see langword="null"/> when the model has none.</param>
    /// <returns><paramref name="value"/>.</returns>
    /// <exception cref="JsonException">The object is not valid for the model, or repeats a member name.</exception>
    public static T ReadObject<T>(ref Utf8JsonReader reader, T value, JsonMemberReader<T> members, Action<T, IDictionary<string, JsonElement>>? setUnknown)
    {
        if (members is null)
        {
            throw new ArgumentNullException(nameof(members));
        }

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
                    Unknown(ref unknown, setUnknown is not null, name, escaped, ref reader);
                }
            }
            catch (Exception ex) when (IsReadError(ex))
            {
                throw PathError(ex, "." + (escaped ?? Utf8(name)));
            }
        }

        if (names.Undecided)
        {
            RepeatedNames.Refuse(ref start);
        }

        if (unknown is not null)
        {
            setUnknown!(value, unknown);
        }

        return value;
    }

    /// <summary>
    /// Whether <paramref name="name"/> equals the ASCII name <paramref name="known"/> ignoring case: for member readers
    /// of models whose metadata matches names with <c>PropertyNameCaseInsensitive</c>. The same answer as
    /// <see cref="StringComparer.OrdinalIgnoreCase"/> on the decoded names, since it maps no non-ASCII character onto an
    /// ASCII one (compare with <see cref="ReadOnlySpan{T}"/> equality for case-sensitive names).
    /// </summary>
    /// <param name="name">The name read.</param>
    /// <param name="known">A model's member name (ASCII).</param>
    /// <returns>Whether they are equal.</returns>
    public static bool NameIs(scoped ReadOnlySpan<byte> name, ReadOnlySpan<byte> known) =>
        name.Length == known.Length && JsonDuplicateKeyGuard.SameIgnoringAsciiCase(name, known);

    /// <summary>
    /// Reads a list (the reader on its first token: null or an array start; left on its end), each item by
    /// <paramref name="item"/>; a JSON <c>null</c> item is kept as a null item, as by the serializer.
    /// </summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="item">Reads one item (null included).</param>
    /// <returns>The list, or <see langword="null"/> for a JSON null.</returns>
    /// <exception cref="JsonException">The value is not an array, or an item is not valid (the message names its index).</exception>
    public static List<T>? ReadList<T>(ref Utf8JsonReader reader, JsonValueReader<T?> item)
        where T : class =>
        Items(ref reader, item)!;

    /// <summary>Reads a list of values (see <see cref="ReadList{T}"/>); <paramref name="item"/> decides on a JSON <c>null</c> item.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="item">Reads one item (null included).</param>
    /// <returns>The list, or <see langword="null"/> for a JSON null.</returns>
    /// <exception cref="JsonException">The value is not an array, or an item is not valid (the message names its index).</exception>
    public static List<T>? ReadValueList<T>(ref Utf8JsonReader reader, JsonValueReader<T> item)
        where T : struct =>
        Items(ref reader, item);

    // The one list loop of ReadList and ReadValueList: each item by its reader, a failure naming the item's index.
    private static List<T>? Items<T>(ref Utf8JsonReader reader, JsonValueReader<T> item)
    {
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item));
        }

        if (!StartList(ref reader))
        {
            return null;
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            try
            {
                list.Add(item(ref reader));
            }
            catch (Exception ex) when (IsReadError(ex))
            {
                throw PathError(ex, "[" + list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
            }
        }

        return list;
    }

    /// <summary>A string, or <see langword="null"/> for a JSON null.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The string.</returns>
    /// <exception cref="JsonException">The value is not a string.</exception>
    public static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new JsonException("Expected a string, got " + reader.TokenType + "."),
    };

    /// <summary>
    /// A string (see <see cref="ReadString"/>) that repeats by nature across the items of a page (ids of tenants, users and
    /// groups, vocabulary values): created once per page while a <see cref="ShareStrings"/> scope is open on this thread.
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The string.</returns>
    /// <exception cref="JsonException">The value is not a string.</exception>
    public static string? ReadSharedString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? SharedStrings.Get(ref reader) : ReadString(ref reader);

    /// <summary>
    /// Opens a table of shared strings for the page read on this thread until the scope is disposed (see
    /// <see cref="ReadSharedString"/>): no string outlives the page through it.
    /// </summary>
    /// <returns>The scope; dispose it when the page is read.</returns>
    public static IDisposable ShareStrings() => SharedStrings.Begin();

    /// <summary><see langword="true"/>, <see langword="false"/>, or <see langword="null"/> for a JSON null.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The value is not a boolean.</exception>
    public static bool? ReadBoolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw new JsonException("Expected true or false, got " + reader.TokenType + "."),
    };

    /// <summary>A 32-bit integer, or <see langword="null"/> for a JSON null.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="handling">The member's number handling (strings are read when it allows it).</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The value is not a number the handling accepts, or out of range.</exception>
    public static int? ReadInt32(ref Utf8JsonReader reader, JsonNumberHandling handling)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int number))
        {
            return number;
        }

        if (PlainString(ref reader, handling, out var text) && System.Buffers.Text.Utf8Parser.TryParse(text, out number, out int used) && used == text.Length)
        {
            return number;
        }

        return JsonSerializer.Deserialize(ref reader, NumbersFor(handling).NullableInt32);
    }

    /// <summary>A 64-bit integer, or <see langword="null"/> for a JSON null.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="handling">The member's number handling (strings are read when it allows it).</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The value is not a number the handling accepts, or out of range.</exception>
    public static long? ReadInt64(ref Utf8JsonReader reader, JsonNumberHandling handling)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long number))
        {
            return number;
        }

        if (PlainString(ref reader, handling, out var text) && System.Buffers.Text.Utf8Parser.TryParse(text, out number, out int used) && used == text.Length)
        {
            return number;
        }

        return JsonSerializer.Deserialize(ref reader, NumbersFor(handling).NullableInt64);
    }

    /// <summary>A double, or <see langword="null"/> for a JSON null.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="handling">The member's number handling (strings are read when it allows it).</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The value is not a number the handling accepts.</exception>
    public static double? ReadDouble(ref Utf8JsonReader reader, JsonNumberHandling handling)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double number))
        {
            return number;
        }

        // A finite value only: "NaN" and "Infinity" (named literals, a handling of their own) take the serializer's path.
        if (PlainString(ref reader, handling, out var text) && System.Buffers.Text.Utf8Parser.TryParse(text, out number, out int used) && used == text.Length &&
            !double.IsNaN(number) && !double.IsInfinity(number))
        {
            return number;
        }

        return JsonSerializer.Deserialize(ref reader, NumbersFor(handling).NullableDouble);
    }

    /// <summary>The value of a non-nullable member: a JSON <c>null</c> is refused, as by the serializer.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The value read (null for a JSON null).</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The value was null.</exception>
    public static T NonNull<T>(T? value)
        where T : struct =>
        value ?? throw new JsonException("The JSON value null could not be converted to " + typeof(T).Name + ".");

    /// <summary>A date and time by <see cref="TolerantDateTimeOffsetConverter"/>, or <see langword="null"/> for a JSON null.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The value is not a date form the converter accepts.</exception>
    public static DateTimeOffset? ReadDate(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Dates.Read(ref reader, typeof(DateTimeOffset), ConverterOptions);

    /// <summary>A value read by <paramref name="converter"/> (an extensible enum's, say), or <see langword="null"/> for a JSON null.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="converter">The type's converter (given no options of its own).</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The converter refused the value.</exception>
    public static T? ReadConverted<T>(ref Utf8JsonReader reader, JsonConverter<T> converter)
        where T : struct
    {
        if (converter is null)
        {
            throw new ArgumentNullException(nameof(converter));
        }

        return reader.TokenType == JsonTokenType.Null ? null : converter.Read(ref reader, typeof(T), ConverterOptions);
    }

    /// <summary>A URI (absolute or relative, as the serializer reads one), or <see langword="null"/> for a JSON null.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    /// <exception cref="JsonException">The value is not a string, or not a URI.</exception>
    public static Uri? ReadUri(ref Utf8JsonReader reader)
    {
        var text = ReadString(ref reader);
        if (text is null)
        {
            return null;
        }

        return System.Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var uri) ? uri : throw new JsonException("The JSON value could not be converted to System.Uri.");
    }

    /// <summary>A JSON object as a read-only map (<see cref="JsonObjectDictionaryConverter"/>, repeats refused), or <see langword="null"/> for a JSON null.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The map.</returns>
    /// <exception cref="JsonException">The value is not an object, or repeats a member name.</exception>
    public static IReadOnlyDictionary<string, JsonElement>? ReadObjectMap(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : ObjectMaps.Read(ref reader, typeof(IReadOnlyDictionary<string, JsonElement>), ConverterOptions);

    /// <summary>Any JSON value as a <see cref="JsonElement"/> (repeats refused), or <see langword="null"/> for a JSON null.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The element.</returns>
    /// <exception cref="JsonException">An object in the value repeats a member name.</exception>
    public static JsonElement? ReadElement(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : RepeatedNames.Refuse(JsonElement.ParseValue(ref reader));

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

    private static void Unknown(ref IDictionary<string, JsonElement>? unknown, bool keep, scoped ReadOnlySpan<byte> name, string? escaped, ref Utf8JsonReader reader)
    {
        if (!keep)
        {
            // Skipped, as by the serializer; an object or array inside is still checked for repeated names.
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                using var skipped = JsonDocument.ParseValue(ref reader);
                RepeatedNames.Refuse(skipped.RootElement);
            }

            return;
        }

        // As the serializer's extension data: a dictionary created on the first unknown member, and a JSON null is
        // kept as a null element.
        unknown ??= new Dictionary<string, JsonElement>();
        unknown[escaped ?? Utf8(name)] = RepeatedNames.Refuse(JsonElement.ParseValue(ref reader));
    }

    private static bool StartList(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected a JSON array, got " + reader.TokenType + ".");
        }

        return true;
    }

    private static string Utf8(ReadOnlySpan<byte> bytes)
    {
#if NET
        return System.Text.Encoding.UTF8.GetString(bytes);
#else
        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
#endif
    }

    private static bool PlainString(ref Utf8JsonReader reader, JsonNumberHandling handling, out ReadOnlySpan<byte> text)
    {
        if ((handling & JsonNumberHandling.AllowReadingFromString) != 0 && reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            text = reader.ValueSpan;
            return true;
        }

        text = default;
        return false;
    }

    private static NumberJsonContext NumbersFor(JsonNumberHandling handling)
    {
        int index = (int)handling & 7;
        return Numbers[index] ??= new NumberJsonContext(new JsonSerializerOptions { NumberHandling = (JsonNumberHandling)index });
    }

    // --- Errors: the serializer's kinds of failure, rethrown as one JsonException that names the path -----------------

    private static bool IsReadError(Exception ex) => ex is JsonException or InvalidOperationException or FormatException;

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

/// <summary>The serializer's own number readers, for the forms <see cref="JsonModelReader"/> does not read itself.</summary>
[JsonSerializable(typeof(int?))]
[JsonSerializable(typeof(long?))]
[JsonSerializable(typeof(double?))]
internal sealed partial class NumberJsonContext : JsonSerializerContext
{
}
