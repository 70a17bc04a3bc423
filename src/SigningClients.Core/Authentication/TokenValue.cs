using System;

namespace SigningClients.Core.Authentication;

/// <summary>
/// Checks on tokens a provider issues before they are cached and sent: a token is a header value, so it must be
/// visible ASCII (no CR/LF that would split headers, no bytes a handler refuses to send on every later call).
/// </summary>
public static class TokenValue
{
    /// <summary>Longest token accepted (characters).</summary>
    public const int MaxLength = 16 * 1024;

    /// <summary>Longest lifetime a token is trusted for, whatever <c>expires_in</c> says: 24 hours (it is then fetched again).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);

    /// <summary>Whether <paramref name="token"/> can be sent as a header value: 1 to <see cref="MaxLength"/> visible ASCII characters (0x21–0x7E).</summary>
    /// <param name="token">The token.</param>
    /// <returns><see langword="true"/> when the token is safe to cache and send.</returns>
    public static bool IsWellFormed(string? token)
    {
        if (string.IsNullOrEmpty(token) || token!.Length > MaxLength)
        {
            return false;
        }

        foreach (char c in token)
        {
            if (c < '!' || c > '~')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads a token lifetime in seconds (<c>expires_in</c>) defensively: not finite, zero or negative → <see langword="null"/>
    /// (use the default); above <see cref="MaxLifetime"/> → <see cref="MaxLifetime"/>.
    /// </summary>
    /// <param name="seconds">The lifetime the provider announced.</param>
    /// <returns>The lifetime to use, or <see langword="null"/>.</returns>
    public static TimeSpan? Lifetime(double seconds)
    {
        if (double.IsNaN(seconds) || double.IsInfinity(seconds) || seconds <= 0)
        {
            return null;
        }

        return seconds >= MaxLifetime.TotalSeconds ? MaxLifetime : TimeSpan.FromSeconds(seconds);
    }
}
