using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ConsignO.Workflows;
using SigningClients.Reliability.Tests.Infrastructure;
using SigningClients.Testing;
using SigningClients.Testing.ConsignO;
using SigningClients.TestSupport;
using Xunit;

namespace SigningClients.Reliability.Tests.Suite;

public sealed partial class ReliabilitySuite
{
    /// <summary>
    /// ConsignO session login under load: every session expires on the server, then 100 concurrent calls → exactly
    /// one new login (single-flight re-login), and every call succeeds.
    /// </summary>
    [Fact]
    [Step(3)]
    public async Task Token_lifecycle_ConsignO_100_concurrent_calls_after_session_expiry_log_in_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = new ConsignOSimulatorOptions();
        await using var simulator = await ConsignOSimulator.StartAsync(settings, ct);
        Recorder.AddSecrets(settings.Password);
        using var harvest = new WireSecretHarvest(simulator);
        var options = new ConsignOClientOptions
        {
            Endpoint = simulator.ApiEndpoint,
            AllowHttpOnLoopback = true,
            Username = settings.Username,
            Password = settings.Password,
        };
        ClientSettings.FastRetry(options.Retry);
        Recorder.AddVisibleText(options.ToString());
        var client = new ConsignOClient(options, httpClient: null, Recorder.LoggerFactory);
        var pdf = TestPdf.Create("load");

        await client.UploadDocumentAsync(new MemoryStream(pdf), "warm.pdf", null, ct);
        simulator.ExpireAllSessions();
        var before = simulator.LoginCount;
        var results = await Task.WhenAll(Enumerable.Range(0, ConcurrentCalls).Select(i =>
            MatrixRunner.ObserveAsync(token => client.UploadDocumentAsync(new MemoryStream(pdf), "doc" + i.ToString(CultureInfo.InvariantCulture) + ".pdf", null, token), null)));
        var logins = simulator.LoginCount - before;
        var successes = results.Count(r => r.Kind == OutcomeKind.Success);
        var ok = logins == 1 && successes == ConcurrentCalls;
        Recorder.Check("Token lifecycle", "ConsignO", ConcurrentCalls + " concurrent calls after every session expired", ok,
            string.Create(CultureInfo.InvariantCulture, $"logins: {logins} (expected 1); successful calls: {successes}/{ConcurrentCalls}; first failure: {results.FirstOrDefault(r => r.Kind != OutcomeKind.Success)?.Describe() ?? "none"}"));
        Recorder.StepRan("tokens-consigno");
        Assert.Equal(ConcurrentCalls, successes);
        Assert.Equal(1, logins);
    }
}
