using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace SigningClients.Testing.Tests;

public sealed class FaultTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("5")]
    [InlineData("Wed, 21 Oct 2026 07:28:00 GMT")]
    [InlineData("not-a-valid-value")]
    public async Task Status_responds_with_status_and_verbatim_retry_after_without_processing(string retryAfter)
    {
        await using var api = await TestApi.StartAsync();
        api.Host.Faults.Enqueue(SimulatedFault.Status(503, retryAfter));

        using var response = await api.Http.GetAsync("items", Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(retryAfter, response.Headers.NonValidated["Retry-After"].ToString());
        Assert.Equal(0, response.Content.Headers.ContentLength);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0, api.Calls);

        var entry = Assert.Single(api.Host.Journal.Entries);
        Assert.Equal(503, entry.ResponseStatus);
        Assert.Equal($"Status(503, Retry-After: {retryAfter})", entry.FaultApplied);
    }

    [Fact]
    public async Task Status_without_retry_after_sends_no_header_and_the_given_body()
    {
        await using var api = await TestApi.StartAsync();
        api.Host.Faults.Enqueue(SimulatedFault.Status(429, body: "{\"code\":\"TooMany\"}", contentType: "application/problem+json"));

        using var response = await api.Http.PostAsync("items", new StringContent("payload"), Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.False(response.Headers.Contains("Retry-After"));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{\"code\":\"TooMany\"}", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(0, api.Calls);

        // The body was still read and journaled although the route never ran.
        var entry = Assert.Single(api.Host.Journal.Entries);
        Assert.Equal("payload", entry.BodyText);
        Assert.Equal(429, entry.ResponseStatus);
    }

    [Fact]
    public async Task Status_fault_then_next_request_is_processed_normally()
    {
        await using var api = await TestApi.StartAsync();
        api.Host.Faults.Enqueue(SimulatedFault.Status(500));

        using var first = await api.Http.GetAsync("items", Ct);
        using var second = await api.Http.GetAsync("items", Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, api.Calls);
        Assert.Equal(0, api.Host.Faults.Pending);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DropBeforeResponse_fails_the_call_and_the_route_never_runs(bool warmConnection)
    {
        await using var api = await TestApi.StartAsync();
        if (warmConnection)
        {
            using var warm = await api.Http.GetAsync("items", Ct);
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        var callsBefore = api.Calls;
        api.Host.Faults.Enqueue(SimulatedFault.DropBeforeResponse());

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => api.Http.PostAsync("items", new StringContent("payload"), Ct));

        Assert.IsAssignableFrom<IOException>(ex.InnerException);
        Assert.Equal(callsBefore, api.Calls);
        var entry = api.Host.Journal.Entries[^1];
        Assert.Null(entry.ResponseStatus);
        Assert.Equal("DropBeforeResponse", entry.FaultApplied);
        Assert.Equal("payload", entry.BodyText);
        Assert.Equal(warmConnection ? 2 : 1, api.Host.Journal.Count); // no silent retry by the client

        // The server is fine afterwards.
        using var after = await api.Http.GetAsync("items", Ct);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DropAfterProcessing_fails_the_call_but_the_route_ran(bool warmConnection)
    {
        await using var api = await TestApi.StartAsync();
        if (warmConnection)
        {
            using var warm = await api.Http.GetAsync("items", Ct);
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        var callsBefore = api.Calls;
        api.Host.Faults.Enqueue(SimulatedFault.DropAfterProcessing());

        await Assert.ThrowsAsync<HttpRequestException>(() => api.Http.PostAsync("items", new StringContent("payload"), Ct));

        Assert.Equal(callsBefore + 1, api.Calls);
        var entry = api.Host.Journal.Entries[^1];
        Assert.Null(entry.ResponseStatus);
        Assert.Equal("DropAfterProcessing", entry.FaultApplied);
        Assert.Equal(warmConnection ? 2 : 1, api.Host.Journal.Count);
    }

    [Fact]
    public async Task TruncatedBody_sends_full_content_length_and_part_of_the_body()
    {
        await using var api = await TestApi.StartAsync();
        api.Host.Faults.Enqueue(SimulatedFault.TruncatedBody(0.5));

        using var response = await api.Http.GetAsync("bytes/10000", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(10000, response.Content.Headers.ContentLength);

        var (received, error) = await ReadUntilFailureAsync(response);

        Assert.IsAssignableFrom<IOException>(error);
        Assert.Equal(5000, received);
        Assert.Equal(1, api.Calls);
        var entry = Assert.Single(api.Host.Journal.Entries);
        Assert.Equal(200, entry.ResponseStatus);
        Assert.Equal("TruncatedBody(0.5)", entry.FaultApplied);
    }

    [Fact]
    public async Task TruncatedBody_makes_a_buffered_read_fail()
    {
        await using var api = await TestApi.StartAsync();
        api.Host.Faults.Enqueue(SimulatedFault.TruncatedBody(0.9));

        await Assert.ThrowsAsync<HttpRequestException>(() => api.Http.GetAsync("items", Ct));

        Assert.Equal(1, api.Calls);
    }

    [Fact]
    public async Task TruncatedBody_of_a_streamed_response_gets_a_content_length()
    {
        await using var api = await TestApi.StartAsync();
        api.Host.Faults.Enqueue(SimulatedFault.TruncatedBody(0.25));

        using var response = await api.Http.GetAsync("stream/40000", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(40000, response.Content.Headers.ContentLength);
        var (received, error) = await ReadUntilFailureAsync(response);

        Assert.IsAssignableFrom<IOException>(error);
        Assert.Equal(10000, received);
    }

    [Fact]
    public async Task ResetMidBody_cuts_a_streamed_response_after_64_KiB()
    {
        await using var api = await TestApi.StartAsync();
        api.Host.Faults.Enqueue(SimulatedFault.ResetMidBody());

        var stopwatch = Stopwatch.StartNew();
        using var response = await api.Http.GetAsync("stream/268435456", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength);
        var (received, error) = await ReadUntilFailureAsync(response);

        Assert.IsAssignableFrom<IOException>(error);
        Assert.Equal(64 * 1024, received);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
        Assert.Equal(1, api.Calls);
        Assert.Equal(200, Assert.Single(api.Host.Journal.Entries).ResponseStatus);
    }

    [Theory]
    [InlineData("ResetMidBody")]
    [InlineData("TruncatedBody")]
    public async Task A_cut_bodiless_answer_announces_the_close_so_the_next_request_reaches_the_route(string kind)
    {
        await using var api = await TestApi.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            api.Host.Faults.EnqueueFor("POST", "/ignore", kind == "ResetMidBody" ? SimulatedFault.ResetMidBody() : SimulatedFault.TruncatedBody());
            using (var cut = await api.Http.PostAsync("ignore", null, Ct))
            {
                // Status and headers are all the client gets, which looks complete: without the announced close it
                // would reuse the connection the server is closing and lose the next request.
                Assert.Equal(HttpStatusCode.NoContent, cut.StatusCode);
                Assert.True(cut.Headers.ConnectionClose, "the cut answer must carry Connection: close");
            }

            using var next = await api.Http.PostAsync("items", new StringContent("payload"), Ct);
            Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        }

        Assert.Equal(40, api.Calls);
        Assert.Equal(40, api.Host.Journal.Count);
        Assert.Equal(20, api.Host.Journal.Entries.Count(e => e.FaultApplied == kind || e.FaultApplied?.StartsWith(kind + "(", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task ResetMidBody_cuts_a_fixed_length_response_in_the_middle()
    {
        await using var api = await TestApi.StartAsync();
        api.Host.Faults.Enqueue(SimulatedFault.ResetMidBody());

        using var response = await api.Http.GetAsync("bytes/100", HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(100, response.Content.Headers.ContentLength);
        var (received, error) = await ReadUntilFailureAsync(response);

        Assert.IsAssignableFrom<IOException>(error);
        Assert.Equal(50, received);
    }

    [Fact]
    public async Task ResetMidBody_with_byte_count_and_short_streamed_response_never_completes_the_body()
    {
        await using var api = await TestApi.StartAsync();
        api.Host.Faults.Enqueue(SimulatedFault.ResetMidBody(afterBytes: 1000));
        api.Host.Faults.Enqueue(SimulatedFault.ResetMidBody());

        using (var response = await api.Http.GetAsync("bytes/10000", HttpCompletionOption.ResponseHeadersRead, Ct))
        {
            var (received, error) = await ReadUntilFailureAsync(response);
            Assert.IsAssignableFrom<IOException>(error);
            Assert.Equal(1000, received);
        }

        // Shorter than the 64 KiB budget and chunked: cut before the final chunk.
        using (var response = await api.Http.GetAsync("stream/3000", HttpCompletionOption.ResponseHeadersRead, Ct))
        {
            var (received, error) = await ReadUntilFailureAsync(response);
            Assert.IsAssignableFrom<IOException>(error);
            Assert.Equal(3000, received);
        }
    }

    [Fact]
    public async Task MalformedBody_replaces_the_body_after_processing()
    {
        await using var api = await TestApi.StartAsync();
        api.Host.Faults.Enqueue(SimulatedFault.MalformedBody("{\"id\": 1, \"name\": "));
        api.Host.Faults.Enqueue(SimulatedFault.MalformedBody("<oops/>", 201, "text/xml"));

        using var first = await api.Http.GetAsync("items", Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{\"id\": 1, \"name\": ", await first.Content.ReadAsStringAsync(Ct));

        using var second = await api.Http.PostAsync("items", new StringContent("x"), Ct);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("text/xml", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal("<oops/>", await second.Content.ReadAsStringAsync(Ct));

        Assert.Equal(2, api.Calls);
        Assert.All(api.Host.Journal.Entries, e => Assert.StartsWith("MalformedBody(", e.FaultApplied, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Html_returns_a_proxy_error_page_without_processing()
    {
        await using var api = await TestApi.StartAsync();
        api.Host.Faults.Enqueue(SimulatedFault.Html(502));

        using var response = await api.Http.GetAsync("items", Ct);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<title>502 Bad Gateway</title>", body, StringComparison.Ordinal);
        Assert.StartsWith("<html>", body, StringComparison.Ordinal);
        Assert.Equal(0, api.Calls);
    }

    [Fact]
    public async Task Delay_postpones_the_response_then_processes()
    {
        await using var api = await TestApi.StartAsync();
        api.Host.Faults.Enqueue(SimulatedFault.Delay(TimeSpan.FromMilliseconds(400)));

        var stopwatch = Stopwatch.StartNew();
        using var response = await api.Http.GetAsync("items", Ct);
        stopwatch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(380), $"took {stopwatch.Elapsed}");
        Assert.Equal(1, api.Calls);
        Assert.Equal("Delay(400 ms)", Assert.Single(api.Host.Journal.Entries).FaultApplied);
    }

    [Fact]
    public async Task Delay_abandoned_by_the_client_never_runs_the_route()
    {
        await using var api = await TestApi.StartAsync();
        api.Host.Faults.Enqueue(SimulatedFault.Delay(TimeSpan.FromSeconds(30)));

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.Http.GetAsync("items", cts.Token));

        var entry = await api.Host.Journal.WaitForAsync(_ => true, TimeSpan.FromSeconds(10), Ct);
        Assert.Null(entry.ResponseStatus);
        Assert.Equal(0, api.Calls);
    }

    [Fact]
    public async Task EnqueueFor_applies_only_to_matching_method_and_path()
    {
        await using var api = await TestApi.StartAsync();
        api.Host.Faults.EnqueueFor("post", "/items", SimulatedFault.Status(500));

        using var get = await api.Http.GetAsync("items", Ct);
        using var archive = await api.Http.GetAsync("items-archive", Ct);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        Assert.Equal(1, api.Host.Faults.Pending);

        using var post = await api.Http.PostAsync("items", new StringContent("a"), Ct);
        using var post2 = await api.Http.PostAsync("items", new StringContent("b"), Ct);
        Assert.Equal(HttpStatusCode.InternalServerError, post.StatusCode);
        Assert.Equal(HttpStatusCode.Created, post2.StatusCode);
        Assert.Equal(0, api.Host.Faults.Pending);
    }

    [Fact]
    public async Task EnqueueFor_prefix_is_segment_wise_and_star_matches_any_method()
    {
        await using var api = await TestApi.StartAsync();
        api.Host.Faults.EnqueueFor("*", "/bytes", SimulatedFault.Status(418), count: 2);

        using var archive = await api.Http.GetAsync("items-archive", Ct);
        using var below = await api.Http.GetAsync("bytes/10", Ct);
        using var exact = await api.Http.PostAsync("bytes", new StringContent("x"), Ct);
        using var after = await api.Http.GetAsync("bytes/10", Ct);

        Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        Assert.Equal((HttpStatusCode)418, below.StatusCode);
        Assert.Equal((HttpStatusCode)418, exact.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Enqueue_count_applies_to_that_many_requests_in_order()
    {
        await using var api = await TestApi.StartAsync();
        api.Host.Faults.Enqueue(SimulatedFault.Status(503), count: 3);
        api.Host.Faults.Enqueue(SimulatedFault.Status(429));
        Assert.Equal(4, api.Host.Faults.Pending);

        var statuses = new int[5];
        for (var i = 0; i < statuses.Length; i++)
        {
            using var response = await api.Http.GetAsync("items", Ct);
            statuses[i] = (int)response.StatusCode;
        }

        Assert.Equal(new[] { 503, 503, 503, 429, 200 }, statuses);
        Assert.Equal(0, api.Host.Faults.Pending);
        Assert.Equal(1, api.Calls);
    }

    [Fact]
    public async Task Clear_removes_queued_faults()
    {
        await using var api = await TestApi.StartAsync();
        api.Host.Faults.Enqueue(SimulatedFault.DropBeforeResponse(), count: 5);
        api.Host.Faults.EnqueueFor("GET", "/items", SimulatedFault.Html());

        api.Host.Faults.Clear();

        Assert.Equal(0, api.Host.Faults.Pending);
        using var response = await api.Http.GetAsync("items", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(Assert.Single(api.Host.Journal.Entries).FaultApplied);
    }

    [Fact]
    public void Factories_validate_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedFault.Status(99));
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedFault.Status(600));
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedFault.TruncatedBody(1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedFault.TruncatedBody(-0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedFault.Delay(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedFault.ResetMidBody(-1));
        Assert.Throws<ArgumentNullException>(() => SimulatedFault.MalformedBody(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedFault.Html(42));
    }

    [Fact]
    public async Task Enqueue_validates_arguments()
    {
        await using var api = await TestApi.StartAsync();
        Assert.Throws<ArgumentOutOfRangeException>(() => api.Host.Faults.Enqueue(SimulatedFault.Html(), 0));
        Assert.Throws<ArgumentNullException>(() => api.Host.Faults.Enqueue(null!));
        Assert.Throws<ArgumentException>(() => api.Host.Faults.EnqueueFor(string.Empty, "/", SimulatedFault.Html()));
    }

    private static async Task<(long Received, Exception? Error)> ReadUntilFailureAsync(HttpResponseMessage response)
    {
        long received = 0;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(Ct);
            var buffer = new byte[8192];
            int read;
            while ((read = await stream.ReadAsync(buffer, Ct)) > 0)
            {
                received += read;
            }

            return (received, null);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            return (received, ex);
        }
    }
}
