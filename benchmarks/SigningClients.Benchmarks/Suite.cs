using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SigningClients.Benchmarks.Concurrency;
using SigningClients.Benchmarks.Deserialization;
using SigningClients.Benchmarks.Infrastructure;
using SigningClients.Benchmarks.Memory;
using SigningClients.Benchmarks.Overhead;
using SigningClients.Benchmarks.Paging;
using SigningClients.Benchmarks.Reporting;
using SigningClients.Benchmarks.Wcf;

namespace SigningClients.Benchmarks;

/// <summary>One benchmark class of the suite, with the area (P1/P4/P5) and title it reports under.</summary>
internal sealed record SuiteEntry(Type Type, string Area, string Title)
{
    /// <summary>Whether the entry's time verdict comes from the paired A/B runner (P1, P2 and P6 time, P5 throughput).</summary>
    public bool HasPairedVerdict => Area is "P1" or "P2" or "P5" or "P6";
}

/// <summary>Runs the whole suite (BenchmarkDotNet part in this process, memory scenarios in child processes) and writes the report.</summary>
internal static class Suite
{
    public static readonly List<SuiteEntry> Entries = new()
    {
        new(typeof(SigningTodayGetDstBenchmarks), "P1", "SigningToday get DST"),
        new(typeof(SigningTodayListPageBenchmarks), "P1", "SigningToday list one page (20 DSTs)"),
        new(typeof(SigningTodayCreateDstBenchmarks), "P1", "SigningToday create DST"),
        new(typeof(ConsignOGetWorkflowBenchmarks), "P1", "ConsignO get workflow"),
        new(typeof(SignantGetPostingStatusBenchmarks), "P1", "Signant GetPostingStatus"),
        new(typeof(DstPageBenchmarks), "P2", "SigningToday page of DSTs, simulator shape (SDK list path vs openapi-generator Newtonsoft client)"),
        new(typeof(SigningTodayPagingBenchmarks), "P4", "SigningToday list DSTs (pages of 100)"),
        new(typeof(SignantWcfStatusBenchmarks), "P6", "Signant GetPostingStatus (SDK vs generated WCF client)"),
        new(typeof(SigningTodayConcurrencyBenchmarks), "P5", "SigningToday get DST ×256 concurrent"),
        new(typeof(ConsignOConcurrencyBenchmarks), "P5", "ConsignO get workflow ×256 concurrent"),
    };

    /// <summary>The entries whose class name or title contains <paramref name="filter"/> (all when it is null).</summary>
    public static IEnumerable<SuiteEntry> Matching(string? filter) =>
        Entries.Where(e => filter is null || e.Type.Name.Contains(filter, StringComparison.OrdinalIgnoreCase) || e.Title.Contains(filter, StringComparison.OrdinalIgnoreCase));

    public const long FullMemorySize = 256L * 1024 * 1024;
    public const long QuickMemorySize = 16L * 1024 * 1024;

    public static int Run(bool quick, string? output, string? filter)
    {
        var started = DateTimeOffset.UtcNow;

        // P2 reads a page of 1,000 DSTs (~5 MB); the CI smoke test reads 100.
        DstPageBenchmarks.Count = quick ? DstPageBenchmarks.QuickCount : DstPageBenchmarks.FullCount;
        var machine = MachineInfo.Capture();
        var entries = Matching(filter).ToList();
        var scenarios = MemoryScenarios.All.Where(s => filter is null || s.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
        var server = ServerProcess.Shared;
        Console.WriteLine("Loopback server (own process): " + server.Address);
        var cpu = CpuMeter.Start(server.ProcessId);

        var artifacts = Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts");
        var summaries = new List<Summary>();
        bool ok = true;
        try
        {
            if (entries.Count > 0)
            {
                var types = entries.Select(e => e.Type).ToArray();
                summaries.AddRange(BenchmarkRunner.Run(types, CreateConfig(quick, artifacts, sdkFirst: false)));
                if (!quick)
                {
                    // BenchmarkDotNet runs one method to its end before the next: whatever drifts during a run (the
                    // server process's heap, CPU frequency, other work) favours one side. A second pass runs every
                    // class in the opposite order (SDK first); the report uses the mean of both passes.
                    summaries.AddRange(BenchmarkRunner.Run(types, CreateConfig(quick, artifacts, sdkFirst: true)));
                }
            }

            // The time verdicts use paired (interleaved) measurements; see PairedTiming.
            var paired = new List<PairedResult>();
            foreach (var entry in entries.Where(e => e.HasPairedVerdict))
            {
                Console.WriteLine("Paired A/B timing: " + entry.Title + "...");
                var result = PairedTiming.Measure(entry, quick);
                Console.WriteLine("  SDK / baseline = " + PairedTiming.Describe(result));
                paired.Add(result);
            }

            double foreign = cpu.ForeignShare();
            long size = quick ? QuickMemorySize : FullMemorySize;
            var memory = new List<MemoryResult>();
            foreach (var scenario in scenarios)
            {
                Console.WriteLine("P3 " + scenario.Name + " (" + size / (1024 * 1024) + " MB, own process)...");
                var result = MemoryRunner.RunInChild(scenario.Name, server.Address, size, TimeSpan.FromMinutes(quick ? 2 : 10));
                Console.WriteLine(result.Error is null
                    ? "  peak working-set growth " + Report.Mb(result.PeakGrowth) + ", allocated " + Report.Mb(result.AllocatedBytes) + ", " + result.Seconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " s"
                    : "  FAILED: " + result.Error);
                memory.Add(result);
            }

            var report = new Report(quick, started, machine, MachineInfo.Capture(), foreign, entries, summaries, memory, scenarios, paired);
            ok = report.AllRan(out var failures);
            foreach (var failure in failures)
            {
                Console.Error.WriteLine("NOT RUN: " + failure);
            }

            string path = output ?? (quick ? Path.Combine(artifacts, "benchmarks-quick.md") : Path.Combine(RepositoryRoot(), "docs", "benchmarks.md"));
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, report.ToMarkdown());
            Console.WriteLine();
            Console.WriteLine(report.ResultsTable());
            Console.WriteLine("Report written to " + Path.GetFullPath(path));
        }
        finally
        {
            server.Dispose();
        }

        Console.WriteLine(ok ? "All benchmarks ran." : "Some benchmarks did not run (see above).");
        return ok ? 0 : 1;
    }

    /// <summary>The job id of the second pass (SDK method run before the baseline).</summary>
    public const string SdkFirstJobId = "FullSdkFirst";

    private static IConfig CreateConfig(bool quick, string artifacts, bool sdkFirst)
    {
        var job = quick
            ? Job.Dry.WithToolchain(InProcessEmitToolchain.Instance).WithId("Quick")
            : Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(4).WithIterationCount(15).WithId(sdkFirst ? SdkFirstJobId : "Full");
        return ManualConfig.CreateEmpty()
            .WithOrderer(sdkFirst ? new SdkFirstOrderer() : DefaultOrderer.Instance)
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile);
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SigningClients.sln")))
            {
                return dir.FullName;
            }
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SigningClients.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository (SigningClients.sln not found), or pass --output.");
    }
}

/// <summary>Runs each class's benchmarks in reverse declared order: the SDK method before the baseline.</summary>
internal sealed class SdkFirstOrderer : DefaultOrderer
{
    public override IEnumerable<BenchmarkCase> GetExecutionOrder(ImmutableArray<BenchmarkCase> benchmarksCase, IEnumerable<BenchmarkLogicalGroupRule>? order = null) =>
        base.GetExecutionOrder(benchmarksCase, order).Reverse().ToList();
}
