using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;

namespace SigningClients.Core.Serialization;

/// <summary>
/// A provider value set the server may extend (statuses, event names, roles): a string-backed <c>readonly struct</c>
/// with the known values as static properties. Unknown values round-trip unchanged and never throw.
/// </summary>
/// <remarks>
/// Pattern: <c>[JsonConverter(typeof(Converter))] public readonly struct DstStatus : IExtensibleEnum, IEquatable&lt;DstStatus&gt;</c>
/// with a nested <c>sealed class Converter : ExtensibleEnumConverter&lt;DstStatus&gt;</c> whose <c>Create</c> calls the constructor.
/// </remarks>
public interface IExtensibleEnum
{
    /// <summary>The wire value (may be <see langword="null"/> for <c>default</c>).</summary>
    string? Value { get; }
}

/// <summary>Reads and writes an <see cref="IExtensibleEnum"/> as its string value (also as a dictionary key).</summary>
/// <typeparam name="T">The extensible enum type.</typeparam>
public abstract class ExtensibleEnumConverter<T> : JsonConverter<T>
    where T : struct, IExtensibleEnum
{
    /// <summary>Creates the enum value for a wire string.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The enum value.</returns>
    protected abstract T Create(string value);

    /// <inheritdoc />
    public override bool HandleNull => false;

    // Values already read, by their UTF-8 form: a page of a thousand items repeats a handful of statuses, and each
    // would otherwise cost a new string. Bounded (a server sending ever new values cannot grow it), immutable
    // snapshots swapped in whole (readers never lock), and it holds only immutable values: it changes no result.
    private const int MaxCachedValues = 64;
    private const int MaxCachedLength = 64;
    private Cached[] _cache = Array.Empty<Cached>();

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        return reader.TokenType switch
        {
            JsonTokenType.String => ReadString(ref reader),
            JsonTokenType.Number => Create(System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray())),
            JsonTokenType.True => Create("true"),
            JsonTokenType.False => Create("false"),
            _ => throw new JsonException("Expected a string for " + typeof(T).Name + "."),
        };
    }

    private T ReadString(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxCachedLength)
        {
            return Create(reader.GetString()!);
        }

        var span = reader.ValueSpan;
        var cache = Volatile.Read(ref _cache);
        for (int i = 0; i < cache.Length; i++)
        {
            if (span.SequenceEqual(cache[i].Utf8))
            {
                return cache[i].Value;
            }
        }

        var value = Create(reader.GetString()!);
        if (cache.Length < MaxCachedValues)
        {
            // A lost race only drops an entry: the next read adds it again.
            var grown = new Cached[cache.Length + 1];
            Array.Copy(cache, grown, cache.Length);
            grown[cache.Length] = new Cached(span.ToArray(), value);
            Interlocked.CompareExchange(ref _cache, grown, cache);
        }

        return value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (value.Value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.Value);
        }
    }

    /// <inheritdoc />
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadString(ref reader);

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        writer.WritePropertyName(value.Value ?? string.Empty);
    }

    private readonly struct Cached
    {
        public Cached(byte[] utf8, T value)
        {
            Utf8 = utf8;
            Value = value;
        }

        public byte[] Utf8 { get; }

        public T Value { get; }
    }
}
