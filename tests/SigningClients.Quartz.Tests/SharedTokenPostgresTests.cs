using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using SigningClients.Core;
using SigningClients.Core.Authentication;
using SigningClients.Testing;
using SigningClients.Testing.Trident;
using SigningClients.TestSupport;
using Trident.SignerProcess;
using Xunit;

namespace SigningClients.Quartz.Tests;

/// <summary>Three app instances share their OAuth2 token through one IDistributedCache on the throw-away PostgreSQL.</summary>
public sealed class SharedTokenPostgresTests
{
    [Fact]
    public async Task Three_instances_sharing_a_PostgreSQL_cache_make_one_token_request_per_token_lifetime()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pg = await ThrowawayPostgres.StartAsync();
        // expires_in 6 s, refreshed 2 s early: one token serves the three instances for 4 s.
        await using var simulator = await TridentSimulator.StartAsync(new TridentSimulatorOptions { TokenLifetime = TimeSpan.FromSeconds(6) }, ct);

        // One data source (connection pool) and one cache object per instance, as in three processes.
        var sources = Enumerable.Range(0, 3).Select(_ => NpgsqlDataSource.Create(pg.ConnectionString)).ToList();
        try
        {
            var clients = new List<TridentClient>();
            foreach (var source in sources)
            {
                var cache = await PostgresDistributedCache.OpenAsync(source);
                var options = new TridentClientOptions
                {
                    Endpoint = simulator.BaseAddress,
                    AllowHttpOnLoopback = true,
                    ClientId = simulator.ClientId,
                    ClientSecret = simulator.ClientSecret,
                    AuthServer = simulator.AuthServer,
                    TokenRefreshMargin = TimeSpan.FromSeconds(2),
                };
                options.UseDistributedTokenCache(new DistributedTokenCacheOptions { Cache = cache, Protector = new TestTokenProtector("app key"), PollInterval = TimeSpan.FromMilliseconds(50) });
                clients.Add(new TridentClient(options, new HttpClient { Timeout = Timeout.InfiniteTimeSpan }));
            }

            await CallAllAsync(clients);
            Assert.Equal(1, simulator.Journal.CountOf("POST", simulator.TokenPath));

            // The rows hold protected bytes only.
            var token = simulator.Journal.Entries.First(e => e.Path.StartsWith("/trustedx-resources/", StringComparison.Ordinal)).GetHeader("Authorization")!["Bearer ".Length..];
            await using (var command = sources[0].CreateCommand("SELECT count(*) FROM distributed_cache WHERE position(convert_to($1, 'UTF8') in value) > 0"))
            {
                command.Parameters.AddWithValue(token);
                Assert.Equal(0L, (long)(await command.ExecuteScalarAsync(ct))!);
            }

            await Task.Delay(TimeSpan.FromSeconds(4.5), ct);
            await CallAllAsync(clients);
            Assert.Equal(2, simulator.Journal.CountOf("POST", simulator.TokenPath));

            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }
    }

    private static Task CallAllAsync(IEnumerable<TridentClient> clients) =>
        Task.WhenAll(clients.SelectMany(c => Enumerable.Range(0, 3).Select(async _ =>
        {
            // An unknown signer process answers 404/410 once the token was accepted.
            var ex = await Assert.ThrowsAsync<SigningApiException>(() => c.GetSignerProcessAsync("no-such-process", CancellationToken.None));
            Assert.True(ex.Status is 404 or 410, "status " + ex.Status);
        })));
}
