using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Time.Testing;
using SigningClients.Core.Http;
using SigningClients.Core.Pipeline;
using SigningClients.Testing;
using Xunit;

namespace SigningClients.Core.Tests;

public sealed class PagingTests
{
    private const int Total = 25;

    private static Task<SimulatorHost> StartAsync() =>
        SimulatorHost.StartAsync(r => r.MapGet("/items", (HttpContext c) =>
        {
            int skip = int.Parse(c.Request.Query["$skip"].FirstOrDefault() ?? "0");
            int top = int.Parse(c.Request.Query["$top"].FirstOrDefault() ?? "10");
            var values = Enumerable.Range(skip, Math.Max(0, Math.Min(top, Total - skip))).Select(i => new Item { Id = i, Name = "n" + i }).ToArray();
            return Results.Json(new ItemList { Count = Total, Values = values });
        }), cancellationToken: TestContext.Current.CancellationToken);

    private static AsyncPageable<Item> List(SigningPipeline pipeline, CancellationToken cancellationToken = default) =>
        OffsetPageable.Create<Item>(
            async (skip, top, ct) =>
            {
                var request = new SigningRequest(HttpMethod.Get, "items", "ListItems", Idempotency.Safe);
                request.Query.Add("$skip", skip).Add("$top", top).Add("$count", true);
                var page = await pipeline.SendAsync(request, TestJsonContext.Default.ItemList, ct);
                return (page.Values, page.Count);
            },
            defaultPageSize: 10,
            maxPageSize: 100,
            cancellationToken);

    [Fact]
    public async Task Only_the_pages_consumed_are_fetched()
    {
        await using var host = await StartAsync();
        var pageable = List(Pipelines.Create(host.BaseAddress), TestContext.Current.CancellationToken);
        Assert.Equal(0, host.Journal.Count);

        var taken = new List<Item>();
        await foreach (var item in pageable.WithCancellation(TestContext.Current.CancellationToken))
        {
            taken.Add(item);
            if (taken.Count == 15)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(0, 15), taken.Select(i => i.Id));
        Assert.Equal(2, host.Journal.Count);
        Assert.Equal("?$skip=0&$top=10&$count=true", host.Journal.Entries[0].QueryString);
    }

    [Fact]
    public async Task Full_enumeration_stops_after_the_last_page()
    {
        await using var host = await StartAsync();
        var pages = new List<Page<Item>>();
        await foreach (var page in List(Pipelines.Create(host.BaseAddress), TestContext.Current.CancellationToken).AsPages(pageSizeHint: 10))
        {
            pages.Add(page);
        }

        Assert.Equal(new[] { 10, 10, 5 }, pages.Select(p => p.Values.Count));
        Assert.All(pages, p => Assert.Equal(Total, p.TotalCount));
        Assert.Null(pages[^1].ContinuationToken);
        Assert.Equal(3, host.Journal.Count);
    }

    [Fact]
    public async Task Continuation_token_resumes_where_the_previous_page_ended()
    {
        await using var host = await StartAsync();
        var pageable = List(Pipelines.Create(host.BaseAddress), TestContext.Current.CancellationToken);
        string? token = null;
        await foreach (var page in pageable.AsPages(pageSizeHint: 7).WithCancellation(TestContext.Current.CancellationToken))
        {
            token = page.ContinuationToken;
            break;
        }

        Assert.Equal("7", token);
        await foreach (var page in pageable.AsPages(token, 7).WithCancellation(TestContext.Current.CancellationToken))
        {
            Assert.Equal(7, page.Values[0].Id);
            break;
        }

        await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var _ in pageable.AsPages("not-a-number").WithCancellation(TestContext.Current.CancellationToken))
            {
            }
        });
    }

    [Fact]
    public async Task From_pages_serves_given_pages_in_order()
    {
        var pageable = AsyncPageable<int>.FromPages(new[] { new Page<int>(new[] { 1, 2 }, "x"), new Page<int>(new[] { 3 }, null) });
        var all = new List<int>();
        await foreach (var value in pageable.WithCancellation(TestContext.Current.CancellationToken))
        {
            all.Add(value);
        }

        Assert.Equal(new[] { 1, 2, 3 }, all);
    }
}

