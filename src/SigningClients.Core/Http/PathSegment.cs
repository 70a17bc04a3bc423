using System;

namespace SigningClients.Core.Http;

/// <summary>
/// Turns an id or name into one escaped path segment that cannot change the path's structure: besides escaping
/// <c>/</c>, <c>?</c>, <c>#</c> and the like, it refuses the dot segments <c>.</c> and <c>..</c> — also percent-encoded
/// (<c>%2e</c>, <c>%2E%2e</c>, double-encoded <c>%252e</c>) — which a server or proxy would resolve to the parent path
/// (<c>DELETE /documents/..</c> → <c>DELETE /</c>).
/// </summary>
public static class PathSegment
{
    /// <summary>Checks and escapes one path segment.</summary>
    /// <param name="segment">The raw segment.</param>
    /// <param name="paramName">The argument name reported on refusal.</param>
    /// <returns>The escaped segment.</returns>
    /// <exception cref="ArgumentException">The segment is null, empty, white space or a dot segment.</exception>
    public static string Escape(string segment, string paramName = "id")
    {
        if (string.IsNullOrWhiteSpace(segment))
        {
            throw new ArgumentException("The value cannot be null, empty or white space.", paramName);
        }

        if (IsDotSegment(segment))
        {
            throw new ArgumentException("The value cannot be '.' or '..' (in any encoding): it would address the parent path.", paramName);
        }

        return Uri.EscapeDataString(segment);
    }

    /// <summary>Whether <paramref name="segment"/> is <c>.</c> or <c>..</c> once percent-decoded (repeatedly) and trimmed.</summary>
    /// <param name="segment">The raw segment.</param>
    /// <returns><see langword="true"/> for dot segments.</returns>
    public static bool IsDotSegment(string? segment)
    {
        if (segment is null)
        {
            return false;
        }

        var current = segment.Trim();
        for (int round = 0; round < 4; round++)
        {
            if (current is "." or "..")
            {
                return true;
            }

            if (current.IndexOf('%') < 0)
            {
                return false;
            }

            string decoded;
            try
            {
                decoded = Uri.UnescapeDataString(current).Trim();
            }
            catch (UriFormatException)
            {
                return false;
            }

            if (decoded == current)
            {
                return false;
            }

            current = decoded;
        }

        return current is "." or "..";
    }
}
