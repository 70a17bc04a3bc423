using System;
using System.Net.Http.Headers;

namespace SigningClients.Core.Pipeline;

/// <summary>Reads a <c>Retry-After</c> header (RFC 9110 §10.2.3): delay-seconds or an HTTP date.</summary>
internal static class RetryAfterHeader
{
    /// <summary>
    /// The wait the header asks for, measured from <paramref name="now"/>: the delta as given, or the time until the
    /// date; a date in the past means "now" (zero). <see langword="null"/> when there is no header.
    /// </summary>
    /// <param name="header">The parsed header, if the answer has one.</param>
    /// <param name="now">The current time (the client's clock).</param>
    /// <returns>The delay, never negative.</returns>
    public static TimeSpan? ToDelay(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header is null)
        {
            return null;
        }

        TimeSpan? delay = header.Delta ?? (header.Date is { } date ? date - now : null);
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
