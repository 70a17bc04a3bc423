using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using SigningClients.Reliability.Tests.Infrastructure;
using SigningClients.Reliability.Tests.Providers;
using SigningClients.Testing;
using Trident.SignerProcess;
using Xunit;

namespace SigningClients.Reliability.Tests.Suite;

public sealed partial class ReliabilitySuite
{
    private const int ConcurrentCalls = 100;

    /// <summary>Trident OAuth: 100 concurrent calls after the token expired (on both fake clocks) → exactly one token request.</summary>
    [Fact]
    [Step(3)]
    public async Task Token_lifecycle_Trident_100_concurrent_calls_with_an_expired_token_fetch_one_token()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var kit = new TridentKit();
        await using var simulator = (TridentSimulator)await kit.StartSimulatorAsync(new SimulatorHostOptions { TimeProvider = clock }, ct);
        Recorder.AddSecrets(kit.Secrets(simulator).ToArray());
        using var harvest = new WireSecretHarvest(simulator);
        var client = (TridentClient)kit.CreateClient(simulator, new ClientSettings { Endpoint = simulator.BaseAddress, Retry = ClientSettings.FastRetry, TimeProvider = clock });

        var process = await TridentKit.CreateAsync(client, ct);
        var before = simulator.TokensIssued;
        clock.Advance(TimeSpan.FromSeconds(700)); // the simulator's tokens live 600 s

        var results = await Task.WhenAll(Enumerable.Range(0, ConcurrentCalls).Select(_ =>
            MatrixRunner.ObserveAsync(token => client.GetSignerProcessAsync(process.Id, token), null)));
        var tokenRequests = simulator.TokensIssued - before;
        var successes = results.Count(r => r.Kind == OutcomeKind.Success);
        var ok = tokenRequests == 1 && successes == ConcurrentCalls;
        Recorder.Check("Token lifecycle", kit.Provider, ConcurrentCalls + " concurrent calls, expired OAuth token", ok,
            string.Create(CultureInfo.InvariantCulture, $"token requests: {tokenRequests} (expected 1); successful calls: {successes}/{ConcurrentCalls}"));
        Recorder.StepRan("tokens-trident");
        Assert.Equal(ConcurrentCalls, successes);
        Assert.Equal(1, tokenRequests);
    }
}
