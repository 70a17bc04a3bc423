using System;
using System.Linq;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SigningClients.Core.Diagnostics;

namespace QuickStart;

/// <summary>
/// The opt-in <c>--trace</c> flag: exports the SDK's spans (one per call, one per HTTP request beneath it) and its
/// metrics to the console with OpenTelemetry, so a newcomer sees what an operator will see. Add
/// <c>.AddSource("System.Net.Http")</c> to also see .NET's own HttpClient span nested beneath each request span.
/// </summary>
internal static class Tracing
{
    public const string Flag = "--trace";

    /// <summary>Starts console export when <paramref name="args"/> has <c>--trace</c> (removing it); dispose to flush.</summary>
    public static IDisposable? StartIfRequested(ref string[] args)
    {
        if (!args.Contains(Flag, StringComparer.Ordinal))
        {
            return null;
        }

        args = args.Where(a => !string.Equals(a, Flag, StringComparison.Ordinal)).ToArray();
        var resource = ResourceBuilder.CreateDefault().AddService("SigningClients.QuickStart");
        var tracer = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(SigningDiagnostics.Name)
            .AddConsoleExporter()
            .Build();
        var meter = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(SigningDiagnostics.Name)
            .AddConsoleExporter()
            .Build();
        return new Export(tracer, meter);
    }

    private sealed class Export : IDisposable
    {
        private readonly TracerProvider _tracer;
        private readonly MeterProvider _meter;

        public Export(TracerProvider tracer, MeterProvider meter)
        {
            _tracer = tracer;
            _meter = meter;
        }

        // Disposing flushes: the last spans and the metrics (collected once, at the end) are printed.
        public void Dispose()
        {
            _tracer.Dispose();
            _meter.Dispose();
        }
    }
}
