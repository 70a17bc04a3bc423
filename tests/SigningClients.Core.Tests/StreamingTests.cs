using System;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SigningClients.Core.Http;
using SigningClients.Testing;
using SigningClients.TestSupport;
using Xunit;

namespace SigningClients.Core.Tests;

/// <summary>Streams 64 MB each way and measures process-wide allocations, so no other test of this assembly runs alongside.</summary>
[Collection(nameof(AllocationMeasurements))]
public sealed class StreamingTests
{
    private const long Size = 64L * 1024 * 1024;

    private static Task<SimulatorHost> StartAsync() =>
        SimulatorHost.StartAsync(routes =>
        {
            routes.MapGet("/doc", async (HttpContext c) =>
            {
                c.Response.ContentType = "application/pdf";
                c.Response.ContentLength = Size;
                c.Response.Headers.ContentDisposition = "attachment; filename=\"signed.pdf\"";
                using var source = TestPdf.CreateLarge(Size, seekable: false);
                await source.CopyToAsync(c.Response.Body, 64 * 1024);
            });
            routes.MapPut("/doc", async (HttpContext c) =>
            {
                var (hash, length) = await TestPdf.Sha256OfAsync(c.Request.Body);
                return Results.Json(new { id = (int)(length / 1024), name = Convert.ToHexString(hash) });
            });
        }, new SimulatorHostOptions { JournalBodyLimit = 1024 }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_64_MB_download_streams_without_buffering_the_document()
    {
        await using var host = await StartAsync();
        var pipeline = Pipelines.Create(host.BaseAddress);
        long before = GC.GetTotalAllocatedBytes(precise: true);

        await using var download = await pipeline.DownloadAsync(new SigningRequest(HttpMethod.Get, "doc", "Download", Idempotency.Safe), TestContext.Current.CancellationToken);
        var (hash, length) = await TestPdf.Sha256OfAsync(download.Content, TestContext.Current.CancellationToken);

        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal(Size, length);
        Assert.Equal(TestPdf.Sha256OfLarge(Size), hash);
        Assert.Equal("application/pdf", download.ContentType);
        Assert.Equal("signed.pdf", download.FileName);
        Assert.Equal(Size, download.ContentLength);
        // Server and client run in this process: the whole round trip must allocate far less than the document.
        Assert.True(allocated < Size / 4, $"allocated {allocated:N0} bytes for a {Size:N0}-byte download");
    }

    [Fact]
    public async Task A_64_MB_upload_streams_from_the_callers_stream()
    {
        await using var host = await StartAsync();
        var pipeline = Pipelines.Create(host.BaseAddress);
        long before = GC.GetTotalAllocatedBytes(precise: true);

        using var source = TestPdf.CreateLarge(Size, seekable: false);
        var request = new SigningRequest(HttpMethod.Put, "doc", "Upload", Idempotency.Idempotent) { Content = RequestContent.Stream(source, "application/pdf") };
        var result = await pipeline.SendAsync(request, TestJsonContext.Default.Item, TestContext.Current.CancellationToken);

        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal((int)(Size / 1024), result.Id);
        Assert.Equal(Convert.ToHexString(TestPdf.Sha256OfLarge(Size)), result.Name);
        Assert.True(allocated < Size / 4, $"allocated {allocated:N0} bytes for a {Size:N0}-byte upload");
    }

    [Fact]
    public async Task A_connection_reset_in_the_middle_of_a_download_surfaces_as_a_typed_error()
    {
        await using var host = await StartAsync();
        host.Faults.Enqueue(SimulatedFault.ResetMidBody(1024 * 1024));
        var pipeline = Pipelines.Create(host.BaseAddress);

        await using var download = await pipeline.DownloadAsync(new SigningRequest(HttpMethod.Get, "doc", "Download", Idempotency.Safe), TestContext.Current.CancellationToken);
        var ex = await Assert.ThrowsAsync<SigningApiException>(() => download.CopyToAsync(Stream.Null, TestContext.Current.CancellationToken));

        Assert.Equal(SigningFailureKind.ConnectionFailure, ex.Kind);
        Assert.Equal(200, ex.Status);
        Assert.True(ex.IsTransient);
    }
}

/// <summary>The collection of tests that measure process-wide allocations (run with no other test in parallel).</summary>
[CollectionDefinition(nameof(AllocationMeasurements), DisableParallelization = true)]
public sealed class AllocationMeasurements;
