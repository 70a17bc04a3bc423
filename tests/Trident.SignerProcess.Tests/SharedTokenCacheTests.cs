using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Core.Authentication;
using SigningClients.Core.Diagnostics;
using SigningClients.Testing;
using SigningClients.Testing.Trident;
using SigningClients.TestSupport;
using Xunit;

namespace Trident.SignerProcess.Tests;

/// <summary>Several client instances (one per app instance) share their OAuth2 token through one IDistributedCache.</summary>
public sealed class SharedTokenCacheTests
{
    private const string UnknownProcess = "no-such-process";

    [Fact]
    public async Task Three_instances_making_concurrent_first_calls_request_one_token()
    {
        await using var harness = await TridentHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var simulator = harness.Simulator;
        var cache = new RecordingDistributedCache();
        var clients = Enumerable.Range(0, 3).Select(_ => Client(harness, cache, new TestTokenProtector())).ToList();

        await CallAllAsync(clients, callsEach: 4);

        Assert.Equal(1, simulator.Journal.CountOf("POST", simulator.TokenPath));
        Assert.Single(simulator.Journal.Entries.Where(e => !e.Path.Contains("/token", StringComparison.Ordinal)).Select(e => e.GetHeader("Authorization")).Distinct());
    }

    [Fact]
    public async Task After_the_token_lifetime_three_instances_request_one_more_token_not_three()
    {
        // expires_in 6 s, refreshed 2 s early: shared for 4 s.
        await using var harness = await TridentHarness.StartAsync(s => s.TokenLifetime = TimeSpan.FromSeconds(6), cancellationToken: TestContext.Current.CancellationToken);
        var simulator = harness.Simulator;
        var cache = new RecordingDistributedCache();
        var clients = Enumerable.Range(0, 3).Select(_ => Client(harness, cache, new TestTokenProtector(), o => o.TokenRefreshMargin = TimeSpan.FromSeconds(2))).ToList();

        await CallAllAsync(clients, callsEach: 2);
        Assert.Equal(1, simulator.Journal.CountOf("POST", simulator.TokenPath));

        await Task.Delay(TimeSpan.FromSeconds(4.5), TestContext.Current.CancellationToken);
        await CallAllAsync(clients, callsEach: 2);

        Assert.Equal(2, simulator.Journal.CountOf("POST", simulator.TokenPath));
    }

    [Fact]
    public async Task A_corrupt_or_undecryptable_entry_is_ignored_and_a_new_token_fetched()
    {
        await using var harness = await TridentHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var simulator = harness.Simulator;
        var cache = new RecordingDistributedCache();
        var logs = new LogCapture();
        await CallAllAsync(new[] { Client(harness, cache, new TestTokenProtector()) }, 1);
        var key = Assert.Single(cache.TokenKeys);

        await cache.OverwriteAsync(key, Encoding.UTF8.GetBytes("garbage that is no entry"));
        await CallAllAsync(new[] { Client(harness, cache, new TestTokenProtector(), logs: logs) }, 1);
        Assert.Equal(2, simulator.Journal.CountOf("POST", simulator.TokenPath));

        // Written with another key (another application, a rotated key): cannot be decrypted, so fetched anew.
        await CallAllAsync(new[] { Client(harness, cache, new TestTokenProtector("another key"), logs: logs) }, 1);
        Assert.Equal(3, simulator.Journal.CountOf("POST", simulator.TokenPath));
        Assert.Equal(2, logs.Entries.Count(e => e.EventId.Id == SigningEventIds.TokenCacheEntryIgnored));
    }

