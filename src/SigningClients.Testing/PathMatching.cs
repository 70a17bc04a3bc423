using System;

namespace SigningClients.Testing;

internal static class PathMatching
{
    /// <summary>Method "*" matches any method; a path prefix matches itself and anything below it, segment-wise.</summary>
    public static bool Matches(string methodPattern, string pathPrefix, string method, string path)
    {
        if (methodPattern != "*" && !string.Equals(methodPattern, method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (pathPrefix.Length == 0 || pathPrefix == "/")
        {
            return true;
        }

        var prefix = pathPrefix.TrimEnd('/');
        if (prefix[0] != '/')
        {
            prefix = "/" + prefix;
        }

        if (!path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return path.Length == prefix.Length || path[prefix.Length] == '/';
    }
}
