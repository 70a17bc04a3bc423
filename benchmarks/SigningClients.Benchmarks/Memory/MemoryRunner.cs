using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Benchmarks.Infrastructure;

namespace SigningClients.Benchmarks.Memory;

/// <summary>The measured figures of one P3 scenario run (one process).</summary>
internal sealed class MemoryResult
{
    public string Scenario { get; set; } = string.Empty;

    public long SizeBytes { get; set; }

    public long BaselineWorkingSet { get; set; }

    public long PeakWorkingSetSampled { get; set; }

    public long PeakWorkingSetKernel { get; set; }

    public long PeakGrowth { get; set; }

    public long AllocatedBytes { get; set; }

    public double Seconds { get; set; }

    public string? Error { get; set; }
}

/// <summary>
/// P3: runs one scenario in a fresh process (<c>memory &lt;scenario&gt; &lt;server&gt; &lt;bytes&gt;</c>) and prints its
/// <see cref="MemoryResult"/> as one JSON line. The server runs in another process, so the figures are the client's.
/// </summary>
internal static class MemoryRunner
{
    private const string ResultPrefix = "MEMORY-RESULT ";

    /// <summary>Child side.</summary>
    public static async Task<int> RunChildAsync(string scenarioName, Uri server, long size)
    {
        var result = new MemoryResult { Scenario = scenarioName, SizeBytes = size };
        try
        {
            var scenario = MemoryScenarios.Get(scenarioName);
            using var http = Http.CreateClient();

            // Warm up: JIT, connection, pools, token caches (a small transfer through the same code path).
            await scenario.RunAsync(server, http, 1024 * 1024).ConfigureAwait(false);
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

            result.BaselineWorkingSet = CurrentWorkingSet();
            bool kernelPeak = TryResetPeak();
            long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            long sampledPeak = result.BaselineWorkingSet;
            using var stop = new CancellationTokenSource();

            // The sampler must not allocate: it runs every 2 ms for the whole transfer, and GetTotalAllocatedBytes and
            // the GC's budget (hence the RSS measured) count every thread. Reading /proc/self/status line by line
            // made ~1.5 KB of strings per sample, i.e. megabytes per transfer, in proportion to its time.
            using var rss = new StatmReader();
            var sampler = new Thread(() =>
            {
                while (!stop.IsCancellationRequested)
                {
                    long ws = rss.Read();
                    if (ws > Volatile.Read(ref sampledPeak))
                    {
                        Volatile.Write(ref sampledPeak, ws);
                    }

                    Thread.Sleep(2);
                }
            })
            { IsBackground = true, Name = "ws-sampler" };
            sampler.Start();

            var clock = Stopwatch.StartNew();
            await scenario.RunAsync(server, http, size).ConfigureAwait(false);
            clock.Stop();
            stop.Cancel();
            sampler.Join();

            result.Seconds = clock.Elapsed.TotalSeconds;
            result.AllocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            result.PeakWorkingSetSampled = Math.Max(sampledPeak, CurrentWorkingSet());
            result.PeakWorkingSetKernel = kernelPeak ? ReadStatusKb("VmHWM:") * 1024 : 0;
            result.PeakGrowth = Math.Max(result.PeakWorkingSetSampled, result.PeakWorkingSetKernel) - result.BaselineWorkingSet;
        }
        catch (Exception ex)
        {
            result.Error = ex.GetType().Name + ": " + ex.Message;
        }

        Console.Out.WriteLine(ResultPrefix + JsonSerializer.Serialize(result, MemoryJsonContext.Default.MemoryResult));
        return result.Error is null ? 0 : 1;
    }

    /// <summary>Parent side: runs the scenario in a child process and returns its result.</summary>
    public static MemoryResult RunInChild(string scenarioName, Uri server, long size, TimeSpan timeout)
    {
        using var process = Process.Start(SelfLaunch.StartInfo("memory", scenarioName, server.ToString(), size.ToString(CultureInfo.InvariantCulture)))
            ?? throw new InvalidOperationException("Could not start the memory child.");
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            return new MemoryResult { Scenario = scenarioName, SizeBytes = size, Error = "Timed out after " + timeout + "." };
        }

        foreach (var line in stdout.Result.Split('\n'))
        {
            if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
            {
                return JsonSerializer.Deserialize(line.Substring(ResultPrefix.Length), MemoryJsonContext.Default.MemoryResult)!;
            }
        }

        return new MemoryResult { Scenario = scenarioName, SizeBytes = size, Error = "No result (exit " + process.ExitCode + "): " + Tail(stderr.Result) };
    }

    private static string Tail(string text) => text.Length > 2000 ? text.Substring(text.Length - 2000) : text;

    private static long CurrentWorkingSet()
    {
        long rssKb = ReadStatusKb("VmRSS:");
        return rssKb > 0 ? rssKb * 1024 : Environment.WorkingSet;
    }

    /// <summary>Resets the kernel's peak-RSS mark (VmHWM) so that it covers only the measured transfer (Linux ≥ 4.0).</summary>
    private static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return ReadStatusKb("VmHWM:") > 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    private static long ReadStatusKb(string field)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var parts = line.Substring(field.Length).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return long.Parse(parts[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }

        return 0;
    }
}

/// <summary>Reads the resident set size from <c>/proc/self/statm</c> into a reused buffer: no allocation per sample.</summary>
internal sealed class StatmReader : IDisposable
{
    private readonly Microsoft.Win32.SafeHandles.SafeFileHandle? _handle;
    private readonly byte[] _buffer = new byte[256];

    public StatmReader()
    {
        try
        {
            _handle = File.OpenHandle("/proc/self/statm", FileMode.Open, FileAccess.Read);
            if (Read() <= 0)
            {
                _handle.Dispose();
                _handle = null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            _handle = null;
        }
    }

    /// <summary>Resident bytes (statm's second field × page size), or <see cref="Environment.WorkingSet"/> without procfs.</summary>
    public long Read()
    {
        if (_handle is null)
        {
            return Environment.WorkingSet;
        }

        int length = RandomAccess.Read(_handle, _buffer, 0);
        int i = 0;
        while (i < length && _buffer[i] != (byte)' ')
        {
            i++;
        }

        long pages = 0;
        for (i++; i < length && _buffer[i] is >= (byte)'0' and <= (byte)'9'; i++)
        {
            pages = (pages * 10) + (_buffer[i] - (byte)'0');
        }

        return pages * Environment.SystemPageSize;
    }

    public void Dispose() => _handle?.Dispose();
}

[System.Text.Json.Serialization.JsonSerializable(typeof(MemoryResult))]
internal sealed partial class MemoryJsonContext : System.Text.Json.Serialization.JsonSerializerContext
{
}
