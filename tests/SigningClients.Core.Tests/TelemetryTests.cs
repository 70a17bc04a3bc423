using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using SigningClients.Core.Diagnostics;
using SigningClients.Core.Http;
using SigningClients.Testing;
using SigningClients.TestSupport;
using Xunit;
using Xunit.Sdk;

namespace SigningClients.Core.Tests;

/// <summary>
/// The telemetry contract on the core pipeline (the provider-by-provider checks are in the reliability project's
/// ObservabilityTests): the four scenarios, the mutations that prove the checks fail when an attribute or a span
/// goes missing, URL redaction, cancellation, and the README's "Observability" section against what the code emits.
/// </summary>
public sealed class TelemetryTests
{
    private const string Secret = "tok-7f3a9c-SECRET";

    private static Task<SimulatorHost> StartAsync() =>
        SimulatorHost.StartAsync(routes =>
        {
            routes.MapMethods("/op", new[] { "GET", "PUT", "POST" }, async (HttpContext context) =>
            {
                using var sink = new MemoryStream();
                await context.Request.Body.CopyToAsync(sink);
                return Results.Json(new { id = 1, name = "item" });
            });
            routes.MapGet("/refused", (HttpContext context) =>
            {
                context.Response.Headers["x-request-id"] = "req-42";
                return Results.Json(new { code = "bad_request", message = "denied " + Secret }, statusCode: 400);
            });
        }, null, TestContext.Current.CancellationToken);

    private static ExpectedOperation Expect(SimulatorHost host, string method, string outcome, string? errorType, params ExpectedRequest[] requests) =>
        new("Test", method, host.BaseAddress, outcome, errorType, requests);