public sealed class PollingTests
{
    [Fact]
    public async Task Polls_with_growing_intervals_until_done()
    {
        var clock = new RecordingClock();
        var times = new List<DateTimeOffset>();
        var options = new PollingOptions { InitialInterval = TimeSpan.FromSeconds(2), MaxInterval = TimeSpan.FromSeconds(5), BackoffMultiplier = 2 };

        var task = Poller.PollAsync(ct =>
        {
            times.Add(clock.GetUtcNow());
            return new ValueTask<PollStep<string>>(times.Count == 5 ? PollStep<string>.Complete("done") : PollStep<string>.Continue("pending"));
        }, options, clock, TestContext.Current.CancellationToken);

        var result = await Clock.Drive(clock, task, TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(1));

        Assert.Equal("done", result);
        var expected = new[] { 2.0, 4.0, 5.0, 5.0 };
        Assert.Equal(expected, clock.DelaysBelow(TimeSpan.FromHours(1)).Select(d => d.TotalSeconds));
        var gaps = times.Zip(times.Skip(1), (a, b) => (b - a).TotalSeconds).ToArray();
        Assert.Equal(expected.Length, gaps.Length);
        for (int i = 0; i < gaps.Length; i++)
        {
            Assert.True(gaps[i] >= expected[i], $"poll {i + 2} ran before its interval had passed");
        }
    }

    [Fact]
    public async Task Provider_requested_delay_is_honoured_within_the_cap()
    {
        var clock = new RecordingClock();
        var times = new List<DateTimeOffset>();
        var options = new PollingOptions { InitialInterval = TimeSpan.FromSeconds(1), MaxInterval = TimeSpan.FromSeconds(10) };

        var task = Poller.PollAsync(ct =>
        {
            times.Add(clock.GetUtcNow());
            return new ValueTask<PollStep<int>>(times.Count == 3 ? PollStep<int>.Complete(3) : PollStep<int>.Continue(times.Count, TimeSpan.FromSeconds(times.Count == 1 ? 7 : 60)));
        }, options, clock, TestContext.Current.CancellationToken);

        await Clock.Drive(clock, task, TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(2));

        // 7 s as asked, then 60 s asked but capped at the 10 s maximum.
        Assert.Equal(new[] { 7.0, 10.0 }, clock.DelaysBelow(TimeSpan.FromHours(1)).Select(d => d.TotalSeconds));
        Assert.True((times[1] - times[0]).TotalSeconds >= 7.0);
        Assert.True((times[2] - times[1]).TotalSeconds >= 10.0);
    }

    [Fact]
    public async Task Overall_timeout_ends_polling_with_a_timeout_exception()
    {
        var clock = new FakeTimeProvider();
        int polls = 0;
        var options = new PollingOptions { InitialInterval = TimeSpan.FromSeconds(10), MaxInterval = TimeSpan.FromSeconds(10), Timeout = TimeSpan.FromSeconds(35) };
        var task = Poller.PollAsync(ct => { polls++; return new ValueTask<PollStep<int>>(PollStep<int>.Continue(0)); }, options, clock, TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<TimeoutException>(() => Clock.Drive(clock, task, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)));
        Assert.Equal(5, polls);
    }

    [Fact]
    public async Task Cancellation_stops_polling()
    {
        var clock = new FakeTimeProvider();
        using var cts = new CancellationTokenSource();
        var task = Poller.PollAsync(ct => new ValueTask<PollStep<int>>(PollStep<int>.Continue(0)), new PollingOptions(), clock, cts.Token);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
    }

    [Fact]
    public void Invalid_polling_options_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new PollingOptions { InitialInterval = TimeSpan.Zero }.Validate());
        Assert.Throws<ArgumentException>(() => new PollingOptions { BackoffMultiplier = 0.5 }.Validate());
        Assert.Throws<ArgumentException>(() => new PollingOptions { InitialInterval = TimeSpan.FromMinutes(2), MaxInterval = TimeSpan.FromMinutes(1) }.Validate());
    }
}
