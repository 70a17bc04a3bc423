using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using SigningClients.Core;
using SigningClients.Reliability.Tests.Infrastructure;
using SigningClients.Reliability.Tests.Providers;
using SigningClients.Testing;
using SigningClients.TestSupport;
using SigningToday.Dst;
using SigningToday.Dst.Models;
using Xunit;

namespace SigningClients.Reliability.Tests.Suite;

public sealed partial class ReliabilitySuite
{
    /// <summary>
    /// SigningToday OAuth (AuthenticationMode = Password): one FakeTimeProvider drives client and simulator; the
    /// access token expires on both clocks, then 100 concurrent calls → exactly one token request, every call succeeds.
    /// </summary>
    [Fact]
    [Step(3)]
    public async Task Token_lifecycle_SigningToday_100_concurrent_calls_with_an_expired_token_fetch_one_token()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));
        var kit = new SigningTodayKit();
        await using var simulator = (SigningTodaySimulator)await kit.StartSimulatorAsync(new SimulatorHostOptions { TimeProvider = clock }, ct);
        Recorder.AddSecrets(kit.Secrets(simulator).ToArray());
        using var harvest = new WireSecretHarvest(simulator);
        var options = SigningTodayKit.AdminOptions(simulator, simulator.ApiEndpoint);
        ClientSettings.FastRetry(options.Retry);
        Recorder.AddVisibleText(options.ToString());
        var client = new SigningTodayClient(options, (System.Net.Http.HttpClient?)null, Recorder.LoggerFactory, clock);

        await client.Services.GetCurrentUserAsync(ct);
        var before = simulator.IssuedAccessTokens;
        clock.Advance(simulator.Settings.AccessTokenLifetime + TimeSpan.FromMinutes(5));

        var results = await Task.WhenAll(Enumerable.Range(0, ConcurrentCalls).Select(_ =>
            MatrixRunner.ObserveAsync(token => client.Services.GetCurrentUserAsync(token), null)));
        var tokenRequests = simulator.IssuedAccessTokens - before;
        var tokenCalls = simulator.Journal.Entries.Count(e => e.Path == "/api/oauth/token") - 1;
        var successes = results.Count(r => r.Kind == OutcomeKind.Success);
        var ok = tokenRequests == 1 && tokenCalls == 1 && successes == ConcurrentCalls;
        Recorder.Check("Token lifecycle", kit.Provider, ConcurrentCalls + " concurrent calls, expired OAuth token (password grant, shared fake clock)", ok,
            string.Create(CultureInfo.InvariantCulture, $"tokens issued: {tokenRequests}, /oauth/token requests: {tokenCalls} (expected 1 each); successful calls: {successes}/{ConcurrentCalls}; first failure: {results.FirstOrDefault(r => r.Kind != OutcomeKind.Success)?.Describe() ?? "none"}"));
        Recorder.StepRan("tokens-signingtoday");
        Assert.Equal(ConcurrentCalls, successes);
        Assert.Equal(1, tokenRequests);
        Assert.Equal(1, tokenCalls);
    }

    /// <summary>
    /// SigningToday "wait then download": a DST signed while WaitForDstStatusAsync polls through a dropped poll and a
    /// 503 (and one signed before the wait) → the signed document is downloaded whole; a download cut short is detected.
    /// </summary>
    [Fact]
    [Step(8)]
    public async Task SigningToday_wait_then_download_never_loses_a_signed_document()
    {
        var ct = TestContext.Current.CancellationToken;
        var kit = new SigningTodayKit();
        await using var simulator = (SigningTodaySimulator)await kit.StartSimulatorAsync(new SimulatorHostOptions(), ct);
        Recorder.AddSecrets(kit.Secrets(simulator).ToArray());
        using var harvest = new WireSecretHarvest(simulator);
        using var clients = (StClients)kit.CreateHealthyClient(simulator);
        var client = clients.Robot;
        var pdf = TestPdf.Create("SigningToday wait then download");
        var polling = new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(10) };

        async Task<string> CreateAsync() => (await client.Robots.CreateAndPublishFromPdfAsync(new MemoryStream(pdf), "contract.pdf", "Contract", SigningTodayKit.Signer(), null, ct)).Id!;

        async Task<(bool Ok, string Detail)> WaitAndDownloadAsync(string id, Func<Task>? whileWaiting)
        {
            var wait = client.Dsts.WaitForDstStatusAsync(id, polling, ct);
            if (whileWaiting is not null)
            {
                await whileWaiting();
            }

            var observed = await MatrixRunner.ObserveAsync(_ => wait, null);
            if (observed.Kind != OutcomeKind.Success)
            {
                return (false, "wait: " + observed.Describe());
            }

            var done = await wait;
            var signedId = done.Documents is { Count: > 0 } docs ? docs[0].SignedDocumentUuid : null;
            if (done.Status != DstStatus.Signed || signedId is null)
            {
                return (false, "wait ended with status " + done.Status + ", signed document " + (signedId ?? "none"));
            }

            using var copy = new MemoryStream();
            var download = await MatrixRunner.ObserveAsync(async token =>
            {
                await using var file = await client.Resources.DownloadAsync(signedId, token);
                await file.CopyToAsync(copy, token);
            }, null);
            var bytes = copy.ToArray();
            var expected = simulator.GetResourceBytes(signedId);
            var intact = expected is not null && bytes.AsSpan().SequenceEqual(expected) && bytes.Length >= pdf.Length && bytes.AsSpan(0, pdf.Length).SequenceEqual(pdf);
            return (download.Kind == OutcomeKind.Success && intact, string.Create(CultureInfo.InvariantCulture, $"{done.Status}; download {download.Describe()}, {bytes.Length} bytes, equal to the simulator's signed resource and starting with the original PDF: {intact}"));
        }

        var during = await CreateAsync();
        var route = SigningTodayKit.Api + "/DST/" + during;
        simulator.Faults.EnqueueFor("GET", route, SimulatedFault.DropBeforeResponse());
        simulator.Faults.EnqueueFor("GET", route, SimulatedFault.Status(503));
        var (ok1, detail1) = await WaitAndDownloadAsync(during, async () =>
        {
            await simulator.Journal.WaitForAsync(e => e.Path == route && e.FaultApplied is null, TimeSpan.FromSeconds(5), ct);
            simulator.Sign(during);
        });
        simulator.Faults.Clear();
        Recorder.Check("Data loss", kit.Provider, "signed during WaitForDstStatusAsync (a dropped poll and a 503 on the way) → downloaded", ok1, detail1);

        var before = await CreateAsync();
        simulator.Sign(before);
        var (ok2, detail2) = await WaitAndDownloadAsync(before, null);
        Recorder.Check("Data loss", kit.Provider, "signed before WaitForDstStatusAsync → downloaded", ok2, detail2);

        var cut = await CreateAsync();
        simulator.Sign(cut);
        var signed = (await client.Dsts.GetAsync(cut, ct)).Documents![0].SignedDocumentUuid!;
        simulator.Faults.EnqueueFor("GET", SigningTodayKit.Api + "/resource/" + signed, SimulatedFault.TruncatedBody(), FaultSpec.Always);
        using var partial = new MemoryStream();
        var truncated = await MatrixRunner.ObserveAsync(async token =>
        {
            await using var file = await client.Resources.DownloadAsync(signed, token);
            await file.CopyToAsync(partial, token);
        }, null);
        simulator.Faults.Clear();
        var ok3 = truncated.Kind == OutcomeKind.SigningApiException;
        Recorder.Check("Data loss", kit.Provider, "signed document download cut short (truncated body) → detected", ok3, truncated.Describe() + string.Create(CultureInfo.InvariantCulture, $"; {partial.Length} bytes copied before the failure"));

        Recorder.StepRan("data-loss-signingtoday");
        Assert.True(ok1, detail1);
        Assert.True(ok2, detail2);
        Assert.True(ok3, truncated.Describe());
    }
}
