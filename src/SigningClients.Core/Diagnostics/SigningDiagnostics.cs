using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace SigningClients.Core.Diagnostics;

/// <summary>
/// The <see cref="ActivitySource"/> and <see cref="Meter"/> named <c>SigningClients</c> that every client reports
/// to. Tags: <c>signing.provider</c>, <c>signing.operation</c>, <c>http.request.method</c>, <c>http.response.status_code</c>.
/// </summary>
public static class SigningDiagnostics
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "SigningClients";

    private static readonly string Version =
        typeof(SigningDiagnostics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>One activity per operation call (spanning its retries).</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, Version);

    /// <summary>Request counters and durations.</summary>
    public static Meter Meter { get; } = new(Name, Version);

    internal static Counter<long> Attempts { get; } = Meter.CreateCounter<long>("signingclients.client.attempts", "{attempt}", "HTTP attempts sent, by provider, operation and status.");

    internal static Counter<long> Retries { get; } = Meter.CreateCounter<long>("signingclients.client.retries", "{retry}", "Retries scheduled, by provider and operation.");

    internal static Histogram<double> Duration { get; } = Meter.CreateHistogram<double>("signingclients.client.operation.duration", "s", "Duration of operation calls including retries.");
}
