using System;
using System.Collections.Generic;
using System.Text.Json;

namespace SigningToday.Dst.Serialization;

/// <summary>
/// The names of one object as <see cref="DstReader"/> reads it: a hash of each name's bytes with ASCII letters folded
/// to lower case, kept on the stack. Names that are equal ignoring case have equal hashes, so distinct hashes prove
/// there is no repeat; anything else leaves the object <see cref="Undecided"/>, for the exact comparison.
/// </summary>
internal ref struct NameHashes
{
    /// <summary>How many names are noted (a DST has 24 members); an object with more is compared exactly.</summary>
    public const int Capacity = 32;

    private readonly Span<uint> _hashes;
    private int _count;

    public NameHashes(Span<uint> hashes)
    {
        _hashes = hashes;
        _count = 0;
        Undecided = false;
    }

    /// <summary>Whether the hashes cannot prove that no name repeats.</summary>
    public bool Undecided { get; private set; }

    public void Add(ReadOnlySpan<byte> name, bool escaped)
    {
        if (Undecided)
        {
            return;
        }

        // FNV-1a over the bytes, A-Z folded to a-z. An escaped or non-ASCII name is compared exactly (case folding
        // beyond ASCII, and the escapes, are the deserializers' rules on strings).
        uint hash = 2166136261;
        for (int i = 0; i < name.Length; i++)
        {
            uint b = name[i];
            if (b >= 0x80)
            {
                Undecided = true;
                return;
            }

            if (b - 'A' <= 'Z' - 'A')
            {
                b |= 0x20;
            }

            hash = (hash ^ b) * 16777619;
        }

        if (escaped || _count == _hashes.Length || _hashes.Slice(0, _count).IndexOf(hash) >= 0)
        {
            Undecided = true;
            return;
        }

        _hashes[_count++] = hash;
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
