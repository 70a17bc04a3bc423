using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using SigningClients.Core.Diagnostics;
using Xunit;

namespace SigningClients.TestSupport;

/// <summary>What one HTTP request of an operation should report.</summary>
/// <param name="Status">The response status, or <see langword="null"/> when no response arrived.</param>
/// <param name="ErrorType">The expected <c>error.type</c> (status code text or exception type), or <see langword="null"/> for success.</param>
public sealed record ExpectedRequest(int? Status, string? ErrorType = null);

/// <summary>What one operation call should report in spans and metrics.</summary>
/// <param name="Provider">The provider name.</param>
/// <param name="Method">The HTTP method of its requests.</param>
/// <param name="Server">The server the requests go to (host and port).</param>
/// <param name="Outcome">The expected <c>signing.outcome</c>.</param>
/// <param name="ErrorType">The expected operation <c>error.type</c> (a <c>SigningFailureKind</c>), or <see langword="null"/>.</param>
/// <param name="Requests">The HTTP requests, in order.</param>
public sealed record ExpectedOperation(string Provider, string Method, Uri Server, string Outcome, string? ErrorType, IReadOnlyList<ExpectedRequest> Requests)
{
    /// <summary>How many retries the call should have scheduled.</summary>
    public int Retries { get; init; } = Math.Max(0, Requests.Count - 1);
}

/// <summary>
/// The checks of the SDK's telemetry contract (README "Observability"): the operation span beneath the caller's span,
/// one HTTP client span per request beneath it with the OpenTelemetry HTTP client attributes, retry events, and the
/// three instruments. Every attribute the contract names is asserted, so removing one from the code fails a test.
/// </summary>
public static class TelemetryAssert
{
    /// <summary>Asserts the span tree of one operation call under <paramref name="root"/>; returns the operation span.</summary>
    /// <param name="spans">The captured spans.</param>
    /// <param name="root">The caller's span.</param>
    /// <param name="expected">The expectation.</param>
    /// <returns>The operation span.</returns>
    public static Activity Operation(IReadOnlyList<Activity> spans, Activity root, ExpectedOperation expected)
    {
        var operation = Assert.Single(spans, s => s.ParentSpanId == root.SpanId && s.Source.Name == SigningDiagnostics.Name);
        Assert.Equal(root.TraceId, operation.TraceId);
        OperationAttributes(operation, expected);

        var requests = spans.Where(s => s.ParentSpanId == operation.SpanId && s.Source.Name == SigningDiagnostics.Name && s.Kind == ActivityKind.Client)
            .OrderBy(s => s.StartTimeUtc).ToArray();
        Assert.Equal(expected.Requests.Count, requests.Length);
        for (int i = 0; i < requests.Length; i++)
        {
            Request(requests[i], operation, expected, i);
        }

        return operation;
    }

    /// <summary>Asserts the kind, name, status, attributes and retry events of an operation span.</summary>
    /// <param name="operation">The span.</param>
    /// <param name="expected">The expectation.</param>
    public static void OperationAttributes(Activity operation, ExpectedOperation expected)
    {
        Assert.Equal(ActivityKind.Internal, operation.Kind);
        var operationName = Assert.IsType<string>(operation.GetTagItem("signing.operation"));
        Assert.NotEmpty(operationName);
        Assert.Equal(expected.Provider + "." + operationName, operation.DisplayName);
        Assert.Equal(expected.Provider, operation.GetTagItem("signing.provider"));
        Assert.Contains(operation.GetTagItem("signing.idempotency") as string, new[] { "safe", "idempotent", "not_idempotent" });
        Assert.Equal(expected.Outcome, operation.GetTagItem("signing.outcome"));
        Assert.Equal(expected.Requests.Count, operation.GetTagItem("signing.attempt_count"));
        Assert.Equal(expected.ErrorType, operation.GetTagItem("error.type"));
        Assert.Equal(expected.ErrorType is null ? ActivityStatusCode.Unset : ActivityStatusCode.Error, operation.Status);
        if (expected.ErrorType is null)
        {
            Assert.Null(operation.GetTagItem("signing.outcome_unknown"));
        }
        else
        {
            Assert.Equal(expected.Outcome == "outcome_unknown", operation.GetTagItem("signing.outcome_unknown"));
        }

        var lastStatus = expected.Requests.LastOrDefault(r => r.Status is not null)?.Status;
        Assert.Equal(lastStatus, operation.GetTagItem("http.response.status_code"));

        var retries = operation.Events.Where(e => e.Name == "signing.retry").ToArray();
        Assert.Equal(expected.Retries, retries.Length);
        for (int i = 0; i < retries.Length; i++)
        {
            var tags = retries[i].Tags.ToDictionary(t => t.Key, t => t.Value);
            Assert.Equal(i + 1, tags["http.request.resend_count"]);
            Assert.Equal(ErrorTypeOf(expected.Requests[i]), tags["error.type"]);
            Assert.True((double)tags["signing.retry.delay"]! >= 0);
        }
    }

