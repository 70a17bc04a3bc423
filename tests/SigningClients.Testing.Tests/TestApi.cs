using System;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Xunit;

namespace SigningClients.Testing.Tests;

/// <summary>A simulator host with a few routes that count how often they really ran, plus an HttpClient for it.</summary>
internal sealed class TestApi : IAsyncDisposable
{
    private int _calls;

    private TestApi()
    {
    }

    public SimulatorHost Host { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>How many times a route handler ran to its start (the server-side "state change" counter).</summary>
    public int Calls => Volatile.Read(ref _calls);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static byte[] Pattern(int count)
    {
        var bytes = new byte[count];
        for (var i = 0; i < count; i++)
        {
            bytes[i] = (byte)('a' + (i % 26));
        }

        return bytes;
    }

    public static async Task<TestApi> StartAsync(SimulatorHostOptions? options = null, Action<IEndpointRouteBuilder>? extraRoutes = null)
    {
        var api = new TestApi();
        api.Host = await SimulatorHost.StartAsync(routes => api.Map(routes, extraRoutes), options, Ct);
        api.Http = new HttpClient { BaseAddress = api.Host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }

    private void Map(IEndpointRouteBuilder routes, Action<IEndpointRouteBuilder>? extraRoutes)
    {
        routes.MapGet("/items", () =>
        {
            Interlocked.Increment(ref _calls);
            return Results.Json(new { id = 1, name = "first" });
        });

        routes.MapGet("/items-archive", () =>
        {
            Interlocked.Increment(ref _calls);
            return Results.Json(new { archived = true });
        });

        routes.MapPost("/items", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref _calls);
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            return Results.Json(new { received = buffer.Length, sha256 = Convert.ToHexString(SHA256.HashData(buffer.ToArray())) }, statusCode: 201);
        });

        routes.MapPost("/ignore", () =>
        {
            Interlocked.Increment(ref _calls);
            return Results.NoContent();
        });

        // A fixed-length body (Content-Length set).
        routes.MapGet("/bytes/{count:int}", async (int count, HttpResponse response) =>
        {
            Interlocked.Increment(ref _calls);
            response.ContentType = "application/octet-stream";
            response.ContentLength = count;
            await response.Body.WriteAsync(Pattern(count));
        });

        // A streamed body (chunked, no Content-Length) written in 16 KiB pieces.
        routes.MapGet("/stream/{count:long}", async (long count, HttpResponse response, CancellationToken cancellationToken) =>
        {
            Interlocked.Increment(ref _calls);
            response.ContentType = "application/octet-stream";
            var piece = Pattern(16 * 1024);
            for (long sent = 0; sent < count; sent += piece.Length)
            {
                var size = (int)Math.Min(piece.Length, count - sent);
                await response.Body.WriteAsync(piece.AsMemory(0, size), cancellationToken);
            }
        });

        // A route that throws.
        routes.MapGet("/boom", () =>
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException("boom");
        });

        extraRoutes?.Invoke(routes);
    }
}
