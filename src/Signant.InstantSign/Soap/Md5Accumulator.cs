using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Signant.InstantSign.Soap;

/// <summary>Computes an MD5 incrementally (Signant's <c>FileHash</c> is an MD5; it is an integrity check, not a security boundary).</summary>
[SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "Signant defines FileHash as MD5; used only to detect corruption.")]
internal sealed class Md5Accumulator : IDisposable
{
#if NET
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#else
    private readonly MD5 _hash = MD5.Create();
#endif

    public void Append(byte[] buffer, int offset, int count)
    {
#if NET
        _hash.AppendData(buffer, offset, count);
#else
        _hash.TransformBlock(buffer, offset, count, null, 0);
#endif
    }

    /// <summary>Returns the hash as lower-case hex.</summary>
    public string FinishHex()
    {
#if NET
        var bytes = _hash.GetHashAndReset();
#else
        _hash.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
        var bytes = _hash.Hash!;
#endif
        var builder = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            builder.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="expected"/> (hex in any case, or base64) denotes the same MD5 as <paramref name="actualHex"/>.</summary>
    public static bool Matches(string expected, string actualHex)
    {
        var trimmed = expected.Trim();
        if (string.Equals(trimmed.Replace("-", string.Empty), actualHex, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (trimmed.Length == 24)
        {
            try
            {
                var bytes = Convert.FromBase64String(trimmed);
                var builder = new StringBuilder(bytes.Length * 2);
                foreach (var b in bytes)
                {
                    builder.Append(b.ToString("x2", CultureInfo.InvariantCulture));
                }

                return string.Equals(builder.ToString(), actualHex, StringComparison.Ordinal);
            }
            catch (FormatException)
            {
                return false;
            }
        }

        return false;
    }

    public void Dispose() => _hash.Dispose();
}
