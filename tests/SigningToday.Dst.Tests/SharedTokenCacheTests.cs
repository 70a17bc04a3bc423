using System;
using System.Linq;
using System.Threading.Tasks;
using SigningClients.Core.Authentication;
using SigningClients.Testing;
using SigningClients.TestSupport;
using SigningToday.Dst;
using Xunit;

namespace SigningToday.Dst.Tests;

/// <summary>The password grant's token is shared by several instances through one IDistributedCache.</summary>
public sealed class SharedTokenCacheTests
{
    [Fact]
    public async Task Three_instances_making_concurrent_first_calls_request_one_password_grant_token()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SigningTodayHarness.StartAsync(cancellationToken: ct);
        var sim = harness.Simulator;
        var cache = new RecordingDistributedCache();
        var clients = Enumerable.Range(0, 3).Select(_ =>
        {
            var options = harness.CreatePasswordOptions();
            options.UseDistributedTokenCache(new DistributedTokenCacheOptions { Cache = cache, Protector = new TestTokenProtector(), PollInterval = TimeSpan.FromMilliseconds(50) });
            return harness.CreateClient(options);
        }).ToList();

        await Task.WhenAll(clients.SelectMany(c => Enumerable.Range(0, 3).Select(_ => c.Services.GetCurrentUserAsync(ct))));

        var tokenPath = new SigningTodayClientOptions().TokenPath.TrimStart('/');
        Assert.Equal(1, sim.Journal.Entries.Count(e => e.Method == "POST" && e.Path.EndsWith(tokenPath, StringComparison.Ordinal)));
        Assert.DoesNotContain(cache.Written.Keys, k => k.Contains(sim.Settings.AdminUsername, StringComparison.Ordinal));
    }
}
