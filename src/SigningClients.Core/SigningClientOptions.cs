using System;
using System.Net;

namespace SigningClients.Core;

/// <summary>Settings every SigningClients client shares; each provider's options class derives from it.</summary>
public abstract class SigningClientOptions
{
    /// <summary>The provider's base address. Must be <c>https</c>, except on loopback with <see cref="AllowHttpOnLoopback"/>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// Allows plain <c>http</c> when the endpoint is a loopback address (127.0.0.0/8, ::1, localhost), for the
    /// SigningClients simulators and local tests. Never allows http to any other host. Default <see langword="false"/>.
    /// </summary>
    public bool AllowHttpOnLoopback { get; set; }

    /// <summary>Retry and attempt-timeout settings.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>Bounds on response size, provider-message length, body stalls and paging (see <see cref="ClientLimits"/>).</summary>
    public ClientLimits Limits { get; set; } = new();

    /// <summary>The endpoint for display (<c>ToString()</c>, logs): user info and query removed.</summary>
    protected string EndpointForDisplay => DisplayUri(Endpoint);

    /// <summary>A display-safe form of <paramref name="uri"/>: scheme, host, port and path only (no user info, query or fragment).</summary>
    /// <param name="uri">The address.</param>
    /// <returns>The display text (empty for <see langword="null"/>).</returns>
    public static string DisplayUri(Uri? uri)
    {
        if (uri is null)
        {
            return string.Empty;
        }

        return uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(relative)";
    }

    /// <summary>
    /// How the client's wait helpers (<c>WaitForCompletionAsync</c>, <c>WaitForResultAsync</c>,
    /// <c>WaitForDstStatusAsync</c>, <c>WaitForCompletionAndDownloadAsync</c>) poll when a call passes no polling
    /// options. Default: first poll at once, then 2 s growing by 1.5 up to 30 s, and an overall
    /// <see cref="PollingOptions.Timeout"/> of <see cref="DefaultWaitTimeout"/> (1 hour) so a wait never blocks forever;
    /// set <c>Timeout = null</c> to wait until done or cancelled.
    /// </summary>
    public PollingOptions Polling { get; set; } = new() { Timeout = DefaultWaitTimeout };

    /// <summary>The default overall timeout of every wait helper: 1 hour.</summary>
    public static TimeSpan DefaultWaitTimeout { get; } = TimeSpan.FromHours(1);

    /// <summary>Validates the options; the client calls it at construction and DI validates at start-up.</summary>
    /// <exception cref="ArgumentException">A setting is missing or invalid.</exception>
    public virtual void Validate()
    {
        if (Endpoint is null)
        {
            throw new ArgumentException($"{GetType().Name}.Endpoint is required.", nameof(Endpoint));
        }

        EnsureSecureEndpoint(Endpoint, AllowHttpOnLoopback, nameof(Endpoint));
        (Retry ?? throw new ArgumentException("Retry options cannot be null.", nameof(Retry))).Validate();
        (Limits ?? throw new ArgumentException("Limits cannot be null.", nameof(Limits))).Validate();
        (Polling ?? throw new ArgumentException("Polling options cannot be null.", nameof(Polling))).Validate();
    }

    /// <summary>
    /// Checks that <paramref name="uri"/> is absolute and uses https, or http on loopback when allowed.
    /// </summary>
    /// <param name="uri">The address.</param>
    /// <param name="allowHttpOnLoopback">Whether http is allowed for loopback addresses.</param>
    /// <param name="paramName">The setting name for the error.</param>
    /// <exception cref="ArgumentException">The address is relative, not http(s), or http on a non-loopback host (or without opt-in).</exception>
    public static void EnsureSecureEndpoint(Uri uri, bool allowHttpOnLoopback, string paramName)
    {
        if (uri is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException($"{paramName} must be an absolute URI.", paramName);
        }

        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return;
        }

        if (uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"{paramName} must use https.", paramName);
        }

        if (!IsLoopback(uri))
        {
            throw new ArgumentException($"{paramName} must use https: plain http is only allowed for loopback addresses.", paramName);
        }

        if (!allowHttpOnLoopback)
        {
            throw new ArgumentException($"{paramName} uses http on loopback; set AllowHttpOnLoopback = true to allow it (simulators and local tests only).", paramName);
        }
    }

    /// <summary>Whether the URI's host is a loopback address or <c>localhost</c>.</summary>
    /// <param name="uri">The URI.</param>
    /// <returns><see langword="true"/> for loopback hosts.</returns>
    public static bool IsLoopback(Uri uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return false;
        }

        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var host = uri.Host.TrimStart('[').TrimEnd(']');
        return IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address);
    }
}
