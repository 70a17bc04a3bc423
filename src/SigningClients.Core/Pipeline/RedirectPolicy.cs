using System;
using System.Net.Http;

namespace SigningClients.Core.Pipeline;

/// <summary>
/// The SDK does not follow redirects, not even to the same origin: requests carry credentials (headers, and in the
/// body passwords, access codes, client secrets) that must never reach another address, and a write must never be
/// re-sent somewhere the caller did not configure. A 3xx answer fails the call as an
/// <see cref="SigningFailureKind.HttpError"/> naming the target's origin; the handlers the SDK creates (its own
/// <see cref="HttpClient"/> and the <c>IHttpClientFactory</c> clients registered by <c>AddXxxClient</c>) have
/// <c>AllowAutoRedirect</c> switched off, and an answer that arrives from another URI than the one sent (a caller's
/// own handler followed a redirect) is refused.
/// </summary>
internal static class RedirectPolicy
{
    /// <summary>Whether <paramref name="status"/> is a redirect a handler would follow.</summary>
    public static bool IsRedirect(int status) => status is 300 or 301 or 302 or 303 or 307 or 308;

    /// <summary>Switches off automatic redirects on the handlers that have them (before the handler is used).</summary>
    /// <returns>Whether the handler no longer follows redirects.</returns>
    public static bool DisableAutoRedirect(HttpMessageHandler? handler)
    {
        try
        {
            switch (handler)
            {
                case HttpClientHandler client:
                    client.AllowAutoRedirect = false;
                    return true;
#if NET
                case SocketsHttpHandler sockets:
                    sockets.AllowAutoRedirect = false;
                    return true;
#endif
                default:
                    return false;
            }
        }
        catch (InvalidOperationException)
        {
            // A handler already in use cannot be changed; the answer check below still refuses a followed redirect.
            return false;
        }
    }

    /// <summary>The SDK's own handler: no automatic redirects, no cookies shared across calls.</summary>
    public static HttpMessageHandler CreateHandler() => new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };

    /// <summary>Whether the answer came from another URI than <paramref name="sent"/> (the handler followed a redirect).</summary>
    public static bool WasRedirected(HttpResponseMessage response, Uri sent) =>
        response.RequestMessage?.RequestUri is { } final && final != sent;

    /// <summary>The origin (scheme, host, port) of <paramref name="uri"/>, with nothing that could carry a token.</summary>
    public static string Origin(Uri? uri) =>
        uri is { IsAbsoluteUri: true } ? uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) : "(a relative address)";

    /// <summary>The message of a refused 3xx answer.</summary>
    public static string DescribeRedirect(int status, Uri? location, Uri sent)
    {
        Uri? target = location is null ? null : location.IsAbsoluteUri ? location : new Uri(sent, location);
        string where = target is null ? "without a Location" : "to " + Origin(target) + (string.Equals(Origin(target), Origin(sent), StringComparison.OrdinalIgnoreCase) ? " (same origin)" : " (another origin)");
        return "The provider answered " + status + " (redirect) " + where + ". The SDK does not follow redirects, so credentials never reach another address; check the client's Endpoint.";
    }
}
