using System;

namespace SigningClients.Core;

/// <summary>
/// Bounds on what a provider's answers may cost the application, so that a misconfigured or hostile endpoint cannot
/// exhaust memory, hang a call or flood an exception. Every client has one (<see cref="SigningClientOptions.Limits"/>);
/// the defaults are generous for every documented answer of the five providers.
/// </summary>
public sealed class ClientLimits
{
    /// <summary>Default of <see cref="MaxResponseBytes"/>: 16 MB.</summary>
    public const long DefaultMaxResponseBytes = 16L * 1024 * 1024;

    /// <summary>Default of <see cref="MaxProviderMessageLength"/>: 4,096 characters.</summary>
    public const int DefaultMaxProviderMessageLength = 4096;

    /// <summary>Default of <see cref="MaxPagesWithoutProgress"/>: 3.</summary>
    public const int DefaultMaxPagesWithoutProgress = 3;

    /// <summary>Default of <see cref="MaxPages"/>: 10,000.</summary>
    public const int DefaultMaxPages = 10_000;

    /// <summary>
    /// Largest body of a typed (parsed) answer — JSON models, SOAP results, token answers, texts — read into memory.
    /// A larger answer fails with <see cref="SigningFailureKind.InvalidResponse"/> after reading at most this many
    /// bytes. Streamed downloads are not bounded by it (they are not held in memory). Default 16 MB.
    /// </summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>
    /// Longest provider message (and error code) kept in a <see cref="SigningApiException"/>; longer ones are cut and
    /// marked <c>[truncated]</c>. Default 4,096 characters.
    /// </summary>
    public int MaxProviderMessageLength { get; set; } = DefaultMaxProviderMessageLength;

    /// <summary>
    /// Longest wait for the next bytes of a response body after the headers arrived — for typed answers and for
    /// streamed downloads (including a Signant attachment decoded from base64). A body that stalls longer fails with
    /// <see cref="SigningFailureKind.Timeout"/>. Wall-clock time. Default 30 s.
    /// </summary>
    public TimeSpan BodyIdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Number of consecutive pages that bring nothing new — an empty page that still carries a continuation token, or a
    /// continuation token already returned in this enumeration — after which listing fails with
    /// <see cref="SigningFailureKind.InvalidResponse"/> instead of paging forever. Default 3.
    /// </summary>
    public int MaxPagesWithoutProgress { get; set; } = DefaultMaxPagesWithoutProgress;

    /// <summary>
    /// Most pages one enumeration of a list requests; a provider that keeps answering full pages beyond it fails with
    /// <see cref="SigningFailureKind.InvalidResponse"/>. Default 10,000 (a million items at 100 per page).
    /// </summary>
    public int MaxPages { get; set; } = DefaultMaxPages;

    /// <summary>Validates the values.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (MaxResponseBytes < 1024)
        {
            throw new ArgumentException("Limits.MaxResponseBytes must be at least 1024.", nameof(MaxResponseBytes));
        }

        if (MaxProviderMessageLength < 64)
        {
            throw new ArgumentException("Limits.MaxProviderMessageLength must be at least 64.", nameof(MaxProviderMessageLength));
        }

        if (BodyIdleTimeout <= TimeSpan.Zero && BodyIdleTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("Limits.BodyIdleTimeout must be positive (or Timeout.InfiniteTimeSpan).", nameof(BodyIdleTimeout));
        }

        if (BodyIdleTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentException("Limits.BodyIdleTimeout is too large.", nameof(BodyIdleTimeout));
        }

        if (MaxPagesWithoutProgress < 1)
        {
            throw new ArgumentException("Limits.MaxPagesWithoutProgress must be at least 1.", nameof(MaxPagesWithoutProgress));
        }

        if (MaxPages < 1)
        {
            throw new ArgumentException("Limits.MaxPages must be at least 1.", nameof(MaxPages));
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        "ClientLimits { MaxResponseBytes = " + MaxResponseBytes + ", MaxProviderMessageLength = " + MaxProviderMessageLength +
        ", BodyIdleTimeout = " + BodyIdleTimeout + ", MaxPagesWithoutProgress = " + MaxPagesWithoutProgress + ", MaxPages = " + MaxPages + " }";
}