    /// <summary>Asserts one HTTP client span.</summary>
    /// <param name="span">The span.</param>
    /// <param name="operation">Its operation span.</param>
    /// <param name="expected">The operation's expectation.</param>
    /// <param name="index">The request's position (its resend count).</param>
    public static void Request(Activity span, Activity operation, ExpectedOperation expected, int index)
    {
        var request = expected.Requests[index];
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(operation.SpanId, span.ParentSpanId);
        Assert.Equal(expected.Method, span.DisplayName);
        Assert.Equal(expected.Method, span.GetTagItem("http.request.method"));
        Assert.Equal(expected.Server.Host, span.GetTagItem("server.address"));
        Assert.Equal(expected.Server.Port, span.GetTagItem("server.port"));
        Assert.Equal(expected.Server.Scheme, span.GetTagItem("url.scheme"));
        var url = Assert.IsType<string>(span.GetTagItem("url.full"));
        Assert.StartsWith(expected.Server.GetLeftPart(UriPartial.Authority) + "/", url, StringComparison.Ordinal);
        int query = url.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            Assert.All(url.Substring(query + 1).Split('&'), pair => Assert.EndsWith("=REDACTED", pair, StringComparison.Ordinal));
        }

        Assert.Equal(request.Status, span.GetTagItem("http.response.status_code"));
        if (request.Status is not null)
        {
            Assert.Matches(@"^\d\.\d$", Assert.IsType<string>(span.GetTagItem("network.protocol.version")));
        }

        Assert.Equal(index == 0 ? null : index, span.GetTagItem("http.request.resend_count"));
        Assert.Equal(ErrorTypeOf(request), span.GetTagItem("error.type"));
        Assert.Equal(ErrorTypeOf(request) is null ? ActivityStatusCode.Unset : ActivityStatusCode.Error, span.Status);
        Assert.Equal(expected.Provider, span.GetTagItem("signing.provider"));
        Assert.Equal(operation.GetTagItem("signing.operation"), span.GetTagItem("signing.operation"));
    }

    /// <summary>Asserts the measurements of one operation call (and nothing else was measured).</summary>
    /// <param name="measurements">The captured measurements.</param>
    /// <param name="operation">The call's operation span.</param>
    /// <param name="expected">The expectation.</param>
    public static void Metrics(IReadOnlyList<CapturedMeasurement> measurements, Activity operation, ExpectedOperation expected)
    {
        var operationName = operation.GetTagItem("signing.operation") as string;
        var durations = measurements.Where(m => m.Instrument == "http.client.request.duration").ToArray();
        Assert.Equal(expected.Requests.Count, durations.Length);
        for (int i = 0; i < durations.Length; i++)
        {
            var m = durations[i];
            Assert.Equal("s", m.Unit);
            Assert.InRange(m.Value, 0, 600);
            Assert.Equal(expected.Method, m.Tag("http.request.method"));
            Assert.Equal(expected.Server.Host, m.Tag("server.address"));
            Assert.Equal(expected.Server.Port.ToString(CultureInfo.InvariantCulture), m.Tag("server.port"));
            Assert.Equal(expected.Server.Scheme, m.Tag("url.scheme"));
            Assert.Equal(expected.Requests[i].Status?.ToString(CultureInfo.InvariantCulture), m.Tag("http.response.status_code"));
            Assert.Equal(ErrorTypeOf(expected.Requests[i]), m.Tag("error.type"));
            Assert.Equal(expected.Provider, m.Tag("signing.provider"));
            Assert.Equal(operationName, m.Tag("signing.operation"));
        }

        var call = Assert.Single(measurements, m => m.Instrument == "signingclients.operation.duration");
        Assert.Equal("s", call.Unit);
        Assert.InRange(call.Value, durations.Length == 0 ? 0 : durations.Max(d => d.Value), 600);
        Assert.Equal(expected.Provider, call.Tag("signing.provider"));
        Assert.Equal(operationName, call.Tag("signing.operation"));
        Assert.Equal(expected.Outcome, call.Tag("signing.outcome"));
        Assert.Equal(expected.ErrorType, call.Tag("error.type"));

        var retries = measurements.Where(m => m.Instrument == "signingclients.operation.retries").ToArray();
        Assert.Equal(expected.Retries, retries.Sum(r => r.Value));
        for (int i = 0; i < retries.Length; i++)
        {
            Assert.Equal("{retry}", retries[i].Unit);
            Assert.Equal(ErrorTypeOf(expected.Requests[i]), retries[i].Tag("error.type"));
            Assert.Equal(operationName, retries[i].Tag("signing.operation"));
        }

        Assert.Equal(durations.Length + 1 + retries.Length, measurements.Count);
    }

    /// <summary>
    /// A copy of <paramref name="span"/> (same parent, kind, name, status, events) without the tag <paramref name="withoutTag"/>:
    /// the mutation that shows an assertion fails when the code stops emitting that attribute.
    /// </summary>
    /// <param name="span">The captured span.</param>
    /// <param name="withoutTag">The tag to leave out (<see langword="null"/>: an exact copy, the control).</param>
    /// <returns>The stopped copy.</returns>
    public static Activity Strip(Activity span, string? withoutTag)
    {
        using var source = new ActivitySource(TelemetryCapture.TestSourceName);
        var copy = source.StartActivity(span.OperationName, span.Kind, new ActivityContext(span.TraceId, span.ParentSpanId, ActivityTraceFlags.Recorded))
            ?? throw new InvalidOperationException("Start the copy inside a TelemetryCapture.");
        copy.DisplayName = span.DisplayName;
        foreach (var tag in span.TagObjects.Where(t => t.Key != withoutTag))
        {
            copy.SetTag(tag.Key, tag.Value);
        }

        foreach (var e in span.Events)
        {
            copy.AddEvent(e);
        }

        copy.SetStatus(span.Status, span.StatusDescription);
        copy.Stop();
        return copy;
    }

    private static string? ErrorTypeOf(ExpectedRequest request) =>
        request.ErrorType ?? (request.Status >= 400 ? request.Status.Value.ToString(CultureInfo.InvariantCulture) : null);
}
