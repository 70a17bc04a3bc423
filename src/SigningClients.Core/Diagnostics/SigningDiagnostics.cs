using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace SigningClients.Core.Diagnostics;

/// <summary>
/// The <see cref="ActivitySource"/> and <see cref="Meter"/> named <c>SigningClients</c> that every client reports to.
/// Each operation call is an <see cref="ActivityKind.Internal"/> span named <c>{Provider}.{Operation}</c>; each HTTP
/// request it sends is a <see cref="ActivityKind.Client"/> span named after the HTTP method beneath it, carrying the
/// OpenTelemetry HTTP client attributes. The README's "Observability" section lists every span, attribute, metric and
/// log event.
/// </summary>
public static class SigningDiagnostics
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "SigningClients";

    private static readonly string Version =
        typeof(SigningDiagnostics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The source of the operation spans and of the per-request HTTP client spans beneath them.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, Version);

    /// <summary>The meter of the request and operation metrics.</summary>
    public static Meter Meter { get; } = new(Name, Version);

    /// <summary>Per HTTP request, as the OpenTelemetry HTTP client semantic conventions define it.</summary>
    internal static Histogram<double> RequestDuration { get; } = Meter.CreateHistogram<double>(
        TelemetryNames.RequestDurationMetric, TelemetryNames.SecondsUnit, "Duration of HTTP client requests (each attempt and each resend), until the response headers arrived.");

    /// <summary>Per operation call, retries included; its count is the number of calls.</summary>
    internal static Histogram<double> OperationDuration { get; } = Meter.CreateHistogram<double>(
        TelemetryNames.OperationDurationMetric, TelemetryNames.SecondsUnit, "Duration of SDK operation calls including retries and their delays, by provider, operation and outcome.");

    /// <summary>Per retry scheduled.</summary>
    internal static Counter<long> Retries { get; } = Meter.CreateCounter<long>(
        TelemetryNames.RetriesMetric, TelemetryNames.RetryUnit, "Retries scheduled, by provider, operation and the error.type of the attempt that is retried.");

    /// <summary>Whether anything listens (spans or any instrument), so the pipeline can skip the bookkeeping.</summary>
    internal static bool IsObserved =>
        ActivitySource.HasListeners() || RequestDuration.Enabled || OperationDuration.Enabled || Retries.Enabled;
}
