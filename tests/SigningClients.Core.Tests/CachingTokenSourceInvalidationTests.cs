using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using SigningClients.Core.Authentication;
using Xunit;

namespace SigningClients.Core.Tests;

public sealed class CachingTokenSourceInvalidationTests
{
    [Fact]
    public async Task Invalidated_token_is_replaced_on_the_next_request()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var source = new CountingSource(clock);

        var first = await source.GetTokenAsync(ct);
        Assert.True(source.Invalidate(first.Token));
        var second = await source.GetTokenAsync(ct);

        Assert.Equal("token-1", first.Token);
        Assert.Equal("token-2", second.Token);
        Assert.Equal(2, source.FetchCount);
    }

    private sealed class CountingSource : CachingTokenSource
    {
        private readonly TimeProvider _clock;
        private int _count;

        public CountingSource(TimeProvider clock)
            : base(clock) => _clock = clock;

        protected override Task<AccessToken> FetchTokenAsync(AccessToken? previous, CancellationToken cancellationToken) =>
            Task.FromResult(new AccessToken("token-" + Interlocked.Increment(ref _count), _clock.GetUtcNow().AddMinutes(10)));
    }
}
