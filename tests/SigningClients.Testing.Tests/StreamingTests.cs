using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SigningClients.TestSupport;
using Xunit;

namespace SigningClients.Testing.Tests;

[CollectionDefinition(nameof(StreamingCollection), DisableParallelization = true)]
public sealed class StreamingCollection
{
}

/// <summary>
/// 64 MB through the simulator in both directions. These run alone so that the process-wide allocation counter
/// says something: if either side buffered the whole body, at least 64 MB would be allocated.
/// </summary>
[Collection(nameof(StreamingCollection))]
public sealed class StreamingTests
{
    private const long Size = 64L * 1024 * 1024;
    private const long AllocationBudget = 24L * 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_64_MB_response_streams_through_without_buffering(bool withContentLength)
    {
        await using var host = await SimulatorHost.StartAsync(
            routes => routes.MapGet("/large", async (HttpResponse response, CancellationToken cancellationToken) =>
            {
                response.ContentType = "application/pdf";
                if (withContentLength)
                {
                    response.ContentLength = Size;
                }

                await using var source = TestPdf.CreateLarge(Size, seekable: false);
                await source.CopyToAsync(response.Body, cancellationToken);
            }),
            cancellationToken: Ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var expected = TestPdf.Sha256OfLarge(Size);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await http.GetAsync("large", HttpCompletionOption.ResponseHeadersRead, Ct);
        await using var body = await response.Content.ReadAsStreamAsync(Ct);
        var (hash, length) = await TestPdf.Sha256OfAsync(body, Ct);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(withContentLength ? Size : null, response.Content.Headers.ContentLength);
        Assert.Equal(Size, length);
        Assert.Equal(expected, hash);
        Assert.True(allocated < AllocationBudget, $"allocated {allocated:N0} bytes while streaming {Size:N0}");
        Assert.Equal(200, Assert.Single(host.Journal.Entries).ResponseStatus);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_64_MB_upload_streams_through_and_the_journal_keeps_only_the_limit(bool seekable)
    {
        await using var host = await SimulatorHost.StartAsync(
            routes => routes.MapPost("/upload", async (HttpRequest request, CancellationToken cancellationToken) =>
            {
                var (hash, length) = await TestPdf.Sha256OfAsync(request.Body, cancellationToken);
                return Results.Json(new UploadResult(length, Convert.ToHexString(hash)));
            }),
            cancellationToken: Ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var expected = Convert.ToHexString(TestPdf.Sha256OfLarge(Size));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        await using var source = new CountingStream(TestPdf.CreateLarge(Size, seekable));
        using var content = new StreamContent(source);
        using var response = await http.PostAsync("upload", content, Ct);
        var result = JsonSerializer.Deserialize<UploadResult>(await response.Content.ReadAsStringAsync(Ct), JsonSerializerOptions.Web)!;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Size, source.BytesRead);
        Assert.Equal(Size, result.Length);
        Assert.Equal(expected, result.Sha256);
        var entry = Assert.Single(host.Journal.Entries);
        Assert.Equal(seekable ? Size.ToString(System.Globalization.CultureInfo.InvariantCulture) : null, entry.GetHeader("Content-Length"));
        Assert.Equal(Size, entry.BodyLength);
        Assert.Equal(SimulatorHostOptions.DefaultJournalBodyLimit, entry.Body.Length);
        Assert.True(entry.Body.AsSpan().StartsWith(TestPdf.LargeHeader));
        Assert.True(allocated < AllocationBudget, $"allocated {allocated:N0} bytes while uploading {Size:N0}");
    }

    [Fact]
    public async Task A_64_MB_upload_to_a_route_that_ignores_it_is_drained_and_measured()
    {
        await using var host = await SimulatorHost.StartAsync(routes => routes.MapPut("/ignore", () => Results.Accepted()), cancellationToken: Ct);
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };

        using var content = new StreamContent(TestPdf.CreateLarge(Size, seekable: false));
        using var response = await http.PutAsync("ignore", content, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(Size, Assert.Single(host.Journal.Entries).BodyLength);
    }

    [Fact]
    public async Task ResetMidBody_stops_a_64_MB_download_early()
    {
        await using var host = await SimulatorHost.StartAsync(
            routes => routes.MapGet("/large", async (HttpResponse response, CancellationToken cancellationToken) =>
            {
                response.ContentLength = Size;
                await using var source = TestPdf.CreateLarge(Size);
                await source.CopyToAsync(response.Body, cancellationToken);
            }),
            cancellationToken: Ct);
        host.Faults.Enqueue(SimulatedFault.ResetMidBody());
        using var http = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await http.GetAsync("large", HttpCompletionOption.ResponseHeadersRead, Ct);
        await using var body = await response.Content.ReadAsStreamAsync(Ct);
        var counting = new CountingStream(body);

        await Assert.ThrowsAnyAsync<System.IO.IOException>(() => TestPdf.Sha256OfAsync(counting, Ct));
        Assert.Equal(Size, response.Content.Headers.ContentLength);
        Assert.Equal(64 * 1024, counting.BytesRead);
    }

    private sealed record UploadResult(long Length, string Sha256);
}
