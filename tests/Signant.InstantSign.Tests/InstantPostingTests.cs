using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Signant.InstantSign.Models;
using SigningClients.Core;
using SigningClients.Testing;
using SigningClients.Testing.Signant;
using SigningClients.TestSupport;
using Xunit;

namespace Signant.InstantSign.Tests;

public sealed class InstantPostingTests
{
    internal static InstantPosting Posting(Stream file, params string[] names) => new()
    {
        Title = "Order terms",
        Recipients = names.Select(n => new InstantPostingRecipient { Name = n, Ssn = "01017012345" }).ToArray(),
        AttachmentToSign = new InstantAttachment { File = file, FileName = "terms.pdf", Description = "Terms" },
        AfterSignAction = AfterSignAction.CloseWindow,
    };

    [Fact]
    public async Task Create_sign_through_the_signing_page_wait_and_download()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SignantHarness.StartAsync(cancellationToken: ct);
        var (sim, client) = harness;
        var original = TestPdf.Create("contract");

        var created = await client.CreateInstantPostingAsync(Posting(new MemoryStream(original), "Kari Nordmann"), ct);
        var sent = await client.GetPostingStatusAsync(created.PostingId, ct);
        Assert.Equal(PostingStatus.Sent, sent.Status);
        Assert.Equal(PostingType.InstantSign, sent.PostingType);

        // Play the signer in the browser: GET shows the page, POST signs.
        using var browser = new HttpClient();
        var url = Assert.Single(created.SignUrls).Url!;
        Assert.Contains("Kari Nordmann", await browser.GetStringAsync(url, ct), StringComparison.Ordinal);
        (await browser.PostAsync(url, new FormUrlEncodedContent(Array.Empty<System.Collections.Generic.KeyValuePair<string, string>>()), ct)).EnsureSuccessStatusCode();

        var destination = new MemoryStream();
        var outcome = await client.WaitForCompletionAndDownloadAsync(created.PostingId, created.AttachmentId, destination, null, ct);

