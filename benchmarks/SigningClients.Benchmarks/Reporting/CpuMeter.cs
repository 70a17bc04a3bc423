using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

namespace SigningClients.Benchmarks.Reporting;

/// <summary>
/// How much of the machine other processes used during the run: busy CPU time of the whole machine (/proc/stat)
/// minus this process's and its reaped children's CPU time (/proc/self/stat utime+stime+cutime+cstime: the server
/// and the memory children), over the wall time and the cores. The load average cannot tell this, because the
/// benchmark itself keeps both cores busy.
/// </summary>
internal sealed class CpuMeter
{
    private readonly long _machineBusy;
    private readonly long _own;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly int _serverPid;
    private readonly long _server;

    private CpuMeter(long machineBusy, long own, int serverPid)
    {
        _machineBusy = machineBusy;
        _own = own;
        _serverPid = serverPid;
        _server = ProcessTicks("/proc/" + serverPid.ToString(CultureInfo.InvariantCulture) + "/stat", children: false);
    }

    /// <summary>Starts measuring; <paramref name="serverPid"/> is the (not yet reaped) server process, counted as ours.</summary>
    public static CpuMeter Start(int serverPid) => new(MachineBusyTicks(), OwnTicks(), serverPid);

    /// <summary>Share (0..1) of all cores used by other processes since <see cref="Start"/>, or -1 when unknown.</summary>
    public double ForeignShare()
    {
        long machine = MachineBusyTicks() - _machineBusy;
        long own = OwnTicks() - _own + ProcessTicks("/proc/" + _serverPid.ToString(CultureInfo.InvariantCulture) + "/stat", children: false) - _server;
        if (machine <= 0 || _clock.Elapsed.TotalSeconds <= 0)
        {
            return -1;
        }

        double ticksPerSecond = 100.0; // USER_HZ on Linux
        return Math.Max(0, (machine - own) / ticksPerSecond / (_clock.Elapsed.TotalSeconds * Environment.ProcessorCount));
    }

    private static long MachineBusyTicks()
    {
        try
        {
            var cpu = File.ReadLines("/proc/stat").First(l => l.StartsWith("cpu ", StringComparison.Ordinal));
            var f = cpu.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            // user nice system idle iowait irq softirq steal ...
            return f[0] + f[1] + f[2] + f[5] + f[6] + (f.Length > 7 ? f[7] : 0);
        }
        catch (Exception ex) when (ex is IOException or FormatException or InvalidOperationException)
        {
            return 0;
        }
    }

    private static long OwnTicks() => ProcessTicks("/proc/self/stat", children: true);

    private static long ProcessTicks(string statPath, bool children)
    {
        try
        {
            var text = File.ReadAllText(statPath);
            var fields = text.Substring(text.LastIndexOf(')') + 2).Split(' ');
            // fields[0] is field 3 (state); utime = field 14, stime 15, cutime 16, cstime 17
            long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return children ? ticks + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture) : ticks;
        }
        catch (Exception ex) when (ex is IOException or FormatException or ArgumentOutOfRangeException)
        {
            return 0;
        }
    }
}
