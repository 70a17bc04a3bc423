using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
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

/// <summary>
/// A fake clock that also records every timer the code under test asks for (when, and for how long), so delay
/// tests assert the delays the code chose instead of wall-clock-dependent gaps between journal stamps.
/// </summary>
internal sealed class RecordingClock : FakeTimeProvider
{
    private readonly ConcurrentQueue<(DateTimeOffset CreatedAt, TimeSpan DueTime)> _timers = new();

    public RecordingClock()
    {
    }

    public RecordingClock(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>Every timer created so far with a finite due time, in creation order.</summary>
    public IReadOnlyList<(DateTimeOffset CreatedAt, TimeSpan DueTime)> Timers => _timers.ToArray();

    /// <summary>The due times of the timers shorter than <paramref name="below"/> (leaves out attempt and overall timeouts).</summary>
    public TimeSpan[] DelaysBelow(TimeSpan below) => Timers.Where(t => t.DueTime < below).Select(t => t.DueTime).ToArray();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _timers.Enqueue((GetUtcNow(), dueTime));
        }

        return base.CreateTimer(callback, state, dueTime, period);
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