        Assert.True(outcome.IsDownloaded);
        Assert.Equal(PostingStatus.Completed, outcome.LastStatus!.Status);
        Assert.True(outcome.Download!.HashVerified);
        var signed = destination.ToArray();
        Assert.Equal(original, signed.Take(original.Length).ToArray());
        Assert.True(signed.Length > original.Length, "the simulator appends a signature");
        Assert.Equal(Convert.ToHexString(MD5.HashData(signed)).ToLowerInvariant(), outcome.Download.ComputedHash);
        Assert.Equal(1, sim.Postings.Single().SignatureCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(14)]
    public async Task Signing_at_any_minute_within_the_ttl_still_yields_a_downloaded_document(int minute)
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero));
        await using var harness = await SignantHarness.StartAsync(clock: time, cancellationToken: ct);
        var (sim, client) = harness;
        var created = await client.CreateInstantPostingAsync(Posting(new MemoryStream(TestPdf.Create()), "Kari", "Ola"), ct);
        var start = time.GetUtcNow();

        var wait = client.WaitForCompletionAndDownloadAsync(created.PostingId, created.AttachmentId, new MemoryStream(), null, ct);
        bool signed = false;
        await Drive(time, wait, until: start + TimeSpan.FromMinutes(40), ct, onTick: now =>
        {
            if (!signed && now >= start + TimeSpan.FromMinutes(minute))
            {
                // Kari signs at the given minute; Ola right after her (a typical instant session).
                sim.CompleteSigning(created.PostingId, "Kari");
                sim.CompleteSigning(created.PostingId, "Ola");
                signed = true;
            }
        });

        var outcome = await wait;
        Assert.True(outcome.IsDownloaded, "signed at minute " + minute + " but outcome " + outcome.Kind);
        Assert.True(outcome.Download!.HashVerified);
        Assert.True(time.GetUtcNow() - start < TimeSpan.FromMinutes(minute + 1), "downloaded within a poll interval of the signature");
    }

    [Fact]
    public async Task An_unsigned_posting_ends_as_expired_without_hanging()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero));
        await using var harness = await SignantHarness.StartAsync(clock: time, cancellationToken: ct);
        var (sim, client) = harness;
        var created = await client.CreateInstantPostingAsync(Posting(new MemoryStream(TestPdf.Create()), "Kari"), ct);
        var start = time.GetUtcNow();

        var wait = client.WaitForCompletionAndDownloadAsync(created.PostingId, created.AttachmentId, new MemoryStream(), null, ct);
        await Drive(time, wait, until: start + TimeSpan.FromMinutes(60), ct);

        var outcome = await wait;
        Assert.True(outcome.IsExpired);
        Assert.Null(outcome.Download);
        Assert.Equal(PostingStatus.Sent, outcome.LastStatus!.Status);
        // Not before the 15-minute TTL; soon after it (one 30 s poll interval, plus fake time the driver adds while real
        // requests are in flight, which on a loaded machine can be tens of steps, hence the loose upper bound).
        Assert.InRange(time.GetUtcNow() - start, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(20));
        var ex = await Assert.ThrowsAsync<SigningApiException>(() => client.GetPostingStatusAsync(created.PostingId, ct));
        Assert.True(ex.IsPostingGone());
    }

    [Fact]
    public async Task Status_expired_before_deletion_is_also_the_expired_outcome()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero));
        await using var harness = await SignantHarness.StartAsync(clock: time, cancellationToken: ct);
        var (sim, client) = harness;
        sim.Settings.DeletionDelay = TimeSpan.FromHours(1);
        var created = await client.CreateInstantPostingAsync(Posting(new MemoryStream(TestPdf.Create()), "Kari", "Ola"), ct);
        sim.CompleteSigning(created.PostingId, "Kari");

        var wait = client.WaitForCompletionAndDownloadAsync(created.PostingId, created.AttachmentId, new MemoryStream(), null, ct);
        await Drive(time, wait, until: time.GetUtcNow() + TimeSpan.FromMinutes(60), ct);

        var outcome = await wait;
        Assert.True(outcome.IsExpired);
        Assert.Equal(PostingStatus.Expired, outcome.LastStatus!.Status);
    }

    [Fact]
    public async Task Completed_partially_is_downloaded_when_asked()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SignantHarness.StartAsync(cancellationToken: ct);
        var (sim, client) = harness;
        var created = await client.CreateInstantPostingAsync(Posting(new MemoryStream(TestPdf.Create()), "Kari", "Ola"), ct);
        sim.CompleteSigning(created.PostingId, "Kari");

        var outcome = await client.WaitForCompletionAndDownloadAsync(created.PostingId, created.AttachmentId, new MemoryStream(), new WaitForCompletionOptions { DownloadWhenCompletedPartially = true }, ct);

        Assert.True(outcome.IsDownloaded);
        Assert.Equal(PostingStatus.CompletedPartially, outcome.LastStatus!.Status);
    }

    [Fact]
    public async Task Ttl_is_renewed_when_signing_starts_and_ends()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero));
        await using var harness = await SignantHarness.StartAsync(clock: time, cancellationToken: ct);
        var (sim, client) = harness;
        var created = await client.CreateInstantPostingAsync(Posting(new MemoryStream(TestPdf.Create()), "Kari"), ct);
        var t0 = time.GetUtcNow();
        Assert.Equal(t0 + TimeSpan.FromMinutes(15), (await client.GetPostingStatusAsync(created.PostingId, ct)).ActiveTo);

        time.Advance(TimeSpan.FromMinutes(10));
        sim.StartSigning(created.PostingId, "Kari");
        Assert.Equal(t0 + TimeSpan.FromMinutes(25), (await client.GetPostingStatusAsync(created.PostingId, ct)).ActiveTo);

        time.Advance(TimeSpan.FromMinutes(12));
        sim.CompleteSigning(created.PostingId, "Kari");
        var status = await client.GetPostingStatusAsync(created.PostingId, ct);
        Assert.Equal(t0 + TimeSpan.FromMinutes(37), status.ActiveTo);
        Assert.Equal(PostingStatus.Completed, status.Status);

        time.Advance(TimeSpan.FromMinutes(15));
        var ex = await Assert.ThrowsAsync<SigningApiException>(() => client.DownloadInstantAttachmentAsync(created.PostingId, created.AttachmentId, new MemoryStream(), ct));
        Assert.True(ex.IsPostingGone(), "a completed posting not downloaded in time is deleted with its document");
    }

    [Fact]
    public async Task Corrupted_hash_from_the_simulator_is_detected()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SignantHarness.StartAsync(cancellationToken: ct);
        var (sim, client) = harness;
        var created = await client.CreateInstantPostingAsync(Posting(new MemoryStream(TestPdf.Create()), "Kari"), ct);
        sim.CompleteSigning(created.PostingId, "Kari");
        sim.CorruptNextFileHash();

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => client.DownloadInstantAttachmentAsync(created.PostingId, created.AttachmentId, new MemoryStream(), ct));
        Assert.Equal(SigningFailureKind.IntegrityFailure, ex.Kind);

        var ok = await client.DownloadInstantAttachmentAsync(created.PostingId, created.AttachmentId, new MemoryStream(), ct);
        Assert.True(ok.HashVerified);
    }

    [Fact]
    public async Task Simulator_errors_and_faults_surface_as_signing_api_exceptions()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SignantHarness.StartAsync(configureClient: o => o.Retry.MaxRetries = 0, cancellationToken: ct);
        var (sim, client) = harness;

        sim.FailNext(4005, "Distributor is blocked");
        var failed = await Assert.ThrowsAsync<SigningApiException>(() => client.GetPostingStatusAsync(Guid.NewGuid(), ct));
        Assert.Equal(("4005", "Distributor is blocked"), (failed.ErrorCode, failed.ProviderMessage));

        sim.FaultNext("s:Server", "Internal error");
        var fault = await Assert.ThrowsAsync<SigningApiException>(() => client.GetPostingStatusAsync(Guid.NewGuid(), ct));
        Assert.Equal((500, "s:Server", "Internal error"), (fault.Status, fault.ErrorCode, fault.ProviderMessage));

        var unknown = await Assert.ThrowsAsync<SigningApiException>(() => client.GetPostingStatusAsync(Guid.NewGuid(), ct));
        Assert.True(unknown.IsPostingGone());

        var wrong = harness.CreateClient(o => o.AccessCode = "wrong-code-123");
        var auth = await Assert.ThrowsAsync<SigningApiException>(() => wrong.GetPostingStatusAsync(Guid.NewGuid(), ct));
        Assert.Equal(SignantSimulator.ErrorAuthentication.ToString(System.Globalization.CultureInfo.InvariantCulture), auth.ErrorCode);
    }

    [Fact]
    public async Task Wrong_contract_name_gets_the_action_not_supported_fault()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var harness = await SignantHarness.StartAsync(configureClient: o => { o.ContractName = "IPostingsService"; o.Retry.MaxRetries = 0; }, cancellationToken: ct);
        var (sim, client) = harness;

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => client.GetPostingStatusAsync(Guid.NewGuid(), ct));

        Assert.Equal("a:ActionNotSupported", ex.ErrorCode);
    }

    [Fact]
    public async Task Cancellation_stops_waiting()
    {
        await using var harness = await SignantHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var (sim, client) = harness;
        var created = await client.CreateInstantPostingAsync(Posting(new MemoryStream(TestPdf.Create()), "Kari"), TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.WaitForCompletionAndDownloadAsync(created.PostingId, created.AttachmentId, new MemoryStream(), null, cts.Token));
    }

    /// <summary>Advances the fake clock in 5-second steps while the client polls over real HTTP, until the task ends.</summary>
    private static async Task Drive(FakeTimeProvider time, Task task, DateTimeOffset until, CancellationToken ct, Action<DateTimeOffset>? onTick = null)
    {
        var realDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!task.IsCompleted)
        {
            Assert.True(time.GetUtcNow() < until, "the wait did not end by " + until);
            Assert.True(DateTime.UtcNow < realDeadline, "the wait hangs");
            onTick?.Invoke(time.GetUtcNow());
            await Task.Delay(3, ct);
            if (!task.IsCompleted)
            {
                time.Advance(TimeSpan.FromSeconds(5));
            }
        }
    }
}
