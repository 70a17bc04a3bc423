using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;

namespace SigningClients.Benchmarks.Deserialization;

/// <summary>
/// <c>p2 [count] [sdk|baseline|both] [pages]</c>: reads the P2 page <c>pages</c> times per side after a warm-up and prints
/// exact bytes allocated per page (<c>GC.GetTotalAllocatedBytes(precise)</c>) and the mean time. Small and
/// deterministic enough to run under <c>valgrind --tool=callgrind</c> (instruction counts are robust to machine load).
/// </summary>
internal static class PageDriver
{
    public static async Task<int> RunAsync(string[] args)
    {
        int count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : DstPageBenchmarks.FullCount;
        string side = args.Length > 2 ? args[2] : "both";
        int pages = args.Length > 3 && side != "dump" ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20;
        int warmup = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 5;
        DstPageBenchmarks.Count = count;
        if (side == "dump")
        {
            // p2 <count> dump <file>: the page's bytes, to look at.
            System.IO.File.WriteAllBytes(args[3], DstPageBytes.Get(count));
            return 0;
        }

        var bench = new DstPageBenchmarks();
        await bench.SetupAsync().ConfigureAwait(false);
        Console.WriteLine("page: " + count + " DSTs, " + bench.PageBytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes");
        if (side is "both" or "baseline")
        {
            await MeasureAsync("baseline (Newtonsoft, generated style)", bench.Baseline, pages, warmup).ConfigureAwait(false);
        }

        if (side is "both" or "sdk")
        {
            await MeasureAsync("sdk (Dsts.ListAsync first page)", bench.Sdk, pages, warmup).ConfigureAwait(false);
        }

        bench.Dispose();
        return 0;
    }

    private static async Task MeasureAsync(string name, Func<Task<int>> read, int pages, int warmup)
    {
        for (int i = 0; i < warmup; i++)
        {
            await read().ConfigureAwait(false);
        }

        GC.Collect();
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < pages; i++)
        {
            await read().ConfigureAwait(false);
        }

        clock.Stop();
        long perPage = (GC.GetTotalAllocatedBytes(precise: true) - before) / Math.Max(1, pages);
        Console.WriteLine(name + ": " + perPage.ToString("N0", CultureInfo.InvariantCulture) + " B/page, " +
            (clock.Elapsed.TotalMilliseconds / Math.Max(1, pages)).ToString("0.00", CultureInfo.InvariantCulture) + " ms/page");
    }
}
