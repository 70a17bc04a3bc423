using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using ConsignO.Workflows.Models;
using SigningClients.Core;
using SigningClients.TestSupport;
using Xunit;

namespace ConsignO.Workflows.Tests;

/// <summary>Measures process-wide allocations of a 64 MB download, so no other test of this assembly runs alongside.</summary>
[Collection(nameof(AllocationMeasurements))]
public sealed class LargeDocumentTests
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_64_MB_document_downloads_streamed_without_a_64_MB_buffer()
    {
        const long size = 64L * 1024 * 1024;
        await using var harness = await ConsignOHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var documentId = harness.Simulator.AddSyntheticDocument(size);
        var workflow = await harness.CreateLaunchedWorkflowAsync(documentId);
        harness.Simulator.SignAll(workflow.Id);
        var sink = new CountingStream(Stream.Null);

        // Warm up the code path so JIT and connection setup do not count.
        using (var warm = await harness.Client.DownloadDocumentsAsync(workflow.Id, Ct))
        {
            await warm.CopyToAsync(Stream.Null, Ct);
        }

        long totalBefore = GC.GetTotalAllocatedBytes(precise: true);
        long threadBefore = GC.GetAllocatedBytesForCurrentThread();
        using (var download = await harness.Client.DownloadDocumentsAsync(workflow.Id, Ct))
        {
            Assert.Equal(size, download.ContentLength);
            await download.CopyToAsync(sink, Ct);
        }

        long total = GC.GetTotalAllocatedBytes(precise: true) - totalBefore;
        long thread = GC.GetAllocatedBytesForCurrentThread() - threadBefore;
        TestContext.Current.SendDiagnosticMessage($"64 MB download: {total:N0} bytes allocated process-wide (client and in-process simulator), {thread:N0} on the test thread");

        Assert.Equal(size, sink.BytesWritten);
        Assert.True(total < 8L * 1024 * 1024, $"{total:N0} bytes allocated for a {size:N0}-byte download");
    }
}

/// <summary>The collection of tests that measure process-wide allocations (run with no other test in parallel).</summary>
[CollectionDefinition(nameof(AllocationMeasurements), DisableParallelization = true)]
public sealed class AllocationMeasurements;
