using System;
using System.Text.Json;

namespace SigningClients.Core.Serialization;

/// <summary>
/// While a page of models is read, the strings that repeat by nature across its items (tenant, user and group ids,
/// vocabulary values such as domains, MIME types, roles or tags) are created once and shared: a page of 1,000 items
/// otherwise holds thousands of copies of the same few strings, which the garbage collector copies while the page is
/// built. Strings are immutable, so sharing is invisible to the caller. Used through
/// <see cref="JsonModelReader.ShareStrings"/> and <see cref="JsonModelReader.ReadSharedString"/>.
/// </summary>
/// <remarks>
/// The table is the page's own (created for one page on the reading thread, dropped with it): no string outlives the
/// page through it. A small direct-mapped table of short ASCII strings without escapes, keyed by length and first and
/// last eight bytes; a miss just creates the string (and takes the slot), so the worst case is the unshared read plus
/// one comparison.
/// </remarks>
internal sealed class SharedStrings
{
    private const int Slots = 256;
    private const int MaxLength = 64;

    [ThreadStatic]
    private static SharedStrings? t_current;

    private readonly string?[] _slots = new string?[Slots];

    /// <summary>Shares strings while a page is read on this thread, until the returned scope ends.</summary>
    public static Scope Begin()
    {
        var previous = t_current;
        t_current = new SharedStrings();
        return new Scope(previous);
    }

    /// <summary>The string under the reader (a string token), shared when a page is being read and it is short ASCII.</summary>
    public static string Get(ref Utf8JsonReader reader)
    {
        var table = t_current;
        if (table is null || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return reader.GetString()!;
        }

        var bytes = reader.ValueSpan;
        if (bytes.Length > MaxLength || bytes.Length == 0)
        {
            return reader.GetString()!;
        }

        ref var slot = ref table._slots[Slot(bytes)];
        if (slot is { } candidate && Same(candidate, bytes))
        {
            return candidate;
        }

        var text = reader.GetString()!;
        if (text.Length == bytes.Length)
        {
            // As many characters as bytes: ASCII only, so a later comparison byte to character is exact.
            slot = text;
        }

        return text;
    }

    private static int Slot(ReadOnlySpan<byte> bytes)
    {
        ByteKeys.Ends(bytes, out ulong first, out ulong last);
        return (int)(ByteKeys.Mix(first, last, bytes.Length) >> 56);
    }

    private static bool Same(string text, ReadOnlySpan<byte> bytes)
    {
        if (text.Length != bytes.Length)
        {
            return false;
        }

#if NET8_0_OR_GREATER
        return System.Text.Ascii.Equals(bytes, text.AsSpan());
#else
        for (int i = 0; i < bytes.Length; i++)
        {
            if (text[i] != bytes[i])
            {
                return false;
            }
        }

        return true;
#endif
    }

    /// <summary>Ends the page's sharing (restores what was there before, for a page read inside another).</summary>
    internal sealed class Scope : IDisposable
    {
        private readonly SharedStrings? _previous;

        public Scope(SharedStrings? previous) => _previous = previous;

        public void Dispose() => t_current = _previous;
    }
}
