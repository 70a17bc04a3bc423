using System;
using System.Net.Http;
using System.Threading;

namespace SigningClients.Core.Http;

/// <summary>
/// The <see cref="HttpClient"/> of a client constructed without dependency injection: the caller's client (never
/// disposed here; configure its handler with <c>AllowAutoRedirect = false</c>), or one created for the client (infinite
/// timeout — attempts are timed by the pipeline —, no automatic redirects) and disposed with it.
/// </summary>
public sealed class HttpClientOwner : IDisposable
{
    private readonly HttpClient _client;
    private readonly bool _owned;

    /// <summary>Wraps the caller's client, or creates one when <paramref name="httpClient"/> is <see langword="null"/>.</summary>
    /// <param name="httpClient">The caller's client, if any.</param>
    public HttpClientOwner(HttpClient? httpClient)
    {
        _owned = httpClient is null;
        // The SDK's own client never follows redirects (see the README's redirect policy); a caller's client should not either.
        _client = httpClient ?? new HttpClient(Pipeline.RedirectPolicy.CreateHandler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        Provider = () => _client;
    }

    /// <summary>Returns the client, for <see cref="Pipeline.SigningPipeline"/>.</summary>
    public Func<HttpClient> Provider { get; }

    /// <summary>Disposes the client if it was created here.</summary>
    public void Dispose()
    {
        if (_owned)
        {
            _client.Dispose();
        }
    }
}
