using System;
using System.Buffers.Binary;

namespace SigningClients.Core.Serialization;

/// <summary>
/// A 64-bit key of a short run of bytes (a member name, a string value), for the reader's name keys and the page's
/// string table: its length and its first and last eight bytes.
/// </summary>
internal static class ByteKeys
{
    /// <summary>
    /// The first and last eight bytes (little-endian; they overlap below 16 bytes). Below 8 bytes, all of them in
    /// <paramref name="first"/> and 0 in <paramref name="last"/>. Bytes between the two are not read.
    /// </summary>
    public static void Ends(ReadOnlySpan<byte> bytes, out ulong first, out ulong last)
    {
        if (bytes.Length >= 8)
        {
            first = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            last = BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(bytes.Length - 8));
            return;
        }

        first = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            first |= (ulong)bytes[i] << (8 * i);
        }

        last = 0;
    }

    /// <summary>The key of the two ends and the length (equal inputs give equal keys).</summary>
    public static ulong Mix(ulong first, ulong last, int length) =>
        (first * 0x9E3779B97F4A7C15) ^ (last * 0xC2B2AE3D27D4EB4F) ^ (ulong)length;
}