    [Fact]
    public async Task Success_reports_the_operation_span_and_one_client_span_with_the_status()
    {
        await using var host = await StartAsync();
        var pipeline = Pipelines.Create(host.BaseAddress);
        using var capture = new TelemetryCapture();
        await pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), TestJsonContext.Default.Item, TestContext.Current.CancellationToken);

        var expected = Expect(host, "GET", "success", null, new ExpectedRequest(200));
        var operation = TelemetryAssert.Operation(capture.Spans, capture.Root, expected);
        TelemetryAssert.Metrics(capture.Measurements, operation, expected);
        Assert.Equal("Test.TestOperation", operation.DisplayName);
        Assert.Equal("safe", operation.GetTagItem("signing.idempotency"));
    }

    [Fact]
    public async Task Retried_call_reports_each_attempt_beneath_one_operation_span()
    {
        await using var host = await StartAsync();
        host.Faults.Enqueue(SimulatedFault.Status(503), count: 2);
        var pipeline = Pipelines.Create(host.BaseAddress);
        using var capture = new TelemetryCapture();
        await pipeline.SendAsync(Pipelines.Request(Idempotency.Idempotent), TestJsonContext.Default.Item, TestContext.Current.CancellationToken);

        var expected = Expect(host, "PUT", "success", null, new ExpectedRequest(503), new ExpectedRequest(503), new ExpectedRequest(200));
        var operation = TelemetryAssert.Operation(capture.Spans, capture.Root, expected);
        TelemetryAssert.Metrics(capture.Measurements, operation, expected);
        var requests = capture.ChildrenOf(operation);
        Assert.Equal(new object?[] { null, 1, 2 }, requests.Select(r => r.GetTagItem("http.request.resend_count")));
    }

    [Fact]
    public async Task Lost_answer_of_a_write_reports_outcome_unknown_and_a_single_attempt()
    {
        await using var host = await StartAsync();
        host.Faults.Enqueue(SimulatedFault.DropAfterProcessing());
        var pipeline = Pipelines.Create(host.BaseAddress);
        using var capture = new TelemetryCapture();
        var ex = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(Pipelines.Request(Idempotency.NotIdempotent), TestJsonContext.Default.Item, TestContext.Current.CancellationToken));
        Assert.True(ex.OutcomeUnknown);

        var expected = Expect(host, "POST", "outcome_unknown", "ConnectionFailure", new ExpectedRequest(null, typeof(HttpRequestException).FullName));
        var operation = TelemetryAssert.Operation(capture.Spans, capture.Root, expected);
        TelemetryAssert.Metrics(capture.Measurements, operation, expected);
        Assert.Equal(true, operation.GetTagItem("signing.outcome_unknown"));
    }

    [Fact]
    public async Task Failure_reports_error_type_status_and_request_id_but_not_the_providers_message()
    {
        await using var host = await StartAsync();
        var pipeline = Pipelines.Create(host.BaseAddress, o => o.Redactor.AddSecret(Secret));
        using var capture = new TelemetryCapture();
        await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(new SigningRequest(HttpMethod.Get, "refused", "Refuse", Idempotency.Safe), TestJsonContext.Default.Item, TestContext.Current.CancellationToken));

        var expected = Expect(host, "GET", "failure", "HttpError", new ExpectedRequest(400));
        var operation = TelemetryAssert.Operation(capture.Spans, capture.Root, expected);
        TelemetryAssert.Metrics(capture.Measurements, operation, expected);
        Assert.Equal("req-42", operation.GetTagItem("signing.request_id"));
        Assert.DoesNotContain(capture.AllText, t => t.Contains("denied", StringComparison.Ordinal) || t.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Caller_cancellation_reports_outcome_canceled_without_error_type()
    {
        await using var host = await StartAsync();
        host.Faults.Enqueue(SimulatedFault.Delay(TimeSpan.FromSeconds(30)));
        var pipeline = Pipelines.Create(host.BaseAddress);
        using var capture = new TelemetryCapture();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), TestJsonContext.Default.Item, cts.Token));

        var operation = Assert.Single(capture.OperationSpans);
        Assert.Equal("canceled", operation.GetTagItem("signing.outcome"));
        Assert.Null(operation.GetTagItem("error.type"));
        var call = Assert.Single(capture.Of("signingclients.operation.duration"));
        Assert.Equal("canceled", call.Tag("signing.outcome"));
        Assert.Null(call.Tag("error.type"));
    }

    [Fact]
    public async Task Attempt_timeout_of_a_write_reports_timeout_on_the_request_and_outcome_unknown_on_the_call()
    {
        await using var host = await StartAsync();
        host.Faults.Enqueue(SimulatedFault.Delay(TimeSpan.FromSeconds(20)));
        var pipeline = Pipelines.Create(host.BaseAddress, o => o.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        using var capture = new TelemetryCapture();
        var ex = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(Pipelines.Request(Idempotency.NotIdempotent), TestJsonContext.Default.Item, TestContext.Current.CancellationToken));
        Assert.Equal(SigningFailureKind.Timeout, ex.Kind);

        var expected = Expect(host, "POST", "outcome_unknown", "Timeout", new ExpectedRequest(null, "timeout"));
        var operation = TelemetryAssert.Operation(capture.Spans, capture.Root, expected);
        TelemetryAssert.Metrics(capture.Measurements, operation, expected);
    }

    [Fact]
    public async Task Url_full_drops_query_values_and_known_secrets()
    {
        await using var host = await StartAsync();
        var pipeline = Pipelines.Create(host.BaseAddress, o => o.Redactor.AddSecret(Secret));
        var request = new SigningRequest(HttpMethod.Get, "op", "Query", Idempotency.Safe);
        request.Query.Add("token", Secret);
        request.Query.Add("$top", "5");
        using var capture = new TelemetryCapture();
        await pipeline.SendAsync(request, TestJsonContext.Default.Item, TestContext.Current.CancellationToken);

        var span = Assert.Single(capture.ChildrenOf(Assert.Single(capture.OperationSpans)));
        Assert.Equal(host.BaseAddress.GetLeftPart(UriPartial.Authority) + "/op?token=REDACTED&$top=REDACTED", span.GetTagItem("url.full"));
        Assert.DoesNotContain(capture.AllText, t => t.Contains(Secret, StringComparison.Ordinal));
    }

    /// <summary>
    /// The mutation: every attribute of a real request span and of its operation span is removed in turn (a copy of
    /// the span without it), and the check must then fail; so does the check of the span tree with one request span
    /// removed. This is what makes the listener tests able to fail when the code stops emitting something.
    /// </summary>
    [Fact]
    public async Task Checks_fail_when_an_attribute_or_a_span_is_removed()
    {
        await using var host = await StartAsync();
        host.Faults.Enqueue(SimulatedFault.Status(503));
        var pipeline = Pipelines.Create(host.BaseAddress);
        using var capture = new TelemetryCapture();
        await pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), TestJsonContext.Default.Item, TestContext.Current.CancellationToken);
        var expected = Expect(host, "GET", "success", null, new ExpectedRequest(503), new ExpectedRequest(200));
        var spans = capture.Spans;
        var operation = TelemetryAssert.Operation(spans, capture.Root, expected);
        var requests = capture.ChildrenOf(operation);

        // The controls: exact copies pass.
        TelemetryAssert.Request(TelemetryAssert.Strip(requests[1], null), operation, expected, 1);
        TelemetryAssert.OperationAttributes(TelemetryAssert.Strip(operation, null), expected);

        var requestKeys = requests[1].TagObjects.Select(t => t.Key).ToArray();
        Assert.Contains("server.address", requestKeys);
        Assert.Contains("http.request.resend_count", requestKeys);
        foreach (var key in requestKeys)
        {
            var stripped = TelemetryAssert.Strip(requests[1], key);
            Assert.ThrowsAny<XunitException>(() => TelemetryAssert.Request(stripped, operation, expected, 1));
        }

        var operationKeys = operation.TagObjects.Select(t => t.Key).ToArray();
        Assert.Contains("signing.outcome", operationKeys);
        foreach (var key in operationKeys)
        {
            var stripped = TelemetryAssert.Strip(operation, key);
            Assert.ThrowsAny<XunitException>(() => TelemetryAssert.OperationAttributes(stripped, expected));
        }

        // A request span removed, or the operation span removed.
        Assert.ThrowsAny<XunitException>(() => TelemetryAssert.Operation(spans.Where(s => s != requests[0]).ToArray(), capture.Root, expected));
        Assert.ThrowsAny<XunitException>(() => TelemetryAssert.Operation(spans.Where(s => s != operation).ToArray(), capture.Root, expected));

        // A measurement removed.
        var measurements = capture.Measurements;
        TelemetryAssert.Metrics(measurements, operation, expected);
        foreach (var m in measurements)
        {
            Assert.ThrowsAny<XunitException>(() => TelemetryAssert.Metrics(measurements.Where(x => x != m).ToArray(), operation, expected));
        }
    }

    /// <summary>
    /// README.md's "Observability" section lists exactly the span attributes, span events, metrics (with units) and
    /// log events the code emits: the four scenarios run under a listener and a log capture, and the documented
    /// names are compared with what was observed and with <see cref="SigningEventIds"/>.
    /// </summary>
    [Fact]
    public async Task Readme_observability_section_matches_what_the_code_emits()
    {
        var readme = Readme.Section("Observability");
        using var logs = new LogCapture();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        await using var host = await StartAsync();
        var pipeline = Pipelines.Create(host.BaseAddress, loggerFactory: loggerFactory);
        using var capture = new TelemetryCapture();
        var ct = TestContext.Current.CancellationToken;
        await pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), TestJsonContext.Default.Item, ct);
        host.Faults.Enqueue(SimulatedFault.Status(503));
        await pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), TestJsonContext.Default.Item, ct);
        host.Faults.Enqueue(SimulatedFault.DropAfterProcessing());
        await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(Pipelines.Request(Idempotency.NotIdempotent), TestJsonContext.Default.Item, ct));
        await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(new SigningRequest(HttpMethod.Get, "refused", "Refuse", Idempotency.Safe), TestJsonContext.Default.Item, ct));

        var sdkSpans = capture.Spans.Where(s => s.Source.Name == SigningDiagnostics.Name).ToArray();
        var emittedAttributes = sdkSpans.SelectMany(s => s.TagObjects.Select(t => t.Key)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Sorted(Readme.FirstColumn(readme, "Attribute")), Sorted(emittedAttributes));

        var emittedEvents = sdkSpans.SelectMany(s => s.Events).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Sorted(Readme.FirstColumn(readme, "Event")), Sorted(emittedEvents));
        var emittedEventAttributes = sdkSpans.SelectMany(s => s.Events).SelectMany(e => e.Tags.Select(t => t.Key)).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(Sorted(Readme.Column(readme, "Event", 1)), Sorted(emittedEventAttributes));

        var emittedMetrics = capture.Measurements.Select(m => m.Instrument + " " + m.Unit).ToHashSet(StringComparer.Ordinal);
        var documentedMetrics = Readme.Rows(readme, "Metric").Select(r => Readme.Code(r[0]).Single() + " " + Readme.Code(r[1]).Single());
        Assert.Equal(Sorted(documentedMetrics), Sorted(emittedMetrics));

        var documentedMetricAttributes = Readme.Rows(readme, "Metric").ToDictionary(r => Readme.Code(r[0]).Single(), r => Sorted(Readme.Code(r[3])));
        foreach (var group in capture.Measurements.GroupBy(m => m.Instrument))
        {
            Assert.Equal(documentedMetricAttributes[group.Key], Sorted(group.SelectMany(m => m.Tags.Keys).Distinct()));
        }

        // Every declared event id is documented with its number and name, and every event logged here is one of them.
        var declared = typeof(SigningEventIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetRawConstantValue() + " " + f.Name).ToArray();
        Assert.Equal(declared.Length, declared.Select(d => d.Split(' ')[0]).Distinct().Count());
        var documentedIds = Readme.Rows(readme, "EventId").Select(r => r[0].Trim() + " " + Readme.Code(r[1]).Single()).ToArray();
        Assert.Equal(Sorted(declared), Sorted(documentedIds));
        foreach (var entry in logs.Entries.Where(e => e.Category.StartsWith("SigningClients.", StringComparison.Ordinal)))
        {
            Assert.Contains(entry.EventId.Id + " " + entry.EventId.Name, declared);
        }

        Assert.Contains(logs.Entries, e => e.EventId.Id == SigningEventIds.Retrying);
        Assert.Contains(logs.Entries, e => e.EventId.Id == SigningEventIds.OperationFailed);
    }

    private static string[] Sorted(IEnumerable<string> values) => values.Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal).ToArray();

    /// <summary>Reads the tables of a README section: rows of cells, found by the header of their first column.</summary>
    private static class Readme
    {
        public static string Section(string title)
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SigningClients.sln")))
            {
                directory = directory.Parent;
            }

            Assert.NotNull(directory);
            var text = File.ReadAllText(Path.Combine(directory!.FullName, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
            var start = text.IndexOf("\n## " + title + "\n", StringComparison.Ordinal);
            Assert.True(start >= 0, "README.md has no '## " + title + "' section.");
            var end = text.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
            return end < 0 ? text.Substring(start) : text.Substring(start, end - start);
        }

        public static IReadOnlyList<string[]> Rows(string section, string firstHeader)
        {
            var rows = new List<string[]>();
            bool inTable = false;
            foreach (var line in section.Split('\n'))
            {
                if (!line.StartsWith('|'))
                {
                    inTable = false;
                    continue;
                }

                var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                if (cells[0] == firstHeader)
                {
                    inTable = true;
                    continue;
                }

                if (inTable && !cells[0].StartsWith("---", StringComparison.Ordinal))
                {
                    rows.Add(cells);
                }
            }

            Assert.NotEmpty(rows);
            return rows;
        }

        public static IEnumerable<string> Code(string cell) => Regex.Matches(cell, "`([^`]+)`").Select(m => m.Groups[1].Value);

        public static IEnumerable<string> FirstColumn(string section, string firstHeader) => Column(section, firstHeader, 0);

        public static IEnumerable<string> Column(string section, string firstHeader, int index) =>
            Rows(section, firstHeader).SelectMany(r => Code(r[index]));
    }
}
