using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace SigningClients.Benchmarks.Reporting;

/// <summary>The paired (interleaved) time ratio of one benchmark class: SDK time / baseline time.</summary>
/// <param name="Title">The suite entry's title.</param>
/// <param name="Type">The benchmark class.</param>
/// <param name="Blocks">How many block pairs were measured.</param>
/// <param name="CallsPerBlock">Benchmark invocations per block.</param>
/// <param name="BaselineNs">Median block time per invocation, baseline.</param>
/// <param name="SdkNs">Median block time per invocation, SDK.</param>
/// <param name="Ratio">Median of the per-pair ratios (SDK / baseline).</param>
/// <param name="Low">Lower bound of the 95 % bootstrap interval of that median.</param>
/// <param name="High">Upper bound of the 95 % bootstrap interval of that median.</param>
internal sealed record PairedResult(string Title, Type Type, int Blocks, int CallsPerBlock, double BaselineNs, double SdkNs, double Ratio, double Low, double High);

/// <summary>
/// Paired A/B timing. BenchmarkDotNet measures one method to its end before the next, so anything that drifts during
/// a run (the server process, CPU frequency and steal time on a VM) lands on one side: on the 2-core VM the two
/// BenchmarkDotNet passes (baseline first, SDK first) disagreed by up to ±20 % for the same code. Here the two sides
/// alternate in short blocks (baseline-SDK, then SDK-baseline, ...), each pair gives one ratio, and the median ratio
/// with a bootstrap interval is reported: drift slower than a block cancels out.
/// </summary>
internal static class PairedTiming
{
    public static PairedResult Measure(SuiteEntry entry, bool quick) => MeasureAsync(entry, quick).GetAwaiter().GetResult();

    // Awaited, not blocked on: a thread blocked per call adds a wake-up on every call, and on a 2-core VM that wake-up
    // flips between fast and slow modes and swamps the difference being measured.
    private static async Task<PairedResult> MeasureAsync(SuiteEntry entry, bool quick)
    {
        object instance = Activator.CreateInstance(entry.Type)!;
        Invoke(instance, typeof(GlobalSetupAttribute));
        try
        {
            var baseline = Bind(instance, "Baseline");
            var sdk = Bind(instance, "Sdk");
            int operations = entry.Type.GetMethod("Sdk")!.GetCustomAttribute<BenchmarkAttribute>()?.OperationsPerInvoke ?? 1;

            // Warm up both sides for 3 s (quick: two calls): tiered compilation recompiles hot methods in the background
            // after a delay, and the side with more code (the SDK) would otherwise be measured partly in tier-0 code.
            var warmUp = Stopwatch.StartNew();
            for (int i = 0; i < 2 || (!quick && warmUp.Elapsed < TimeSpan.FromSeconds(3)); i++)
            {
                await baseline().ConfigureAwait(false);
                await sdk().ConfigureAwait(false);
            }

            // Calibrate a block to ~20 ms (quick: a few calls) so that one block holds many calls but drift within it is small.

            double probeNs = await TimeBlockAsync(baseline, quick ? 2 : 20).ConfigureAwait(false) / (quick ? 2 : 20);
            int calls = quick ? 2 : Math.Max(2, (int)(20_000_000 / Math.Max(probeNs, 1)));
            int blocks = quick ? 3 : 100;
            var baseTimes = new double[blocks];
            var sdkTimes = new double[blocks];
            for (int b = 0; b < blocks; b++)
            {
                if (b % 2 == 0)
                {
                    baseTimes[b] = await TimeBlockAsync(baseline, calls).ConfigureAwait(false);
                    sdkTimes[b] = await TimeBlockAsync(sdk, calls).ConfigureAwait(false);
                }
                else
                {
                    sdkTimes[b] = await TimeBlockAsync(sdk, calls).ConfigureAwait(false);
                    baseTimes[b] = await TimeBlockAsync(baseline, calls).ConfigureAwait(false);
                }
            }

            var ratios = Enumerable.Range(0, blocks).Select(b => sdkTimes[b] / baseTimes[b]).ToArray();
            var (low, high) = BootstrapMedian(ratios);
            return new PairedResult(entry.Title, entry.Type, blocks, calls,
                Median(baseTimes) / calls / operations, Median(sdkTimes) / calls / operations, Median(ratios), low, high);
        }
        finally
        {
            Invoke(instance, typeof(GlobalCleanupAttribute));
        }
    }

    /// <summary>The ratio with its interval; as throughput (P5) the ratio and the interval are inverted (bounds swap).</summary>
    public static string Describe(PairedResult r, bool asThroughput = false)
    {
        var (ratio, low, high) = asThroughput ? (1 / r.Ratio, 1 / r.High, 1 / r.Low) : (r.Ratio, r.Low, r.High);
        return ratio.ToString("0.00", CultureInfo.InvariantCulture) + "× (95 % CI " + low.ToString("0.00", CultureInfo.InvariantCulture) + "–" +
            high.ToString("0.00", CultureInfo.InvariantCulture) + "×; " + r.Blocks + " pairs of " + r.CallsPerBlock + (asThroughput ? " batches)" : " calls)");
    }

    private static async Task<double> TimeBlockAsync(Func<Task> call, int calls)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++)
        {
            await call().ConfigureAwait(false);
        }

        return (Stopwatch.GetTimestamp() - start) * 1e9 / Stopwatch.Frequency;
    }

    private static Func<Task> Bind(object instance, string name)
    {
        var method = instance.GetType().GetMethod(name, BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)
            ?? throw new InvalidOperationException(instance.GetType().Name + " has no " + name + "() method.");
        return () => (Task)method.Invoke(instance, null)!;
    }

    private static void Invoke(object instance, Type attribute)
    {
        foreach (var method in instance.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.GetCustomAttribute(attribute) is not null))
        {
            if (method.Invoke(instance, null) is Task task)
            {
                task.GetAwaiter().GetResult();
            }
        }
    }

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        int n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }

    // Percentile bootstrap of the median (2,000 resamples, fixed seed: the same data gives the same interval).
    private static (double Low, double High) BootstrapMedian(double[] values)
    {
        var random = new Random(20261130);
        var medians = new double[2000];
        var sample = new double[values.Length];
        for (int i = 0; i < medians.Length; i++)
        {
            for (int j = 0; j < sample.Length; j++)
            {
                sample[j] = values[random.Next(values.Length)];
            }

            medians[i] = Median(sample);
        }

        Array.Sort(medians);
        return (medians[(int)(0.025 * medians.Length)], medians[(int)(0.975 * medians.Length) - 1]);
    }
}
