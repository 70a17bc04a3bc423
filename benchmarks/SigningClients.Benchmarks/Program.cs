using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using SigningClients.Benchmarks;
using SigningClients.Benchmarks.Infrastructure;
using SigningClients.Benchmarks.Memory;

// Modes:
//   quick                     every benchmark briefly (BenchmarkDotNet dry job, 16 MB memory scenarios); CI smoke test
//   full [--output <file>]    the measured run; writes docs/benchmarks.md (or <file>)
//   serve                     (internal) the loopback server process
//   memory <scenario> <server> <bytes>   (internal) one P3 scenario in its own process
//   paired [filter]           only the paired A/B time ratios of P1/P5 (no BenchmarkDotNet)
string mode = args.Length > 0 ? args[0] : string.Empty;
switch (mode)
{
    case "serve":
        return await ServerProcess.ServeAsync().ConfigureAwait(false);
    case "memory" when args.Length == 4:
        return await MemoryRunner.RunChildAsync(args[1], new Uri(args[2]), long.Parse(args[3], CultureInfo.InvariantCulture)).ConfigureAwait(false);
    case "alloc" when args.Length >= 2:
        return await SigningClients.Benchmarks.Reporting.AllocationProfiler.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20000, args.Length > 3 ? args[3] : null).ConfigureAwait(false);
    case "p2":
        return await SigningClients.Benchmarks.Deserialization.PageDriver.RunAsync(args).ConfigureAwait(false);
    case "p2prof":
        return SigningClients.Benchmarks.Deserialization.PageProfiler.Run(args);
    case "probe":
        return await SigningClients.Benchmarks.Reporting.ConcurrencyProbe.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20000).ConfigureAwait(false);
    case "paired":
        // Only the paired A/B timings (P1, P5), optionally filtered: a quick look at a time ratio without BenchmarkDotNet.
        using (ServerProcess.Shared)
        {
            foreach (var entry in Suite.Matching(args.Length > 1 ? args[1] : null).Where(e => e.HasPairedVerdict).ToArray())
            {
                Console.WriteLine(entry.Title.PadRight(42) + SigningClients.Benchmarks.Reporting.PairedTiming.Describe(SigningClients.Benchmarks.Reporting.PairedTiming.Measure(entry, quick: false)));
            }
        }

        return 0;
    case "quick":
    case "full":
        string? output = null;
        string? filter = null;
        for (int i = 1; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--output")
            {
                output = args[i + 1];
            }
            else if (args[i] == "--filter")
            {
                filter = args[i + 1];
            }
        }

        return Suite.Run(quick: mode == "quick", output, filter);
    default:
        Console.Error.WriteLine("Usage: dotnet run -c Release --project benchmarks/SigningClients.Benchmarks -- quick | full [--output <file>] [--filter <text>]");
        return 2;
}
