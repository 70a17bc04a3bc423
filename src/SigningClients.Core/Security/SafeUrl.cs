using System;

namespace SigningClients.Core.Security;

/// <summary>
/// The one check for URLs a provider hands to the application to open or redirect a browser to (embedded signing
/// pages, sign URLs, execution URLs): only absolute <c>https</c> URLs — or <c>http</c> on a loopback host, for the
/// simulators — without user info. <c>javascript:</c>, <c>data:</c>, <c>vbscript:</c>, <c>file:</c>, scheme-relative
/// (<c>//host/x</c>) and relative URLs, and plain <c>http</c> to any other host, are refused.
/// </summary>
public static class SafeUrl
{
    /// <summary>Longest URL accepted (characters).</summary>
    public const int MaxLength = 8192;

    /// <summary>Parses and checks <paramref name="text"/>.</summary>
    /// <param name="text">The URL as the provider sent it.</param>
    /// <param name="url">The checked URL.</param>
    /// <param name="problem">Why it was refused (no part of the URL is quoted, it may carry a token).</param>
    /// <returns>Whether the URL is safe to hand to a browser.</returns>
    public static bool TryCreate(string? text, out Uri? url, out string problem)
    {
        url = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "the URL is missing.";
            return false;
        }

        var trimmed = text!.Trim();
        if (trimmed.Length > MaxLength)
        {
            problem = "the URL is longer than " + MaxLength + " characters.";
            return false;
        }

        // "//host/x" and "\\host\x" parse as file: URIs on some platforms; a relative reference is never accepted.
        if (trimmed.StartsWith("/", StringComparison.Ordinal) || trimmed.StartsWith("\\", StringComparison.Ordinal) ||
            !Uri.TryCreate(trimmed, UriKind.Absolute, out var candidate))
        {
            problem = "the URL is not absolute.";
            return false;
        }

        if (!IsSafe(candidate, out problem))
        {
            return false;
        }

        url = candidate;
        return true;
    }

    /// <summary>Checks an already parsed URL.</summary>
    /// <param name="url">The URL.</param>
    /// <param name="problem">Why it was refused.</param>
    /// <returns>Whether the URL is safe to hand to a browser.</returns>
    public static bool IsSafe(Uri? url, out string problem)
    {
        if (url is null || !url.IsAbsoluteUri)
        {
            problem = "the URL is not absolute.";
            return false;
        }

        if (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && SigningClientOptions.IsLoopback(url)))
        {
            if (url.UserInfo.Length > 0)
            {
                problem = "the URL carries user info.";
                return false;
            }

            if (url.Host.Length == 0)
            {
                problem = "the URL has no host.";
                return false;
            }

            problem = string.Empty;
            return true;
        }

        problem = url.Scheme == Uri.UriSchemeHttp
            ? "the URL uses plain http to a host that is not loopback."
            : "the URL uses the '" + (url.Scheme.Length <= 16 ? url.Scheme : url.Scheme.Substring(0, 16)) + ":' scheme; only https is accepted.";
        return false;
    }
}
