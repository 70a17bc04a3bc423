using Signant.InstantSign;
using SigningClients.Core;

namespace SigningClients.Hostile.Tests.Infrastructure;

/// <summary>
/// The only place the suite touches the limit options the fix introduced. Built with -p:HostileBaseline=true the
/// probes compile against code from before the fix (without these options) and must fail there.
/// </summary>
public static class HostileLimits
{
    public const long MaxResponseBytes = 256 * 1024;
    public const int MaxProviderMessageLength = 1024;
    public static readonly TimeSpan BodyIdleTimeout = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan TotalTimeout = TimeSpan.FromSeconds(5);
    public const int MaxPages = 50;
    public const long MaxAttachmentBytes = 1024 * 1024;

    public static void Apply(SigningClientOptions options)
    {
#if !HOSTILE_BASELINE
        options.Retry.TotalTimeout = TotalTimeout;
        options.Limits.MaxResponseBytes = MaxResponseBytes;
        options.Limits.MaxProviderMessageLength = MaxProviderMessageLength;
        options.Limits.BodyIdleTimeout = BodyIdleTimeout;
        options.Limits.MaxPages = MaxPages;
#endif
    }

    public static void Signant(SignantClientOptions options)
    {
#if !HOSTILE_BASELINE
        options.MaxAttachmentBytes = MaxAttachmentBytes;
#endif
    }

    public static string Describe() =>
        "MaxResponseBytes " + MaxResponseBytes / 1024 + " KB, MaxProviderMessageLength " + MaxProviderMessageLength + ", BodyIdleTimeout " + BodyIdleTimeout.TotalSeconds +
        " s, Retry.TotalTimeout " + TotalTimeout.TotalSeconds + " s, MaxPages " + MaxPages + ", Signant MaxAttachmentBytes " + MaxAttachmentBytes / 1024 + " KB";
}
