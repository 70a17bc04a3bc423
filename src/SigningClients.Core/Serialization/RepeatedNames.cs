using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SigningClients.Core.Serialization;

/// <summary>
/// The names of one object as <see cref="JsonModelReader"/> reads it: a 64-bit key of each name kept on the stack — its length
/// and its first and last eight bytes with bit 0x20 set in every byte (so <c>A</c>-<c>Z</c> fold onto <c>a</c>-<c>z</c>).
/// Names that are equal ignoring case have equal keys, so distinct keys prove there is no repeat; a key seen before,
/// an escaped or non-ASCII name, or more names than noted leave the object <see cref="Undecided"/>, for the exact
/// comparison.
/// </summary>
internal ref struct NameKeys
{
    /// <summary>How many names are noted (a Signing Today DST has 24 members); an object with more is compared exactly.</summary>
    public const int Capacity = 32;

    private const ulong Fold = 0x2020202020202020;
    private const ulong HighBits = 0x8080808080808080;

    private readonly Span<ulong> _keys;
    private int _count;
    private ulong _filter;

    public NameKeys(Span<ulong> keys)
    {
        _keys = keys;
        _count = 0;
        _filter = 0;
        Undecided = false;
    }

    /// <summary>Whether the keys cannot prove that no name repeats.</summary>
    public bool Undecided { get; private set; }

    public void Add(ReadOnlySpan<byte> name, bool escaped)
    {
        if (Undecided)
        {
            return;
        }

        ByteKeys.Ends(name, out ulong first, out ulong last);
        if (name.Length > 16 && ContainsNonAscii(name.Slice(8, name.Length - 16)))
        {
            Undecided = true;
            return;
        }

        if (escaped || ((first | last) & HighBits) != 0 || _count == _keys.Length)
        {
            // An escaped or non-ASCII name: case folding beyond ASCII, and the escapes, are the deserializers' rules
            // on strings.
            Undecided = true;
            return;
        }

        ulong key = ByteKeys.Mix(first | Fold, last | Fold, name.Length);

        // A 64-bit filter of the keys so far: most names meet an empty bit and need no comparison.
        ulong bit = 1UL << (int)(key >> 58);
        if ((_filter & bit) != 0)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_keys[i] == key)
                {
                    Undecided = true;
                    return;
                }
            }
        }

        _filter |= bit;
        _keys[_count++] = key;
    }

    private static bool ContainsNonAscii(ReadOnlySpan<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] >= 0x80)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The exact check for repeated member names: names compared with <see cref="StringComparer.OrdinalIgnoreCase"/>.</summary>
internal static class RepeatedNames
{
    /// <summary>Refuses the object under <paramref name="start"/> (a copy of the reader at its start) if it repeats a name.</summary>
    public static void Refuse(ref Utf8JsonReader start)
    {
        using var document = JsonDocument.ParseValue(ref start);
        Refuse(document.RootElement, deep: false);
    }

    /// <summary>Refuses <paramref name="value"/> if any object in it repeats a name; returns it otherwise.</summary>
    public static JsonElement Refuse(JsonElement value)
    {
        Refuse(value, deep: true);
        return value;
    }

    private static void Refuse(JsonElement value, bool deep)
    {
        if (value.ValueKind == JsonValueKind.Array && deep)
        {
            foreach (var item in value.EnumerateArray())
            {
                Refuse(item, deep: true);
            }
        }
        else if (value.ValueKind == JsonValueKind.Object)
        {
            HashSet<string>? seen = null;
            foreach (var member in value.EnumerateObject())
            {
                seen ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                if (!seen.Add(member.Name))
                {
                    throw new JsonException("The member '" + (member.Name.Length > 64 ? member.Name.Substring(0, 64) : member.Name) + "' appears more than once in one object (names compared case-insensitively).");
                }

                if (deep)
                {
                    Refuse(member.Value, deep: true);
                }
            }
        }
    }
}
