using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using SigningClients.Core.Diagnostics;

namespace SigningClients.TestSupport;

/// <summary>One measurement of an SDK instrument.</summary>
/// <param name="Instrument">The instrument name.</param>
/// <param name="Unit">The instrument's unit.</param>
/// <param name="Value">The value.</param>
/// <param name="Tags">The tags.</param>
public sealed record CapturedMeasurement(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    /// <summary>A tag's value as invariant text, or <see langword="null"/>.</summary>
    /// <param name="key">The tag key.</param>
    /// <returns>The text.</returns>
    public string? Tag(string key) => Tags.TryGetValue(key, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
}

/// <summary>
/// Listens to the SDK's <see cref="ActivitySource"/> and <see cref="Meter"/> (and to <c>System.Net.Http</c>'s spans)
/// for the calls made inside one test: it starts a root activity with a trace id of its own and keeps only the spans
/// of that trace and the measurements taken while an activity of that trace is current, so tests running in
/// parallel never see each other's telemetry. Dispose it to stop the root and the listeners.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    /// <summary>The name of the root span's source.</summary>
    public const string TestSourceName = "SigningClients.Tests.Telemetry";

    private static readonly ActivitySource TestSource = new(TestSourceName);

    private readonly ActivityTraceId _traceId = ActivityTraceId.CreateRandom();
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<CapturedMeasurement> _measurements = new();
    private readonly Activity? _previous;
    private readonly Activity _root;

    /// <summary>Starts listening and makes the root span current for the caller.</summary>
    public TelemetryCapture()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name is SigningDiagnostics.Name or TestSourceName or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Parent.TraceId == _traceId ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == _traceId && activity.Source.Name != TestSourceName)
                {
                    _spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);

        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SigningDiagnostics.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();

        _previous = Activity.Current;
        _root = TestSource.StartActivity("test", ActivityKind.Internal, new ActivityContext(_traceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded))
            ?? throw new InvalidOperationException("The test root span was not sampled.");
    }

    /// <summary>The root span every captured operation span is a child of.</summary>
    public Activity Root => _root;

    /// <summary>The captured (stopped) spans, in the order they ended.</summary>
    public IReadOnlyList<Activity> Spans => _spans.ToArray();

    /// <summary>The captured measurements, in order.</summary>
    public IReadOnlyList<CapturedMeasurement> Measurements => _measurements.ToArray();

    /// <summary>The SDK spans directly beneath the root: one per operation call made by the test.</summary>
    public IReadOnlyList<Activity> OperationSpans =>
        Spans.Where(s => s.ParentSpanId == _root.SpanId && s.Source.Name == SigningDiagnostics.Name).OrderBy(s => s.StartTimeUtc).ToArray();

    /// <summary>The captured spans whose parent is <paramref name="parent"/>, from <paramref name="source"/> (the SDK's by default), in start order.</summary>
    /// <param name="parent">The parent span.</param>
    /// <param name="source">The source name.</param>
    /// <returns>The children.</returns>
    public IReadOnlyList<Activity> ChildrenOf(Activity parent, string source = SigningDiagnostics.Name) =>
        Spans.Where(s => s.ParentSpanId == parent.SpanId && s.Source.Name == source).OrderBy(s => s.StartTimeUtc).ToArray();

    /// <summary>The measurements of one instrument.</summary>
    /// <param name="instrument">The instrument name.</param>
    /// <returns>The measurements.</returns>
    public IReadOnlyList<CapturedMeasurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument).ToArray();

    /// <summary>Every text a secret could hide in: span names, status descriptions, tag and event tag values, measurement tag values.</summary>
    public IEnumerable<string> AllText =>
        Spans.SelectMany(s => new[] { s.DisplayName, s.StatusDescription ?? string.Empty }
                .Concat(s.TagObjects.Select(t => Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? string.Empty))
                .Concat(s.Events.SelectMany(e => e.Tags.Select(t => Convert.ToString(t.Value, CultureInfo.InvariantCulture) ?? string.Empty))))
            .Concat(Measurements.SelectMany(m => m.Tags.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty)));

    /// <inheritdoc />
    public void Dispose()
    {
        _root.Stop();
        Activity.Current = _previous;
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        if (Activity.Current?.TraceId != _traceId)
        {
            return;
        }

        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue(new CapturedMeasurement(instrument.Name, instrument.Unit, Convert.ToDouble(value, CultureInfo.InvariantCulture), copy));
    }
}
