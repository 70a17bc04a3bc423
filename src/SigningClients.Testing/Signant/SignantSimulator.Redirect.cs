using System;
using System.Collections.Concurrent;

namespace SigningClients.Testing;

/// <summary>Signant's return to the integrator: the signer's browser is redirected after signing.</summary>
public sealed partial class SignantSimulator
{
    private readonly ConcurrentDictionary<Guid, Uri> _afterSignRedirects = new();

    /// <summary>
    /// Where the signer's browser goes after signing: the posting's <c>AfterSignRedirectUrl</c> when its
    /// <c>AfterSignAction</c> is <c>Redirect</c> (Signant appends nothing). The signing page (<see cref="GetSigningUrl"/>)
    /// answers the signer's POST with a <c>302</c> to it, which a test's browser follows.
    /// </summary>
    /// <param name="postingId">The posting.</param>
    /// <returns>The URL, or <see langword="null"/> when the posting is unknown or does not redirect.</returns>
    public Uri? GetAfterSignRedirectUrl(Guid postingId) => _afterSignRedirects.TryGetValue(postingId, out var url) ? url : null;

    private void RememberRedirect(Guid postingId, string? action, string? url)
    {
        if (action == "Redirect" && Uri.TryCreate(url, UriKind.Absolute, out var redirect))
        {
            _afterSignRedirects[postingId] = redirect;
        }
    }
}
