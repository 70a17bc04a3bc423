using System;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SigningClients.Core;
using SigningClients.Core.Http;
using SigningClients.Core.Pipeline;

namespace SigningClients.Core.Tests;

public sealed class Item
{
    public int Id { get; set; }

    public string? Name { get; set; }
}

public sealed class ItemList
{
    public long Count { get; set; }

    public Item[] Values { get; set; } = Array.Empty<Item>();
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Item))]
[JsonSerializable(typeof(ItemList))]
internal sealed partial class TestJsonContext : JsonSerializerContext
{
}

internal static class Pipelines
{
    private static readonly HttpClient SharedClient = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>A pipeline for tests: tiny retry delays, no jitter, loopback http allowed.</summary>
    public static SigningPipeline Create(Uri endpoint, Action<SigningPipelineOptions>? configure = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        var options = new SigningPipelineOptions("Test", endpoint)
        {
            AllowHttpOnLoopback = true,
            Retry = new RetryOptions { MaxRetries = 3, InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), UseJitter = false, AttemptTimeout = TimeSpan.FromSeconds(10) },
            ErrorParser = new JsonProviderErrorParser("code", "message", "target"),
            LoggerFactory = loggerFactory,
            TimeProvider = timeProvider ?? TimeProvider.System,
        };
        configure?.Invoke(options);
        return new SigningPipeline(SharedClient, options);
    }

    public static SigningRequest Request(Idempotency idempotency, string path = "op")
    {
        var method = idempotency switch
        {
            Idempotency.Safe => HttpMethod.Get,
            Idempotency.Idempotent => HttpMethod.Put,
            _ => HttpMethod.Post,
        };
        return new SigningRequest(method, path, "TestOperation", idempotency);
    }
}

internal static class Clock
{
    /// <summary>Advances a fake clock in small steps until the task completes (bounded by <paramref name="maxFakeTime"/>).</summary>
    public static async Task<T> Drive<T>(FakeTimeProvider clock, Task<T> task, TimeSpan step, TimeSpan maxFakeTime)
    {
        var advanced = TimeSpan.Zero;
        while (!task.IsCompleted && advanced < maxFakeTime)
        {
            await Task.Delay(2);
            clock.Advance(step);
            advanced += step;
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
