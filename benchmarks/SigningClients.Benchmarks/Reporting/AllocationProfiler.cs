using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Threading.Tasks;
using SigningClients.Benchmarks.Infrastructure;
using SigningClients.Benchmarks.Overhead;

namespace SigningClients.Benchmarks.Reporting;

/// <summary>
/// <c>alloc</c> mode: where do the SDK's extra bytes per call go? Runs many calls of the baseline and of the SDK and
/// samples the runtime's GCAllocationTick events (one per ~100 KB allocated, with the type that crossed the mark),
/// then prints bytes per call and the sampled type breakdown of each side. A diagnostic, not part of the report.
/// </summary>
internal static class AllocationProfiler
{
    public static async Task<int> RunAsync(string which, int calls, string? only = null)
    {
        using var server = ServerProcess.Shared;
        Func<Task> baseline, sdk;
        switch (which)
        {
            case "consigno":
                {
                    var b = new ConsignOGetWorkflowBenchmarks();
                    await b.SetupAsync().ConfigureAwait(false);
                    baseline = b.Baseline;
                    sdk = b.Sdk;
                    break;
                }

            case "signant":
                {
                    var b = new SignantGetPostingStatusBenchmarks();
                    await b.SetupAsync().ConfigureAwait(false);
                    baseline = b.Baseline;
                    sdk = b.Sdk;
                    break;
                }

            case "st-get":
                {
                    var b = new SigningTodayGetDstBenchmarks();
                    await b.SetupAsync().ConfigureAwait(false);
                    baseline = b.Baseline;
                    sdk = b.Sdk;
                    break;
                }

            case "st-create":
                {
                    var b = new SigningTodayCreateDstBenchmarks();
                    await b.SetupAsync().ConfigureAwait(false);
                    baseline = b.Baseline;
                    sdk = b.Sdk;
                    break;
                }

            case "signant-wcf":
                {
                    // P6: GetPostingStatus, the generated WCF client as the baseline.
                    var b = new SigningClients.Benchmarks.Wcf.SignantWcfStatusBenchmarks();
                    await b.SetupAsync().ConfigureAwait(false);
                    baseline = b.Baseline;
                    sdk = b.Sdk;
                    break;
                }

            case "st-page":
                {
                    // P2: a page of 1,000 DSTs, read in memory (no server needed).
                    var b = new SigningClients.Benchmarks.Deserialization.DstPageBenchmarks();
                    await b.SetupAsync().ConfigureAwait(false);
                    baseline = b.Baseline;
                    sdk = b.Sdk;
                    break;
                }

            default:
                Console.Error.WriteLine("alloc consigno|signant|signant-wcf|st-get|st-create|st-page [calls] [sdk|baseline]");
                return 2;
        }

        for (int round = 0; round < 2; round++)
        {
            // "sdk" or "baseline" alone: for a CPU profile of one side (dotnet-trace collect -- ... alloc signant 50000 sdk).
            if (only is null or "baseline")
            {
                await MeasureAsync("baseline", baseline, calls).ConfigureAwait(false);
            }

            if (only is null or "sdk")
            {
                await MeasureAsync("sdk", sdk, calls).ConfigureAwait(false);
            }
        }
        return 0;
    }

    private static async Task MeasureAsync(string name, Func<Task> call, int calls)
    {
        for (int i = 0; i < Math.Min(200, calls); i++)
        {
            await call().ConfigureAwait(false);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < calls; i++)
        {
            await call().ConfigureAwait(false);
        }

        double microseconds = clock.Elapsed.TotalMilliseconds * 1000 / calls;
        using var listener = new TickListener();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < calls; i++)
        {
            await call().ConfigureAwait(false);
        }

        long perCall = (GC.GetTotalAllocatedBytes(precise: true) - before) / calls;
        listener.Dispose();
        Console.WriteLine(name + ": " + perCall + " B/call, " + microseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " µs/call (sequential, unlisted run); sampled types (≈ bytes/call):");
        long totalTicks = listener.Types.Values.Sum();
        foreach (var (type, count) in listener.Types.OrderByDescending(p => p.Value).Take(40))
        {
            Console.WriteLine("  " + (perCall * count / Math.Max(1, totalTicks)).ToString().PadLeft(7) + "  " + type);
        }
    }

    private sealed class TickListener : EventListener
    {
        public ConcurrentDictionary<string, long> Types { get; } = new();

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is not null && e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) && e.PayloadNames is not null)
            {
                int index = e.PayloadNames.IndexOf("TypeName");
                if (index >= 0 && e.Payload![index] is string type)
                {
                    Types.AddOrUpdate(type, 1, (_, c) => c + 1);
                }
            }
        }
    }
}
