using System;
using System.Collections;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;

namespace SigningClients.Core.Serialization;

/// <summary>
/// Reads a free-form JSON object (a provider's <c>extraData</c>) into an <see cref="IReadOnlyDictionary{TKey, TValue}"/>
/// of <see cref="JsonElement"/>. The object is kept as its (minified) UTF-8 text and parsed into one document the
/// first time a member is asked for, instead of one document per member plus a hash table at read time: every member
/// is kept (values of any kind, nested objects and arrays) and written back as received.
/// </summary>
/// <remarks>
/// Lookups, <c>Count</c> and enumeration behave like a dictionary filled in document order: when a name repeats (unless
/// repeats are refused, see <see cref="RefusesRepeatedNames"/>), the last value wins and the name keeps its first position. A JSON <c>null</c> reads as <see langword="null"/>; anything
/// else that is not an object is invalid, as for a dictionary. Any other <see cref="IReadOnlyDictionary{TKey, TValue}"/>
/// is written member by member.
/// </remarks>
public sealed class JsonObjectDictionaryConverter : JsonConverter<IReadOnlyDictionary<string, JsonElement>>
{
    /// <summary>A converter that keeps repeated names (the last value wins), as a dictionary filled in order.</summary>
    public JsonObjectDictionaryConverter()
    {
    }

    /// <summary>A converter that, when <paramref name="refuseRepeatedNames"/> is set, refuses a repeated name.</summary>
    /// <param name="refuseRepeatedNames">
    /// Whether an object (the value or any object inside it) that repeats a member name, compared with
    /// <see cref="StringComparer.OrdinalIgnoreCase"/> after unescaping, is refused with a <see cref="JsonException"/>:
    /// for a converter that refuses ambiguous JSON itself (<see cref="IRefusesRepeatedMemberNames"/>).
    /// </param>
    public JsonObjectDictionaryConverter(bool refuseRepeatedNames)
    {
        RefusesRepeatedNames = refuseRepeatedNames;
    }

    /// <summary>Whether a repeated member name is refused instead of the last value winning.</summary>
    public bool RefusesRepeatedNames { get; }

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, JsonElement>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected a JSON object.");
        }

        var utf8 = RawJsonCopier.CopyValue(ref reader, out bool distinctNames);
        if (RefusesRepeatedNames && !distinctNames && JsonDuplicateKeyGuard.TryFindDuplicate(utf8, out var repeated))
        {
            throw new JsonException("The member '" + repeated + "' appears more than once in one object (names compared case-insensitively).");
        }

        return new JsonObjectMap(utf8);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement> value, JsonSerializerOptions options)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

        if (value is JsonObjectMap map)
        {
            // The bytes came from the reader (valid JSON) and are written as they were read.
            writer.WriteRawValue(map.Utf8, skipInputValidation: true);
            return;
        }

        writer.WriteStartObject();
        foreach (var pair in value ?? throw new ArgumentNullException(nameof(value)))
        {
            writer.WritePropertyName(pair.Key);
            pair.Value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    /// <summary>One JSON object's text; parsed, and its members listed, on first use.</summary>
    private sealed class JsonObjectMap : IReadOnlyDictionary<string, JsonElement>
    {
        private Members? _members;

        public JsonObjectMap(byte[] utf8) => Utf8 = utf8;

        public byte[] Utf8 { get; }

        public int Count => Members.Names.Length;

        public IEnumerable<string> Keys => Members.Names;

        public IEnumerable<JsonElement> Values => Members.Values;

        private Members Members => Volatile.Read(ref _members) ?? Init();

        public JsonElement this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException("No member named '" + key + "'.");

        public bool ContainsKey(string key) => TryGetValue(key, out _);

        // JsonElement.TryGetProperty matches the last member of that name: the dictionary rule.
        public bool TryGetValue(string key, out JsonElement value) =>
            Members.Root.TryGetProperty(key ?? throw new ArgumentNullException(nameof(key)), out value);

        public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator()
        {
            var members = Members;
            for (int i = 0; i < members.Names.Length; i++)
            {
                yield return new KeyValuePair<string, JsonElement>(members.Names[i], members.Values[i]);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private Members Init()
        {
            var reader = new Utf8JsonReader(Utf8);
            var root = JsonElement.ParseValue(ref reader);
            var names = new List<string>();
            var values = new List<JsonElement>();
            Dictionary<string, int>? index = null;
            foreach (var property in root.EnumerateObject())
            {
                int at;
                if (index is not null)
                {
                    at = index.TryGetValue(property.Name, out var i) ? i : -1;
                }
                else
                {
                    at = names.IndexOf(property.Name);
                    if (names.Count >= 8)
                    {
                        // Many members: a hash index from here on, so a large object is listed in linear time.
                        index = new Dictionary<string, int>(StringComparer.Ordinal);
                        for (int n = 0; n < names.Count; n++)
                        {
                            index[names[n]] = n;
                        }
                    }
                }

                if (at >= 0)
                {
                    values[at] = property.Value;
                    continue;
                }

                index?.Add(property.Name, names.Count);
                names.Add(property.Name);
                values.Add(property.Value);
            }

            var members = new Members(root, names.ToArray(), values.ToArray());
            return Interlocked.CompareExchange(ref _members, members, null) ?? members;
        }
    }

    private sealed class Members
    {
        public Members(JsonElement root, string[] names, JsonElement[] values)
        {
            Root = root;
            Names = names;
            Values = values;
        }

        public JsonElement Root { get; }

        public string[] Names { get; }

        public JsonElement[] Values { get; }
    }
}
