using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace SigningClients.Testing.Tests;

public sealed class JournalTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Records_method_path_raw_query_headers_body_and_status()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var api = await TestApi.StartAsync(new SimulatorHostOptions { TimeProvider = clock });
        using var request = new HttpRequestMessage(HttpMethod.Post, "items?%24top=10&name=a%20b")
        {
            Content = new StringContent("{\"x\":1}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Custom", "one");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "tok");

        using var response = await api.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var entry = Assert.Single(api.Host.Journal.Entries);
        Assert.Equal(1, entry.Sequence);
        Assert.Equal(clock.GetUtcNow(), entry.Timestamp);
        Assert.Equal("POST", entry.Method);
        Assert.Equal("/items", entry.Path);
        Assert.Equal("?%24top=10&name=a%20b", entry.QueryString);
        Assert.Equal("/items?%24top=10&name=a%20b", entry.RawTarget);
        Assert.Equal("one", entry.Headers["x-custom"]);
        Assert.Equal("one", entry.GetHeader("X-CUSTOM"));
        Assert.Equal("Bearer tok", entry.Headers["Authorization"]);
        Assert.Equal("7", entry.Headers["Content-Length"]);
        Assert.Equal("application/json; charset=utf-8", entry.ContentType);
        Assert.Equal("{\"x\":1}", entry.BodyText);
        Assert.Equal(Encoding.UTF8.GetBytes("{\"x\":1}"), entry.Body);
        Assert.Equal(7, entry.BodyLength);
        Assert.False(entry.IsBodyTruncated);
        Assert.Equal(201, entry.ResponseStatus);
        Assert.Null(entry.FaultApplied);
        Assert.Null(entry.GetHeader("X-Missing"));
    }

    [Fact]
    public async Task Repeated_headers_are_joined_and_unknown_routes_are_recorded()
    {
        await using var api = await TestApi.StartAsync();

        // Raw HTTP so the header really arrives on two lines.
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, api.Host.BaseAddress.Port, Ct);
        await using var stream = client.GetStream();
        var raw = "GET /nowhere/a%20b?q=%2F HTTP/1.1\r\nHost: localhost\r\nX-Multi: a\r\nX-Multi: b\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(raw), Ct);
        var responseText = await new System.IO.StreamReader(stream).ReadToEndAsync(Ct);

        Assert.StartsWith("HTTP/1.1 404", responseText, StringComparison.Ordinal);
        var entry = Assert.Single(api.Host.Journal.Entries);
        Assert.Equal("a, b", entry.Headers["X-Multi"]);
        Assert.Equal("/nowhere/a b", entry.Path);
        Assert.Equal("/nowhere/a%20b?q=%2F", entry.RawTarget);
        Assert.Equal("?q=%2F", entry.QueryString);
        Assert.Equal(404, entry.ResponseStatus);
        Assert.Equal(0, entry.BodyLength);
        Assert.Empty(entry.Body);
    }

    [Fact]
    public async Task Bodies_beyond_the_limit_are_truncated_but_their_length_is_recorded_and_the_route_gets_everything()
    {
        await using var api = await TestApi.StartAsync(new SimulatorHostOptions { JournalBodyLimit = 1024 });
        var payload = TestApi.Pattern(5000);

        using var response = await api.Http.PostAsync("items", new ByteArrayContent(payload), Ct);

        Assert.Contains("\"received\":5000", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var entry = Assert.Single(api.Host.Journal.Entries);
        Assert.Equal(1024, entry.Body.Length);
        Assert.Equal(payload.AsSpan(0, 1024).ToArray(), entry.Body);
        Assert.Equal(5000, entry.BodyLength);
        Assert.True(entry.IsBodyTruncated);
    }

    [Fact]
    public async Task A_zero_limit_keeps_no_bytes_but_the_length()
    {
        await using var api = await TestApi.StartAsync(new SimulatorHostOptions { JournalBodyLimit = 0 });

        using var response = await api.Http.PostAsync("items", new ByteArrayContent(TestApi.Pattern(300)), Ct);

        var entry = Assert.Single(api.Host.Journal.Entries);
        Assert.Empty(entry.Body);
        Assert.Equal(300, entry.BodyLength);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatorHostOptions { JournalBodyLimit = -1 });
    }

    [Fact]
    public async Task The_body_is_recorded_even_when_the_route_does_not_read_it()
    {
        await using var api = await TestApi.StartAsync();
        var payload = TestApi.Pattern(3000);

        using var response = await api.Http.PostAsync("ignore", new ByteArrayContent(payload), Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var entry = Assert.Single(api.Host.Journal.Entries);
        Assert.Equal(payload, entry.Body);
        Assert.Equal(204, entry.ResponseStatus);
    }

    [Fact]
    public async Task A_route_that_throws_is_recorded_as_500()
    {
        await using var api = await TestApi.StartAsync();

        using var response = await api.Http.GetAsync("boom", Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(500, Assert.Single(api.Host.Journal.Entries).ResponseStatus);
    }

    [Fact]
    public async Task Two_hundred_concurrent_requests_are_all_journaled()
    {
        await using var api = await TestApi.StartAsync();
        const int Requests = 200;

        var tasks = Enumerable.Range(0, Requests).Select(async i =>
        {
            using var response = i % 2 == 0
                ? await api.Http.GetAsync($"items?i={i}", Ct)
                : await api.Http.PostAsync($"items?i={i}", new StringContent($"body-{i}"), Ct);
            return (int)response.StatusCode;
        });
        var statuses = await Task.WhenAll(tasks);

        Assert.All(statuses, s => Assert.True(s is 200 or 201));
        var entries = api.Host.Journal.Entries;
        Assert.Equal(Requests, entries.Count);
        Assert.Equal(Requests, api.Host.Journal.Count);
        Assert.Equal(Requests, api.Calls);
        Assert.Equal(Enumerable.Range(1, Requests).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.Equal(
            Enumerable.Range(0, Requests).Select(i => $"?i={i}").OrderBy(q => q, StringComparer.Ordinal),
            entries.Select(e => e.QueryString).OrderBy(q => q, StringComparer.Ordinal));
        Assert.All(entries.Where(e => e.Method == "POST"), e => Assert.Equal("body-" + e.QueryString[3..], e.BodyText));
        Assert.Equal(Requests / 2, api.Host.Journal.CountOf("POST", "/items"));
        Assert.Equal(Requests, api.Host.Journal.CountOf("*", "/items"));
    }

    [Fact]
    public async Task CountOf_matches_exact_paths_and_segment_prefixes()
    {
        await using var api = await TestApi.StartAsync();
        (await api.Http.GetAsync("items", Ct)).Dispose();
        (await api.Http.GetAsync("items-archive", Ct)).Dispose();
        (await api.Http.GetAsync("bytes/3", Ct)).Dispose();
        (await api.Http.GetAsync("bytes/4", Ct)).Dispose();

        Assert.Equal(1, api.Host.Journal.CountOf("GET", "/items"));
        Assert.Equal(1, api.Host.Journal.CountOf("get", "/items-archive"));
        Assert.Equal(2, api.Host.Journal.CountOf("GET", "/bytes"));
        Assert.Equal(2, api.Host.Journal.CountOf("GET", "/bytes/"));
        Assert.Equal(1, api.Host.Journal.CountOf("GET", "/bytes/3"));
        Assert.Equal(4, api.Host.Journal.CountOf("*", "/"));
        Assert.Equal(0, api.Host.Journal.CountOf("POST", "/"));
    }

    [Fact]
    public async Task Clear_empties_the_journal_and_sequences_keep_counting()
    {
        await using var api = await TestApi.StartAsync();
        (await api.Http.GetAsync("items", Ct)).Dispose();
        (await api.Http.GetAsync("items", Ct)).Dispose();

        api.Host.Journal.Clear();
        Assert.Equal(0, api.Host.Journal.Count);

        (await api.Http.GetAsync("items", Ct)).Dispose();
        Assert.Equal(3, Assert.Single(api.Host.Journal.Entries).Sequence);
    }

    [Fact]
    public async Task WaitForAsync_returns_existing_or_future_entries_and_times_out()
    {
        await using var api = await TestApi.StartAsync();
        (await api.Http.GetAsync("items", Ct)).Dispose();

        var existing = await api.Host.Journal.WaitForAsync(e => e.Path == "/items", TimeSpan.FromSeconds(1), Ct);
        Assert.Equal(1, existing.Sequence);

        var waiting = api.Host.Journal.WaitForAsync(e => e.Path == "/items-archive", TimeSpan.FromSeconds(10), Ct);
        Assert.False(waiting.IsCompleted);
        (await api.Http.GetAsync("items-archive", Ct)).Dispose();
        Assert.Equal(2, (await waiting).Sequence);

        await Assert.ThrowsAsync<TimeoutException>(() => api.Host.Journal.WaitForAsync(e => e.Method == "DELETE", TimeSpan.FromMilliseconds(100), Ct));
    }

    [Fact]
    public async Task Entries_is_a_snapshot()
    {
        await using var api = await TestApi.StartAsync();
        (await api.Http.GetAsync("items", Ct)).Dispose();
        IReadOnlyList<JournalEntry> snapshot = api.Host.Journal.Entries;

        (await api.Http.GetAsync("items", Ct)).Dispose();

        Assert.Single(snapshot);
        Assert.Equal(2, api.Host.Journal.Count);
        Assert.Contains("GET /items -> 200", snapshot[0].ToString(), StringComparison.Ordinal);
    }
}
