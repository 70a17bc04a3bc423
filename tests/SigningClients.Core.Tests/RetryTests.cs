using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Time.Testing;
using SigningClients.Core.Http;
using SigningClients.Testing;
using SigningClients.TestSupport;
using Xunit;

namespace SigningClients.Core.Tests;

public sealed class RetryTests
{
    private int _processed;

    private Task<SimulatorHost> StartAsync(SimulatorHostOptions? options = null) =>
        SimulatorHost.StartAsync(routes =>
        {
            routes.MapMethods("/op", new[] { "GET", "PUT", "POST" }, async (HttpContext context) =>
            {
                using var sink = new MemoryStream();
                await context.Request.Body.CopyToAsync(sink);
                int n = Interlocked.Increment(ref _processed);
                return Results.Json(new { id = n, name = "item-" + n });
            });
        }, options, TestContext.Current.CancellationToken);

    public static IEnumerable<object[]> StatusByIdempotency()
    {
        foreach (var status in new[] { 408, 429, 500, 502, 503, 504 })
        {
            foreach (var idempotency in new[] { Idempotency.Safe, Idempotency.Idempotent, Idempotency.NotIdempotent })
            {
                yield return new object[] { status, idempotency };
            }
        }
    }

    [Theory]
    [MemberData(nameof(StatusByIdempotency))]
    public async Task Retryable_status_is_retried_only_when_the_idempotency_class_allows_it(int status, Idempotency idempotency)
    {
        await using var host = await StartAsync();
        host.Faults.Enqueue(SimulatedFault.Status(status), count: 2);
        var pipeline = Pipelines.Create(host.BaseAddress);
        var request = Pipelines.Request(idempotency);

        bool replayable = idempotency != Idempotency.NotIdempotent || status == 429;
        if (replayable)
        {
            var item = await pipeline.SendAsync(request, TestJsonContext.Default.Item, TestContext.Current.CancellationToken);
            Assert.Equal(1, item.Id);
            Assert.Equal(3, host.Journal.Count);
        }
        else
        {
            var ex = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(request, TestJsonContext.Default.Item, TestContext.Current.CancellationToken));
            Assert.Equal(status, ex.Status);
            Assert.True(ex.IsTransient);
            Assert.Equal(SigningFailureKind.HttpError, ex.Kind);
            Assert.Equal(1, host.Journal.Count);
        }

