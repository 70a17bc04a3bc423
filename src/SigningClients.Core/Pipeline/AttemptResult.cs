using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Http;

namespace SigningClients.Core.Pipeline;

/// <summary>An answer with a status the request does not accept: what the retry rule and the error need of it (the body read, bounded).</summary>
internal sealed class FailedAttempt
{
    private FailedAttempt(int status, string? contentType, string body, string? requestId, TimeSpan? retryAfter, Uri uri, Uri? location)
    {
        Uri = uri;
        Location = location;
        Status = status;
        ContentType = contentType;
        Body = body;
        RequestId = requestId;
        RetryAfter = retryAfter;
    }

    public int Status { get; }

    public string? ContentType { get; }

    public string Body { get; }

    public string? RequestId { get; }

    public TimeSpan? RetryAfter { get; }

    public Uri Uri { get; }

    public Uri? Location { get; }

    public static async Task<FailedAttempt> ReadAsync(HttpResponseMessage response, Uri uri, string? requestId, DateTimeOffset now, int maxBytes, CancellationToken cancellationToken)
    {
        string body = string.Empty;
        if (response.Content is not null)
        {
            try
            {
#if NET5_0_OR_GREATER
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
                var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
                body = await SigningResponse.ReadLimitedTextAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (TransportFailure.IsTransport(ex))
            {
                body = string.Empty;
            }
        }

        return new FailedAttempt((int)response.StatusCode, response.Content?.Headers.ContentType?.MediaType, body, requestId, RetryAfterHeader.ToDelay(response.Headers.RetryAfter, now), uri, response.Headers.Location);
    }
}
