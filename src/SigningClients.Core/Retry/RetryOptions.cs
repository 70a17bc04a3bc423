using System;

namespace SigningClients.Core;

/// <summary>
/// How a client retries failed attempts. Retries happen on 408, 429, 500, 502, 503, 504, connection failures and
/// attempt timeouts, with exponential backoff and jitter; <c>Retry-After</c> is honoured. A non-idempotent request
/// is retried only when it certainly never reached the server, or after a 429.
/// </summary>
public sealed class RetryOptions
{
    /// <summary>Maximum number of retries after the first attempt (0 disables retries). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Delay before the first retry; later delays grow exponentially. Default 0.5 s.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap for a computed backoff delay. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether to randomize backoff delays (recommended under load). Default <see langword="true"/>.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// Longest <c>Retry-After</c> the client waits for. A provider asking for more is not retried: the
    /// <see cref="SigningApiException.RetryAfter"/> of the resulting exception tells the caller when to come back.
    /// Default 60 s.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of a single attempt (headers and, for typed results, the body). Default 100 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Longest time one call may take across all its attempts and the waits between them (until the answer's headers,
    /// or for typed answers its body, arrived). A <c>Retry-After</c> or backoff that would end past it is not waited
    /// for: the call fails with the last error (its <see cref="SigningApiException.RetryAfter"/> tells when to come
    /// back), or with <see cref="SigningFailureKind.Timeout"/> when the time runs out during an attempt. Default 5 minutes.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Validates the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (MaxRetries < 0 || MaxRetries > 20)
        {
            throw new ArgumentException("Retry.MaxRetries must be between 0 and 20.", nameof(MaxRetries));
        }

        if (InitialDelay < TimeSpan.Zero || MaxDelay < TimeSpan.Zero || MaxRetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentException("Retry delays cannot be negative.", nameof(InitialDelay));
        }

        if (AttemptTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Retry.AttemptTimeout must be positive.", nameof(AttemptTimeout));
        }

        if (TotalTimeout <= TimeSpan.Zero || TotalTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentException("Retry.TotalTimeout must be positive and at most 24 days.", nameof(TotalTimeout));
        }
    }
}