        Assert.Equal(replayable ? 1 : 0, _processed);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    public async Task Client_errors_are_not_retried_and_not_transient(int status)
    {
        await using var host = await StartAsync();
        host.Faults.Enqueue(SimulatedFault.Status(status, body: "{\"code\":\"E" + status + "\",\"message\":\"nope\",\"target\":\"field\"}"), count: 5);
        var pipeline = Pipelines.Create(host.BaseAddress);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), TestContext.Current.CancellationToken));

        Assert.Equal(status, ex.Status);
        Assert.False(ex.IsTransient);
        Assert.Equal("E" + status, ex.ErrorCode);
        Assert.Equal("nope (target: field)", ex.ProviderMessage);
        Assert.Equal(1, host.Journal.Count);
        Assert.StartsWith("GET " + host.BaseAddress.GetLeftPart(UriPartial.Authority), ex.RequestUri, StringComparison.Ordinal);
        Assert.Equal(status == 404, ex.Message.Contains("Not found: GET " + host.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_honoured()
    {
        var clock = new RecordingClock();
        await using var host = await StartAsync(new SimulatorHostOptions { TimeProvider = clock });
        host.Faults.Enqueue(SimulatedFault.Status(503, retryAfter: "7"));
        var pipeline = Pipelines.Create(host.BaseAddress, o => { o.Retry.AttemptTimeout = TimeSpan.FromHours(1); o.Retry.TotalTimeout = TimeSpan.FromHours(2); }, timeProvider: clock);

        var item = await Clock.Drive(clock, pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), TestJsonContext.Default.Item, TestContext.Current.CancellationToken), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));

        Assert.Equal(1, item.Id);
        // The delay the pipeline chose is exact; the journal shows the retry was held until it had passed.
        Assert.Equal(new[] { TimeSpan.FromSeconds(7) }, clock.DelaysBelow(TimeSpan.FromHours(1)));
        var entries = host.Journal.Entries;
        Assert.Equal(2, entries.Count);
        Assert.True(entries[1].Timestamp - entries[0].Timestamp >= TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task Retry_after_as_http_date_is_honoured()
    {
        var start = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var clock = new RecordingClock(start);
        await using var host = await StartAsync(new SimulatorHostOptions { TimeProvider = clock });
        var retryAt = start.AddSeconds(12);
        host.Faults.Enqueue(SimulatedFault.Status(429, retryAfter: retryAt.ToString("R")));
        var pipeline = Pipelines.Create(host.BaseAddress, o => { o.Retry.AttemptTimeout = TimeSpan.FromHours(1); o.Retry.TotalTimeout = TimeSpan.FromHours(2); }, timeProvider: clock);

        var item = await Clock.Drive(clock, pipeline.SendAsync(Pipelines.Request(Idempotency.NotIdempotent), TestJsonContext.Default.Item, TestContext.Current.CancellationToken), TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5));

        Assert.Equal(1, item.Id);
        // One delay, computed when the answer was read as the time left until the date the server named: at most the
        // 12 s announced, and long enough that the timer (created a little later) does not end before that date.
        var delay = Assert.Single(clock.Timers, t => t.DueTime < TimeSpan.FromHours(1));
        Assert.True(delay.DueTime <= TimeSpan.FromSeconds(12), "delay " + delay.DueTime);
        Assert.True(delay.CreatedAt + delay.DueTime >= retryAt, "timer created at " + delay.CreatedAt + " for " + delay.DueTime);
        var entries = host.Journal.Entries;
        Assert.Equal(2, entries.Count);
        Assert.True(entries[1].Timestamp >= retryAt);
    }

    [Fact]
    public async Task Retry_after_longer_than_the_cap_is_not_waited_for_and_is_reported()
    {
        await using var host = await StartAsync();
        host.Faults.Enqueue(SimulatedFault.Status(503, retryAfter: "3600"));
        var pipeline = Pipelines.Create(host.BaseAddress);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), TestContext.Current.CancellationToken));

        Assert.Equal(503, ex.Status);
        Assert.Equal(TimeSpan.FromHours(1), ex.RetryAfter);
        Assert.Equal(1, host.Journal.Count);
    }

    [Fact]
    public async Task Exponential_backoff_is_capped_at_max_delay()
    {
        var clock = new RecordingClock();
        await using var host = await StartAsync(new SimulatorHostOptions { TimeProvider = clock });
        host.Faults.Enqueue(SimulatedFault.Status(500), count: 5);
        var pipeline = Pipelines.Create(host.BaseAddress, o =>
        {
            o.Retry = new RetryOptions { MaxRetries = 5, InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(3), UseJitter = false, AttemptTimeout = TimeSpan.FromHours(1), TotalTimeout = TimeSpan.FromHours(2) };
        }, timeProvider: clock);

        var item = await Clock.Drive(clock, pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), TestJsonContext.Default.Item, TestContext.Current.CancellationToken), TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(5));

        Assert.Equal(1, item.Id);
        // 1 s, 2 s, then capped at 3 s (uncapped it would be 4 s, 8 s, 16 s). (The call's total-time timer, 2 h, is above the filter.)
        var expected = new[] { 1.0, 2.0, 3.0, 3.0, 3.0 };
        Assert.Equal(expected, clock.DelaysBelow(TimeSpan.FromHours(1)).Select(d => d.TotalSeconds));
        var stamps = host.Journal.Entries.Select(e => e.Timestamp).ToArray();
        Assert.Equal(6, stamps.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True((stamps[i + 1] - stamps[i]).TotalSeconds >= expected[i], $"retry {i + 1} was sent before its delay had passed");
        }
    }

    [Fact]
    public async Task Caller_cancellation_is_not_retried()
    {
        await using var host = await StartAsync();
        host.Faults.Enqueue(SimulatedFault.Delay(TimeSpan.FromSeconds(5)), count: 5);
        var pipeline = Pipelines.Create(host.BaseAddress);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), cts.Token));

        // The abandoned attempt is journaled when the server notices the abort; a retry would be a second entry.
        await host.Journal.WaitForAsync(_ => true, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Equal(1, host.Journal.Count);
    }

    [Fact]
    public async Task Attempt_timeout_is_retried_for_reads()
    {
        await using var host = await StartAsync();
        host.Faults.Enqueue(SimulatedFault.Delay(TimeSpan.FromSeconds(3)));
        var pipeline = Pipelines.Create(host.BaseAddress, o => o.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(400));

        var item = await pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), TestJsonContext.Default.Item, TestContext.Current.CancellationToken);

        // The abandoned first attempt is journaled when the server notices the abort, possibly after the retry returned.
        await host.Journal.WaitForAsync(e => e.ResponseStatus is null, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(2, host.Journal.Count);
        Assert.True(item.Id >= 1);
    }

    [Fact]
    public async Task Attempt_timeout_on_a_write_is_not_replayed_and_reports_unknown_outcome()
    {
        await using var host = await StartAsync();
        host.Faults.Enqueue(SimulatedFault.Delay(TimeSpan.FromSeconds(2)), count: 5);
        var pipeline = Pipelines.Create(host.BaseAddress, o => o.Retry.AttemptTimeout = TimeSpan.FromMilliseconds(300));

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(Pipelines.Request(Idempotency.NotIdempotent), TestContext.Current.CancellationToken));

        Assert.Equal(SigningFailureKind.Timeout, ex.Kind);
        Assert.True(ex.IsTransient);
        Assert.True(ex.OutcomeUnknown);
        await host.Journal.WaitForAsync(_ => true, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Equal(1, host.Journal.Count);
    }

    [Fact]
    public async Task Non_idempotent_post_whose_response_is_lost_is_not_replayed()
    {
        await using var host = await StartAsync();
        host.Faults.Enqueue(SimulatedFault.DropAfterProcessing());
        var pipeline = Pipelines.Create(host.BaseAddress);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(Pipelines.Request(Idempotency.NotIdempotent), TestJsonContext.Default.Item, TestContext.Current.CancellationToken));

        Assert.Equal(1, host.Journal.CountOf("POST", "/op"));
        Assert.Equal(1, _processed);
        Assert.Equal(SigningFailureKind.ConnectionFailure, ex.Kind);
        Assert.True(ex.OutcomeUnknown);
        Assert.Contains("outcome is unknown", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Idempotency.Safe)]
    [InlineData(Idempotency.Idempotent)]
    public async Task Idempotent_request_whose_response_is_lost_is_retried(Idempotency idempotency)
    {
        await using var host = await StartAsync();
        host.Faults.Enqueue(SimulatedFault.DropAfterProcessing());
        var pipeline = Pipelines.Create(host.BaseAddress);

        var item = await pipeline.SendAsync(Pipelines.Request(idempotency), TestJsonContext.Default.Item, TestContext.Current.CancellationToken);

        Assert.Equal(2, item.Id);
        Assert.Equal(2, host.Journal.Count);
    }

    [Fact]
    public async Task Replayed_delete_that_finds_the_resource_gone_is_reported_as_done()
    {
        int deletes = 0;
        bool exists = true;
        await using var host = await SimulatorHost.StartAsync(r => r.MapDelete("/things/1", () =>
        {
            Interlocked.Increment(ref deletes);
            if (!exists)
            {
                return Results.Json(new { code = "NOT_FOUND", message = "no such thing" }, statusCode: 404);
            }

            exists = false;
            return Results.NoContent();
        }), cancellationToken: TestContext.Current.CancellationToken);
        var pipeline = Pipelines.Create(host.BaseAddress);
        host.Faults.Enqueue(SimulatedFault.DropAfterProcessing());

        int status = await pipeline.SendAsync(new SigningRequest(HttpMethod.Delete, "things/1", "DeleteThing", Idempotency.Idempotent), TestContext.Current.CancellationToken);

        Assert.Equal(404, status);
        Assert.Equal(2, deletes);

        // A first-attempt 404 is still an error: the resource never existed.
        var ex = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(new SigningRequest(HttpMethod.Delete, "things/1", "DeleteThing", Idempotency.Idempotent), TestContext.Current.CancellationToken));
        Assert.Equal(404, ex.Status);

        // And a replay after a refused connection (never sent) that finds 404 is an error too.
        host.Faults.Enqueue(SimulatedFault.Status(429));
        ex = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(new SigningRequest(HttpMethod.Delete, "things/1", "DeleteThing", Idempotency.Idempotent), TestContext.Current.CancellationToken));
        Assert.Equal(404, ex.Status);
    }

    [Fact]
    public async Task Write_dropped_before_the_response_is_not_replayed_because_the_client_cannot_know()
    {
        await using var host = await StartAsync();
        host.Faults.Enqueue(SimulatedFault.DropBeforeResponse());
        var pipeline = Pipelines.Create(host.BaseAddress);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(Pipelines.Request(Idempotency.NotIdempotent), TestContext.Current.CancellationToken));

        Assert.Equal(1, host.Journal.Count);
        Assert.Equal(0, _processed);
        Assert.True(ex.OutcomeUnknown);
    }

    [Fact]
    public async Task Connection_refused_is_retried_even_for_writes_because_nothing_was_sent()
    {
        using var logs = new LogCapture();
        var pipeline = Pipelines.Create(SimulatorHost.GetUnusedLoopbackAddress(), loggerFactory: logs.CreateFactory());

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(Pipelines.Request(Idempotency.NotIdempotent), TestContext.Current.CancellationToken));

        Assert.Equal(SigningFailureKind.ConnectionFailure, ex.Kind);
        Assert.Equal(0, ex.Status);
        Assert.False(ex.OutcomeUnknown);
        Assert.Equal(3, logs.Entries.Count(e => e.EventId.Name == "Retrying"));
    }

    [Fact]
    public async Task Truncated_body_is_retried_for_reads_and_reported_as_unknown_for_writes()
    {
        await using var host = await StartAsync();
        host.Faults.Enqueue(SimulatedFault.TruncatedBody());
        var pipeline = Pipelines.Create(host.BaseAddress);

        var item = await pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), TestJsonContext.Default.Item, TestContext.Current.CancellationToken);
        Assert.Equal(2, item.Id);

        host.Faults.Enqueue(SimulatedFault.TruncatedBody());
        var ex = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(Pipelines.Request(Idempotency.NotIdempotent), TestJsonContext.Default.Item, TestContext.Current.CancellationToken));
        Assert.True(ex.OutcomeUnknown);
        Assert.Equal(200, ex.Status);
        Assert.Equal(3, _processed);
    }

    [Fact]
    public async Task Malformed_json_becomes_an_invalid_response_error_without_retry()
    {
        await using var host = await StartAsync();
        host.Faults.Enqueue(SimulatedFault.MalformedBody("{\"id\": 1, \"name\": "));
        var pipeline = Pipelines.Create(host.BaseAddress);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), TestJsonContext.Default.Item, TestContext.Current.CancellationToken));

        Assert.Equal(SigningFailureKind.InvalidResponse, ex.Kind);
        Assert.Equal(200, ex.Status);
        Assert.Equal(1, host.Journal.Count);
    }

    [Fact]
    public async Task Html_error_page_and_empty_bodies_still_become_typed_errors_with_status()
    {
        await using var host = await StartAsync();
        host.Faults.Enqueue(SimulatedFault.Html(502), count: 4);
        var pipeline = Pipelines.Create(host.BaseAddress);

        var html = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), TestContext.Current.CancellationToken));
        Assert.Equal(502, html.Status);
        Assert.Null(html.ErrorCode);
        Assert.Contains("<html", html.BodyExcerpt, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(4, host.Journal.Count);

        host.Faults.Enqueue(SimulatedFault.Status(404, body: string.Empty));
        var empty = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), TestContext.Current.CancellationToken));
        Assert.Equal(404, empty.Status);
        Assert.Null(empty.BodyExcerpt);
    }

    [Fact]
    public async Task Oversized_error_bodies_are_cut_to_4_KB()
    {
        await using var host = await StartAsync();
        host.Faults.Enqueue(SimulatedFault.Status(400, body: "{\"code\":\"BIG\",\"message\":\"" + new string('x', 200_000) + "\"}"));
        var pipeline = Pipelines.Create(host.BaseAddress);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), TestContext.Current.CancellationToken));

        Assert.Equal(400, ex.Status);
        Assert.NotNull(ex.BodyExcerpt);
        Assert.True(ex.BodyExcerpt!.Length <= SigningApiException.MaxBodyExcerptLength);
    }

    [Fact]
    public async Task Non_seekable_upload_is_not_replayed_but_a_seekable_one_is_resent_whole()
    {
        await using var host = await StartAsync();
        var pipeline = Pipelines.Create(host.BaseAddress);
        var payload = TestPdf.Create("retry me");

        host.Faults.Enqueue(SimulatedFault.Status(503));
        var nonSeekable = new SigningRequest(HttpMethod.Put, "op", "Upload", Idempotency.Idempotent)
        {
            Content = RequestContent.Stream(new NonSeekableStream(new MemoryStream(payload)), "application/pdf"),
        };
        var ex = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(nonSeekable, TestContext.Current.CancellationToken));
        Assert.Equal(503, ex.Status);
        Assert.Equal(1, host.Journal.Count);

        host.Journal.Clear();
        host.Faults.Enqueue(SimulatedFault.Status(503));
        var seekable = new SigningRequest(HttpMethod.Put, "op", "Upload", Idempotency.Idempotent)
        {
            Content = RequestContent.Stream(new MemoryStream(payload), "application/pdf"),
        };
        Assert.Equal(200, await pipeline.SendAsync(seekable, TestContext.Current.CancellationToken));
        Assert.Equal(2, host.Journal.Count);
        Assert.All(host.Journal.Entries, e => Assert.Equal(payload, e.Body));
    }

    [Fact]
    public async Task Request_id_header_is_captured_in_errors()
    {
        await using var host = await SimulatorHost.StartAsync(r => r.MapGet("/op", (HttpContext c) =>
        {
            c.Response.Headers["x-request-id"] = "req-123";
            return Results.Json(new { code = "E1", message = "bad" }, statusCode: 422);
        }), cancellationToken: TestContext.Current.CancellationToken);
        var pipeline = Pipelines.Create(host.BaseAddress);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => pipeline.SendAsync(Pipelines.Request(Idempotency.Safe), TestContext.Current.CancellationToken));

        Assert.Equal("req-123", ex.RequestId);
        Assert.Contains("req-123", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Test", ex.Provider);
        Assert.Equal("TestOperation", ex.Operation);
    }
}
