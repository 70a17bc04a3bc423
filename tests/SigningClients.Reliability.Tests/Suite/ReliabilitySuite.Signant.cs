using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Signant.InstantSign;
using Signant.InstantSign.Models;
using SigningClients.Core;
using SigningClients.Reliability.Tests.Infrastructure;
using SigningClients.Reliability.Tests.Providers;
using SigningClients.Testing;
using Xunit;

namespace SigningClients.Reliability.Tests.Suite;

public sealed partial class ReliabilitySuite
{
    private const string Xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        + "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><GetPostingStatusResponse xmlns=\"http://tempuri.org/\"><GetPostingStatusResult>"
        + "<Success>true</Success><Message>&xxe;</Message></GetPostingStatusResult></GetPostingStatusResponse></s:Body></s:Envelope>";

    private static readonly string BillionLaughs =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        + string.Concat(Enumerable.Range(1, 9).Select(i => "<!ENTITY lol" + i + " \"" + string.Concat(Enumerable.Repeat("&lol" + (i == 1 ? string.Empty : (i - 1).ToString(CultureInfo.InvariantCulture)) + ";", 10)) + "\">"))
        + "]><s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><GetPostingStatusResponse xmlns=\"http://tempuri.org/\"><GetPostingStatusResult>"
        + "<Success>true</Success><Message>&lol9;</Message></GetPostingStatusResult></GetPostingStatusResponse></s:Body></s:Envelope>";

    /// <summary>XXE and billion-laughs SOAP responses (200 and as a 500 fault body) → rejected, typed, in bounded time and memory.</summary>
    [Fact]
    [Step(7)]
    public async Task Signant_hostile_xml_is_rejected_in_bounded_time_and_memory()
    {
        var ct = TestContext.Current.CancellationToken;
        var kit = new SignantKit();
        await using var simulator = (SignantSimulator)await kit.StartSimulatorAsync(new SimulatorHostOptions(), ct);
        Recorder.AddSecrets(kit.Secrets(simulator).ToArray());
        using var harvest = new WireSecretHarvest(simulator);
        var client = (SignantClient)kit.CreateHealthyClient(simulator);
        var created = await client.CreateInstantPostingAsync(SignantKit.Posting(), ct);
        var failures = 0;
        foreach (var (name, body) in new[] { ("XXE (external entity)", Xxe), ("billion laughs (10^9 expansion)", BillionLaughs) })
        {
            foreach (var status in new[] { 200, 500 })
            {
                simulator.Faults.EnqueueFor("POST", SignantSimulator.ServicePath, SimulatedFault.MalformedBody(body, status, "text/xml; charset=utf-8"), FaultSpec.Always);
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
                var observed = await MatrixRunner.ObserveAsync(token => client.GetPostingStatusAsync(created.PostingId, token), null);
                var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
                simulator.Faults.Clear();
                var leaked = observed.Exception?.ToString().Contains("root:", StringComparison.Ordinal) == true || observed.Exception?.ToString().Contains("lollollol", StringComparison.Ordinal) == true;
                var ok = observed.Kind == OutcomeKind.SigningApiException && observed.Elapsed < TimeSpan.FromSeconds(2) && allocated < 64L * 1024 * 1024 && !leaked;
                Recorder.Check("Hostile input", kit.Provider, name + ", HTTP " + status, ok, string.Create(CultureInfo.InvariantCulture,
                    $"{observed.Describe()}; {observed.Elapsed.TotalMilliseconds:F0} ms (limit 2000); allocations {allocated / 1024} KB (limit 64 MB, simulator included); entity text in exception: {leaked}"));
                if (!ok)
                {
                    failures++;
                }
            }
        }

        Recorder.StepRan("hostile-xml");
        Assert.Equal(0, failures);
    }