    [Fact]
    public async Task Entries_are_protected_and_keys_hold_no_id_or_secret()
    {
        await using var harness = await TridentHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var simulator = harness.Simulator;
        var cache = new RecordingDistributedCache();
        var protector = new TestTokenProtector();
        await CallAllAsync(new[] { Client(harness, cache, protector) }, 1);

        var token = simulator.Journal.Entries.First(e => e.Path.StartsWith("/trustedx-resources/", StringComparison.Ordinal)).GetHeader("Authorization")!["Bearer ".Length..];
        var key = Assert.Single(cache.TokenKeys);
        var stored = cache.Written[key];
        Assert.True(protector.ProtectCount >= 1);
        Assert.DoesNotContain(token, Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
        Assert.Contains(token, Encoding.UTF8.GetString(protector.Unprotect(stored)), StringComparison.Ordinal);
        foreach (var written in cache.Written.Keys)
        {
            Assert.DoesNotContain(simulator.ClientId, written, StringComparison.Ordinal);
            Assert.DoesNotContain(simulator.ClientSecret, written, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Plaintext_storage_is_refused_unless_opted_in()
    {
        var options = new TridentClientOptions { Endpoint = new Uri("https://trident.example.com"), ClientId = "id", ClientSecret = "secret" };
        options.UseDistributedTokenCache(new DistributedTokenCacheOptions { Cache = new RecordingDistributedCache() });
        var ex = Assert.Throws<ArgumentException>(() => new TridentClient(options));
        Assert.Contains("Protector", ex.Message, StringComparison.Ordinal);

        options.UseDistributedTokenCache(new DistributedTokenCacheOptions { Cache = new RecordingDistributedCache(), AllowUnprotectedStorage = true });
        using var client = new TridentClient(options);
        Assert.Throws<ArgumentException>(() => new TridentClientOptions { Endpoint = options.Endpoint, ClientId = "id" }.UseDistributedTokenCache(new DistributedTokenCacheOptions { Protector = new TestTokenProtector() }).Validate());
    }

    [Fact]
    public async Task When_the_lease_holder_dies_the_others_fetch_after_the_lease_expires()
    {
        await using var harness = await TridentHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var simulator = harness.Simulator;
        var cache = new RecordingDistributedCache();
        var lease = TimeSpan.FromSeconds(2);
        void Short(TridentClientOptions o) => o.GetDistributedTokenCache()!.LeaseDuration = lease;

        // The first instance takes the lease and then hangs in its token request forever (as a killed process would).
        var hang = new HangingTokenHandler(simulator.TokenPath);
        using var doomed = Client(harness, cache, new TestTokenProtector(), Short, handler: hang);
        var doomedCall = doomed.GetSignerProcessAsync(UnknownProcess, CancellationToken.None);
        await hang.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Contains(cache.Written.Keys, k => k.EndsWith(":lease", StringComparison.Ordinal));

        var started = DateTimeOffset.UtcNow;
        var others = Enumerable.Range(0, 2).Select(_ => Client(harness, cache, new TestTokenProtector(), Short)).ToList();
        await CallAllAsync(others, callsEach: 2);

        // They waited for the lease to run out, then one of them fetched and the other took its token.
        Assert.True(DateTimeOffset.UtcNow - started >= lease - TimeSpan.FromMilliseconds(500));
        Assert.Equal(1, simulator.Journal.CountOf("POST", simulator.TokenPath));
        Assert.False(doomedCall.IsCompleted);
        hang.Release();
        await Assert.ThrowsAnyAsync<Exception>(() => doomedCall);
    }

    /// <summary>One more instance on the harness's simulator, sharing <paramref name="cache"/>.</summary>
    private static TridentClient Client(TridentHarness harness, RecordingDistributedCache cache, ITokenProtector protector, Action<TridentClientOptions>? configure = null, LogCapture? logs = null, HttpMessageHandler? handler = null) =>
        harness.CreateClient(
            o =>
            {
                o.UseDistributedTokenCache(new DistributedTokenCacheOptions { Cache = cache, Protector = protector, PollInterval = TimeSpan.FromMilliseconds(50) });
                configure?.Invoke(o);
            },
            handler: handler,
            loggerFactory: logs?.CreateFactory());

    private static async Task CallAllAsync(IEnumerable<TridentClient> clients, int callsEach)
    {
        // Every instance at once, several calls each: an unknown id answers 404 or 410 after the token was accepted.
        await Task.WhenAll(clients.SelectMany(c => Enumerable.Range(0, callsEach).Select(async _ =>
        {
            var ex = await Assert.ThrowsAsync<SigningApiException>(() => c.GetSignerProcessAsync(UnknownProcess, CancellationToken.None));
            Assert.True(ex.Status is 404 or 410, "status " + ex.Status);
        })));
    }

    private sealed class HangingTokenHandler : DelegatingHandler
    {
        private readonly string _tokenPath;
        private readonly TaskCompletionSource<bool> _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HangingTokenHandler(string tokenPath)
            : base(new HttpClientHandler()) => _tokenPath = tokenPath;

        public TaskCompletionSource<bool> Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _release.TrySetResult(true);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == _tokenPath)
            {
                Entered.TrySetResult(true);
                await _release.Task.ConfigureAwait(false); // deaf to cancellation, like a frozen process
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            }

            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
