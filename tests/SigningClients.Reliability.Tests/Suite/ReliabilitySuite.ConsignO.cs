using System;
using System.Globalization;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ConsignO.Workflows;
using ConsignO.Workflows.Models;
using SigningClients.Core;
using SigningClients.Reliability.Tests.Providers;
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

    public const int RotationWorkers = 25;
    public const int RotationCallsPerWorker = 8;

    /// <summary>
    /// ConsignO token rotation under concurrency. The simulator rotates the session token on every answer
    /// (RotateTokenEvery = 1) and keeps superseded tokens valid (so that 25 concurrent callers are not turned into a
    /// 401 storm that would hide what the client sends). A transport tap numbers, on one clock, each call's start,
    /// each request entering the transport (with the token the client attached) and each response leaving it (with the
    /// rotated token it delivers); token age is the simulator's issue order (<see cref="ConsignOSimulator.IssuedTokens"/>).
    /// Guarantee checked: for every call C and every request R that C sends, R's token is not older than any token
    /// delivered by a response that reached the client before C started. (A request already authenticated when a
    /// response arrives cannot carry that response's token; such in-flight overlaps are counted, not judged.)
    /// Cross-check with the journal (arrival order): the simulator saw exactly the requests the tap saw, with the same tokens.
    /// </summary>
    [Fact]
    [Step(3)]
    public async Task Token_rotation_ConsignO_no_call_sends_a_token_older_than_one_already_delivered()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = new ConsignOSimulatorOptions { RotateTokenEvery = 1, RejectSupersededTokens = false, EmbeddedSigningAvailable = true };
        await using var simulator = await ConsignOSimulator.StartAsync(settings, ct);
        Recorder.AddSecrets(settings.Password);
        using var harvest = new WireSecretHarvest(simulator);
        var setup = (ConsignOClient)new ConsignOKit().CreateHealthyClient(simulator);
        var flow = await ConsignOKit.LaunchAsync(setup, ct);
        var tap = new TokenTap(ConsignOSimulator.TokenName);
        using var http = new HttpClient(tap) { Timeout = TimeSpan.FromSeconds(30) };
        var options = new ConsignOClientOptions { Endpoint = simulator.ApiEndpoint, AllowHttpOnLoopback = true, Username = settings.Username, Password = settings.Password };
        ClientSettings.FastRetry(options.Retry);
        using var client = new ConsignOClient(options, http, Recorder.LoggerFactory);
        await client.LoginAsync(ct);
        var mark = MatrixRunner.Mark(simulator);

        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, RotationWorkers).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < RotationCallsPerWorker; i++)
            {
                var call = (worker * RotationCallsPerWorker) + i + 1;
                tap.StartCall(call);
                var observed = await MatrixRunner.ObserveAsync(token => client.GetWorkflowAsync(flow.WorkflowId, token), null);
                tap.EndCall(call);
                if (observed.Kind != OutcomeKind.Success)
                {
                    System.Threading.Interlocked.Increment(ref failures);
                }
            }
        }, ct)));

        Recorder.AddSecrets(simulator.IssuedTokens.ToArray());
        var issued = simulator.IssuedTokens.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);
        int Age(string? token) => token is not null && issued.TryGetValue(token, out var index) ? index : -1;
        var exchanges = tap.Exchanges.Where(e => e.Call > 0).OrderBy(e => e.SendSeq).ToList();
        var deliveries = exchanges.Where(e => e.DeliveredToken is not null).Select(e => (e.RecvSeq, Age: Age(e.DeliveredToken))).OrderBy(d => d.RecvSeq).ToList();

        // Newest token delivered up to each point of the clock.
        long NewestBefore(long seq)
        {
            var newest = -1;
            foreach (var d in deliveries)
            {
                if (d.RecvSeq >= seq)
                {
                    break;
                }

                newest = Math.Max(newest, d.Age);
            }

            return newest;
        }

        // P (judged): a call never sends a token older than one sent by a call that had completed (returned to its
        // caller, so the client had processed its answer) before it started.
        var completed = exchanges.Where(e => tap.CallEnds.ContainsKey(e.Call)).Select(e => (End: tap.CallEnds[e.Call], Age: Age(e.SentToken))).OrderBy(x => x.End).ToList();
        long NewestSentByCompletedBefore(long seq)
        {
            var newest = -1;
            foreach (var x in completed)
            {
                if (x.End >= seq)
                {
                    break;
                }

                newest = Math.Max(newest, x.Age);
            }

            return newest;
        }

        var violations = new List<string>();
        var olderThanDelivered = 0;
        var overlaps = 0;
        foreach (var e in exchanges)
        {
            var sentAge = Age(e.SentToken);
            var start = tap.CallStarts[e.Call];
            var floor = NewestSentByCompletedBefore(start);
            if (sentAge < floor)
            {
                violations.Add(string.Create(CultureInfo.InvariantCulture, $"call {e.Call}: sent token #{sentAge} at t={e.SendSeq}; a call that completed before it started (t={start}) had sent #{floor}"));
            }

            // Figures (not judged): older than a token already delivered before the call started / before the request left.
            if (sentAge < NewestBefore(start))
            {
                olderThanDelivered++;
            }
            else if (sentAge < NewestBefore(e.SendSeq))
            {
                overlaps++;
            }
        }

        var journal = simulator.Journal.Entries.Where(j => j.Sequence > mark).ToList();
        var journalTokens = journal.Select(j => j.GetHeader(ConsignOSimulator.TokenName)).OrderBy(t => t, StringComparer.Ordinal).ToList();
        var tapTokens = exchanges.Select(e => e.SentToken).OrderBy(t => t, StringComparer.Ordinal).ToList();
        var journalAgrees = journalTokens.SequenceEqual(tapTokens, StringComparer.Ordinal);
        var unknownTokens = exchanges.Count(e => Age(e.SentToken) < 0);
        var calls = RotationWorkers * RotationCallsPerWorker;
        var defect = KnownDefects.Find("ConsignO", "TokenRotation", "concurrency");
        var ok = violations.Count == 0 && failures == 0 && journalAgrees && unknownTokens == 0 && deliveries.Count >= calls;
        Recorder.Check("Token lifecycle", "ConsignO", string.Create(CultureInfo.InvariantCulture, $"token rotated on every answer, {RotationWorkers} concurrent workers × {RotationCallsPerWorker} calls: no call sends a token older than one a completed call had sent"), ok,
            string.Create(CultureInfo.InvariantCulture, $"{exchanges.Count} requests, {deliveries.Count} rotated tokens delivered, {simulator.LoginCount} login(s); violations: {violations.Count}; not judged: requests older than a token delivered to the transport before their call started {olderThanDelivered}, in-flight overlaps (authenticated before a newer token arrived) {overlaps}; failed calls: {failures}; journal agrees with the tap: {journalAgrees}; tokens never issued: {unknownTokens}{(violations.Count > 0 ? "; first: " + violations[0] : string.Empty)}{(defect is null || ok ? string.Empty : ". Known defect: " + defect)}"));
        Recorder.StepRan("rotation-consigno");
        if (defect is not null)
        {
            // Nondeterministic (depends on how answers interleave): a clean run neither fails nor retires the entry.
            Assert.True(failures == 0 && journalAgrees && unknownTokens == 0, $"failures={failures} journalAgrees={journalAgrees} unknown={unknownTokens}");
            return;
        }

        Assert.True(ok, string.Join("\n", violations.Take(20)) + $"\nfailures={failures} journalAgrees={journalAgrees} unknown={unknownTokens} deliveries={deliveries.Count}");
    }

    /// <summary>
    /// ConsignO "wait then download": a launched workflow signed while WaitForCompletionAsync polls through a dropped
    /// poll and a 503 is downloaded with every byte (the original PDF plus the simulator's signature marker); signed
    /// before the wait starts: same; a download cut short (Content-Length not reached) is detected, never a silent short file.
    /// </summary>
    [Fact]
    [Step(8)]
    public async Task ConsignO_wait_then_download_never_loses_a_signed_document()
    {
        var ct = TestContext.Current.CancellationToken;
        var kit = new ConsignOKit();
        await using var simulator = (ConsignOSimulator)await kit.StartSimulatorAsync(new SimulatorHostOptions(), ct);
        Recorder.AddSecrets(kit.Secrets(simulator).ToArray());
        using var harvest = new WireSecretHarvest(simulator);
        using var client = (ConsignOClient)kit.CreateHealthyClient(simulator);
        var pdf = TestPdf.Create("ConsignO wait then download");
        var polling = new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(10) };

        async Task<ConsignOKit.Flow> LaunchAsync()
        {
            var documentId = await client.UploadDocumentAsync(new MemoryStream(pdf), "contract.pdf", null, ct);
            var workflow = await client.CreateWorkflowAsync(ConsignOKit.Definition(documentId), ct);
            return new ConsignOKit.Flow(workflow.Id, workflow.Actions![0].Id!);
        }

        async Task<(bool Ok, string Detail)> WaitAndDownloadAsync(ConsignOKit.Flow flow, Func<Task>? whileWaiting)
        {
            var wait = client.WaitForCompletionAsync(flow.WorkflowId, polling, ct);
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
            if (done.Status != WorkflowStatus.Completed)
            {
                return (false, "wait ended with status " + done.Status);
            }

            using var copy = new MemoryStream();
            var download = await MatrixRunner.ObserveAsync(async token =>
            {
                await using var file = await client.DownloadDocumentsAsync(flow.WorkflowId, token);
                await file.CopyToAsync(copy, token);
            }, null);
            var bytes = copy.ToArray();
            var intact = bytes.Length > pdf.Length && bytes.AsSpan(0, pdf.Length).SequenceEqual(pdf)
                && System.Text.Encoding.ASCII.GetString(bytes, pdf.Length, bytes.Length - pdf.Length).Contains("signed by the ConsignO simulator", StringComparison.Ordinal);
            return (download.Kind == OutcomeKind.Success && intact, string.Create(CultureInfo.InvariantCulture, $"{done.Status}; download {download.Describe()}, {bytes.Length} bytes (original {pdf.Length} + signature marker), original bytes intact and signed: {intact}"));
        }

        // 1. Signed while the helper polls through a dropped poll and a 503.
        var during = await LaunchAsync();
        var route = ConsignOKit.Api + "/workflows/" + during.WorkflowId;
        simulator.Faults.EnqueueFor("GET", route, SimulatedFault.DropBeforeResponse());
        simulator.Faults.EnqueueFor("GET", route, SimulatedFault.Status(503));
        var (ok1, detail1) = await WaitAndDownloadAsync(during, async () =>
        {
            await simulator.Journal.WaitForAsync(e => e.Path == route && e.FaultApplied is null, TimeSpan.FromSeconds(5), ct);
            simulator.SignAll(during.WorkflowId);
        });
        simulator.Faults.Clear();
        Recorder.Check("Data loss", "ConsignO", "signed during WaitForCompletionAsync (a dropped poll and a 503 on the way) → downloaded", ok1, detail1);

        // 2. Signed before the wait starts.
        var before = await LaunchAsync();
        simulator.SignAll(before.WorkflowId);
        var (ok2, detail2) = await WaitAndDownloadAsync(before, null);
        Recorder.Check("Data loss", "ConsignO", "signed before WaitForCompletionAsync → downloaded", ok2, detail2);

        // 3. A download cut short: the client must not hand back a silently shorter file.
        var cut = await LaunchAsync();
        simulator.SignAll(cut.WorkflowId);
        simulator.Faults.EnqueueFor("POST", ConsignOKit.Api + "/workflows/" + cut.WorkflowId + "/documents", SimulatedFault.TruncatedBody(), FaultSpec.Always);
        using var partial = new MemoryStream();
        var truncated = await MatrixRunner.ObserveAsync(async token =>
        {
            await using var file = await client.DownloadDocumentsAsync(cut.WorkflowId, token);
            await file.CopyToAsync(partial, token);
        }, null);
        simulator.Faults.Clear();
        var ok3 = truncated.Kind == OutcomeKind.SigningApiException;
        Recorder.Check("Data loss", "ConsignO", "signed document download cut short (truncated body) → detected", ok3, truncated.Describe() + string.Create(CultureInfo.InvariantCulture, $"; {partial.Length} bytes copied before the failure"));

        Recorder.StepRan("data-loss-consigno");
        Assert.True(ok1, detail1);
        Assert.True(ok2, detail2);
        Assert.True(ok3, truncated.Describe());
    }
}
