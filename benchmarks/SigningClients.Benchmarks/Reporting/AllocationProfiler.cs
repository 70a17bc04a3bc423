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

            case "signant-download-fresh":
                {
                    // P6: as the memory child does (a 1 MB warm-up, then one 64 MiB download), with sampled types.
                    var http = Http.CreateClient();
                    var side = SigningClients.Benchmarks.Memory.MemoryScenarios.Get(only == "baseline" ? "signant-download-wcf-streamed" : "signant-download");
                    await side.RunAsync(server.Address, http, 1024 * 1024).ConfigureAwait(false);
                    await ListenAsync(only ?? "sdk", () => side.RunAsync(server.Address, http, Math.Max(1, calls) * 1024L * 1024)).ConfigureAwait(false);
                    return 0;
                }

            case "signant-download-paired":
                {
                    // P6 warm time: after two warm-up downloads of each side, SDK and WCF StreamedResponse alternate
                    // (WCF-SDK, then SDK-WCF), one download of [calls] MiB each; median and quartiles of the SDK/WCF ratios.
                    var http = Http.CreateClient();
                    long size = Math.Max(1, calls) * 1024L * 1024;
                    var wcf = SigningClients.Benchmarks.Memory.MemoryScenarios.Get("signant-download-wcf-streamed");
                    var ours = SigningClients.Benchmarks.Memory.MemoryScenarios.Get("signant-download");
                    int pairs = only is null ? 12 : int.Parse(only, System.Globalization.CultureInfo.InvariantCulture);
                    for (int i = 0; i < 2; i++)
                    {
                        await wcf.RunAsync(server.Address, http, size).ConfigureAwait(false);
                        await ours.RunAsync(server.Address, http, size).ConfigureAwait(false);
                    }

                    var ratios = new List<double>();
                    for (int i = 0; i < pairs; i++)
                    {
                        double a = 0, b = 0;
                        if (i % 2 == 0)
                        {
                            a = await TimeAsync(() => wcf.RunAsync(server.Address, http, size)).ConfigureAwait(false);
                            b = await TimeAsync(() => ours.RunAsync(server.Address, http, size)).ConfigureAwait(false);
                        }
                        else
                        {
                            b = await TimeAsync(() => ours.RunAsync(server.Address, http, size)).ConfigureAwait(false);
                            a = await TimeAsync(() => wcf.RunAsync(server.Address, http, size)).ConfigureAwait(false);
                        }

                        ratios.Add(b / a);
                        Console.WriteLine("pair " + i + ": WCF " + a.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + " s, SDK " + b.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + " s, ratio " + (b / a).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
                    }

                    ratios.Sort();
                    Console.WriteLine("SDK / WCF StreamedResponse, warm, " + pairs + " pairs of " + calls + " MiB: median " + ratios[ratios.Count / 2].ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) +
                        " (quartiles " + ratios[ratios.Count / 4].ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "–" + ratios[ratios.Count * 3 / 4].ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + ")");
                    return 0;
                }

            case "signant-download":
                {
                    // P6: one 16 MiB download per call (SDK streamed vs generated WCF client, StreamedResponse).
                    var http = Http.CreateClient();
                    var address = server.Address;
                    const long Size = 16 * 1024 * 1024;
                    var wcf = SigningClients.Benchmarks.Memory.MemoryScenarios.Get("signant-download-wcf-streamed");
                    var ours = SigningClients.Benchmarks.Memory.MemoryScenarios.Get("signant-download");
                    baseline = () => wcf.RunAsync(address, http, Size);
                    sdk = () => ours.RunAsync(address, http, Size);
                    break;
                }

            default:
                Console.Error.WriteLine("alloc consigno|signant|signant-wcf|signant-download|signant-download-fresh [MiB]|signant-download-paired [MiB] [pairs]|st-get|st-create|st-page [calls] [sdk|baseline]");
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

    private static async Task<double> TimeAsync(Func<Task> call)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await call().ConfigureAwait(false);
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task ListenAsync(string name, Func<Task> call)
    {
        using var listener = new TickListener();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await call().ConfigureAwait(false);
        clock.Stop();
        long bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
        listener.Dispose();
        Console.WriteLine(name + ": " + bytes + " B, " + clock.Elapsed.TotalSeconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture) + " s (one call, listened); sampled types (≈ bytes):");
        long totalTicks = listener.Types.Values.Sum();
        foreach (var (type, count) in listener.Types.OrderByDescending(p => p.Value).Take(40))
        {
            Console.WriteLine("  " + (bytes * count / Math.Max(1, totalTicks)).ToString().PadLeft(9) + "  " + type);
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
