using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace SigningClients.Benchmarks.Reporting;

/// <summary>What the numbers were measured on, and how busy the machine was.</summary>
internal sealed record MachineInfo(string Cpu, int Cores, string Os, string Runtime, string Architecture, string LoadAverage, string Gc)
{
    public static MachineInfo Capture() => new(
        ReadCpu(),
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        ReadLoad(),
        System.Runtime.GCSettings.IsServerGC ? "server" : "workstation" + (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Interactive ? " (concurrent)" : string.Empty));

    /// <summary>The 1-minute load average, or -1 when unknown.</summary>
    public double OneMinuteLoad =>
        double.TryParse(LoadAverage.Split(' ')[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1;

    private static string ReadCpu()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? "unknown" : line.Substring(line.IndexOf(':') + 1).Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string ReadLoad()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return parts[0] + " " + parts[1] + " " + parts[2];
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