    /// <summary>
    /// Signant TTL: postings signed at any minute of the 15-minute TTL, with transient faults on the status polls,
    /// are downloaded (never lost); an unsigned one ends as Expired (no hang); a wrong FileHash is detected.
    /// </summary>
    [Fact]
    [Step(8)]
    public async Task Signant_wait_then_download_never_loses_a_signed_document_and_detects_corruption()
    {
        var ct = TestContext.Current.CancellationToken;
        var kit = new SignantKit();
        foreach (var minute in new[] { 0, 7, 14 })
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero));
            await using var simulator = (SignantSimulator)await kit.StartSimulatorAsync(new SimulatorHostOptions { TimeProvider = time }, ct);
            Recorder.AddSecrets(kit.Secrets(simulator).ToArray());
            using var harvest = new WireSecretHarvest(simulator);
            var client = (SignantClient)kit.CreateClient(simulator, new ClientSettings
            {
                Endpoint = simulator.BaseAddress,
                TimeProvider = time,
                Retry = retry =>
                {
                    ClientSettings.FastRetry(retry);
                    retry.AttemptTimeout = TimeSpan.FromDays(1);
                },
            });
            var created = await client.CreateInstantPostingAsync(SignantKit.Posting("Kari", "Ola"), ct);
            var start = time.GetUtcNow();

            // Transient trouble while waiting: a dropped status poll and a 503 (retried on the fake clock).
            simulator.Faults.EnqueueFor("POST", SignantSimulator.ServicePath, SimulatedFault.DropBeforeResponse());
            using var destination = new MemoryStream();
            var wait = client.WaitForCompletionAndDownloadAsync(created.PostingId, created.AttachmentId, destination, null, ct);
            var signed = false;
            var drove = await DriveAsync(time, wait, start + TimeSpan.FromMinutes(40), now =>
            {
                if (!signed && now >= start + TimeSpan.FromMinutes(minute))
                {
                    simulator.CompleteSigning(created.PostingId, "Kari");
                    simulator.CompleteSigning(created.PostingId, "Ola");
                    signed = true;
                }
            }, ct);
            var observed = await MatrixRunner.ObserveAsync(_ => wait, null, TimeSpan.FromSeconds(1));
            var outcome = observed.Kind == OutcomeKind.Success ? await wait : null;
            var ok = drove && outcome is { IsDownloaded: true } && outcome.Download!.HashVerified && destination.Length > 0;
            Recorder.Check("Data loss", kit.Provider, "signed at minute " + minute + " of the TTL, dropped poll → downloaded", ok,
                outcome is null ? observed.Describe() : string.Create(CultureInfo.InvariantCulture, $"{outcome.Kind}, {destination.Length} bytes, MD5 verified: {outcome.Download?.HashVerified}"));
            Assert.True(ok, "minute " + minute + ": " + observed.Describe());
        }

        // Unsigned: the posting expires; the helper reports Expired instead of hanging or throwing.
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero));
            await using var simulator = (SignantSimulator)await kit.StartSimulatorAsync(new SimulatorHostOptions { TimeProvider = time }, ct);
            var client = (SignantClient)kit.CreateClient(simulator, new ClientSettings { Endpoint = simulator.BaseAddress, TimeProvider = time, Retry = r => { ClientSettings.FastRetry(r); r.AttemptTimeout = TimeSpan.FromDays(1); } });
            var created = await client.CreateInstantPostingAsync(SignantKit.Posting(), ct);
            var wait = client.WaitForCompletionAndDownloadAsync(created.PostingId, created.AttachmentId, new MemoryStream(), null, ct);
            var drove = await DriveAsync(time, wait, time.GetUtcNow() + TimeSpan.FromMinutes(60), null, ct);
            var outcome = drove && wait.IsCompletedSuccessfully ? await wait : null;
            var ok = outcome is { IsExpired: true };
            Recorder.Check("Data loss", kit.Provider, "never signed → Expired outcome, no hang", ok, outcome?.Kind.ToString() ?? "did not end");
            Assert.True(ok);
        }

        // Corruption: a FileHash that does not match the bytes → IntegrityFailure, not a silent success.
        {
            await using var simulator = (SignantSimulator)await kit.StartSimulatorAsync(new SimulatorHostOptions(), ct);
            var client = (SignantClient)kit.CreateHealthyClient(simulator);
            var created = await client.CreateInstantPostingAsync(SignantKit.Posting(), ct);
            simulator.CompleteSigning(created.PostingId, "Kari");
            simulator.CorruptNextFileHash();
            var observed = await MatrixRunner.ObserveAsync(token => client.DownloadInstantAttachmentAsync(created.PostingId, created.AttachmentId, new MemoryStream(), token), null);
            var ok = observed.Api is { Kind: SigningFailureKind.IntegrityFailure };
            Recorder.Check("Data loss", kit.Provider, "wrong FileHash on download → detected", ok, observed.Describe());
            Assert.True(ok, observed.Describe());
        }

        Recorder.StepRan("data-loss-signant");
    }

    /// <summary>Advances the fake clock 5 s at a time until the task completes (false when it did not by <paramref name="until"/> or in 60 real seconds).</summary>
    private static async Task<bool> DriveAsync(FakeTimeProvider time, Task task, DateTimeOffset until, Action<DateTimeOffset>? onTick, CancellationToken ct)
    {
        var realDeadline = Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            if (time.GetUtcNow() >= until || realDeadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                return false;
            }

            onTick?.Invoke(time.GetUtcNow());
            await Task.Delay(3, ct);
            if (!task.IsCompleted)
            {
                time.Advance(TimeSpan.FromSeconds(5));
            }
        }

        return true;
    }
}
