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

/// <summary>
/// Allocation measurements read the process-wide counter, so they run alone: a test class running in parallel would
/// count its own allocations against the streamed attachment.
/// </summary>
[Collection(nameof(AllocationMeasurements))]
public sealed class LargeDocumentTests
{
    [Fact]
    public async Task A_64_MB_attachment_streams_both_ways_with_allocations_far_below_its_size()
    {
        var ct = TestContext.Current.CancellationToken;
        const long size = 64L * 1024 * 1024;
        await using var harness = await SignantHarness.StartAsync(s => s.Host.JournalBodyLimit = 4096, o => o.Retry.AttemptTimeout = TimeSpan.FromMinutes(10), cancellationToken: ct);
        var (sim, client) = harness;

        // Warm up the connection and code paths so that one-time costs are not counted.
        var warm = await client.CreateInstantPostingAsync(InstantPostingTests.Posting(new MemoryStream(TestPdf.Create()), "Kari"), ct);
        sim.CompleteSigning(warm.PostingId, "Kari");
        await client.DownloadInstantAttachmentAsync(warm.PostingId, warm.AttachmentId, new HashingSink(), ct);

        long before = GC.GetTotalAllocatedBytes(precise: true);
        using var upload = TestPdf.CreateLarge(size, seekable: false);
        var created = await client.CreateInstantPostingAsync(InstantPostingTests.Posting(upload, "Kari"), ct);
        long afterUpload = GC.GetTotalAllocatedBytes(precise: true);
        sim.CompleteSigning(created.PostingId, "Kari");
        using var sink = new HashingSink();
        var download = await client.DownloadInstantAttachmentAsync(created.PostingId, created.AttachmentId, sink, ct);
        long afterDownload = GC.GetTotalAllocatedBytes(precise: true);

        long uploadAllocated = afterUpload - before;
        long downloadAllocated = afterDownload - afterUpload;
        TestContext.Current.SendDiagnosticMessage($"64 MB upload allocated {uploadAllocated / 1024} KB, download allocated {downloadAllocated / 1024} KB (process-wide, client + simulator)");
        Console.WriteLine($"[signant] 64 MB upload allocated {uploadAllocated:N0} bytes, download allocated {downloadAllocated:N0} bytes");

        var posting = sim.GetPosting(created.PostingId)!;
        Assert.Equal(size, posting.UploadedLength);
        Assert.True(download.HashVerified);
        Assert.Equal(new FileInfo(posting.FilePath).Length, sink.Count);
        await using (var stored = File.OpenRead(posting.FilePath))
        {
            Assert.Equal(TestPdf.Sha256Of(stored), sink.Sha256());
        }

        Assert.True(uploadAllocated < size / 8, $"upload allocated {uploadAllocated:N0} bytes");
        Assert.True(downloadAllocated < size / 8, $"download allocated {downloadAllocated:N0} bytes");
    }
}

/// <summary>The collection of tests that measure process-wide allocations (run with no other test in parallel).</summary>
[CollectionDefinition(nameof(AllocationMeasurements), DisableParallelization = true)]
public sealed class AllocationMeasurements;
