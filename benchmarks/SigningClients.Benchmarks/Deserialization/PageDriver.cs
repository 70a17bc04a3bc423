using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace SigningClients.Benchmarks.Deserialization;

/// <summary>
/// <c>p2 [count] [both|dump] [pairs] [warm-up pages] [page file]</c>: reads the P2 page with both sides and prints the
/// exact bytes allocated per page by each (<c>GC.GetTotalAllocatedBytes(precise)</c>, deterministic) and the paired
/// time ratio: the sides alternate page by page (baseline-SDK, then SDK-baseline), each pair gives one SDK/baseline
/// ratio, and the median is printed, so machine load that drifts slower than a page cancels out. With a page file
/// (written by <c>p2 &lt;count&gt; dump &lt;file&gt;</c>) two builds of a before/after comparison read the same bytes.
/// </summary>
internal static class PageDriver
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        int count = args.Length > 1 ? int.Parse(args[1], Inv) : DstPageBenchmarks.FullCount;
        string side = args.Length > 2 ? args[2] : "both";
        DstPageBenchmarks.Count = count;
        if (side == "dump")
        {
            System.IO.File.WriteAllBytes(args[3], DstPageBytes.Get(count));
            return 0;
        }

        int pairs = args.Length > 3 ? int.Parse(args[3], Inv) : 30;
        int warmup = args.Length > 4 ? int.Parse(args[4], Inv) : 10;
        if (args.Length > 5)
        {
            DstPageBenchmarks.PageOverride = System.IO.File.ReadAllBytes(args[5]);
        }

        var bench = new DstPageBenchmarks();
        await bench.SetupAsync().ConfigureAwait(false);
        Console.WriteLine("page: " + count + " DSTs, " + bench.PageBytes.ToString("N0", Inv) + " bytes");
        for (int i = 0; i < warmup; i++)
        {
            await bench.Baseline().ConfigureAwait(false);
            await bench.Sdk().ConfigureAwait(false);
        }

        long baselineBytes = await AllocatedAsync(bench.Baseline).ConfigureAwait(false);
        long sdkBytes = await AllocatedAsync(bench.Sdk).ConfigureAwait(false);
        var ratios = new double[pairs];
        var baseMs = new double[pairs];
        var sdkMs = new double[pairs];
        for (int i = 0; i < pairs; i++)
        {
            if (i % 2 == 0)
            {
                baseMs[i] = await TimeAsync(bench.Baseline).ConfigureAwait(false);
                sdkMs[i] = await TimeAsync(bench.Sdk).ConfigureAwait(false);
            }
            else
            {
                sdkMs[i] = await TimeAsync(bench.Sdk).ConfigureAwait(false);
                baseMs[i] = await TimeAsync(bench.Baseline).ConfigureAwait(false);
            }

            ratios[i] = sdkMs[i] / baseMs[i];
        }

        Console.WriteLine("baseline (Newtonsoft, generated style): " + baselineBytes.ToString("N0", Inv) + " B/page, median " + Median(baseMs).ToString("0.00", Inv) + " ms/page");
        Console.WriteLine("sdk (Dsts.ListAsync first page):        " + sdkBytes.ToString("N0", Inv) + " B/page, median " + Median(sdkMs).ToString("0.00", Inv) + " ms/page");
        Console.WriteLine("sdk / baseline: allocated " + ((double)sdkBytes / baselineBytes).ToString("0.000", Inv) + "x, time (median of " + pairs + " paired ratios) " +
            Median(ratios).ToString("0.000", Inv) + "x (quartiles " + Quantile(ratios, 0.25).ToString("0.000", Inv) + "-" + Quantile(ratios, 0.75).ToString("0.000", Inv) + ")");
        bench.Dispose();
        return 0;
    }

    private static async Task<long> AllocatedAsync(Func<Task<int>> read)
    {
        const int Pages = 5;
        long before = GC.GetTotalAllocatedBytes(precise: true);
        for (int i = 0; i < Pages; i++)
        {
            await read().ConfigureAwait(false);
        }

        return (GC.GetTotalAllocatedBytes(precise: true) - before) / Pages;
    }

    private static async Task<double> TimeAsync(Func<Task<int>> read)
    {
        long start = Stopwatch.GetTimestamp();
        await read().ConfigureAwait(false);
        return (Stopwatch.GetTimestamp() - start) * 1000.0 / Stopwatch.Frequency;
    }

    private static double Median(double[] values) => Quantile(values, 0.5);

    private static double Quantile(double[] values, double q)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        double at = q * (sorted.Length - 1);
        int lo = (int)Math.Floor(at), hi = (int)Math.Ceiling(at);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
    }
}
