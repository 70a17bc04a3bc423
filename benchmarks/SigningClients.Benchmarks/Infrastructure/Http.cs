using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Benchmarks.Infrastructure;

/// <summary>The one HTTP client configuration used by every SDK client and every baseline.</summary>
internal static class Http
{
    /// <summary>A new client over a <see cref="SocketsHttpHandler"/> with the settings shared by SDK and baseline.</summary>
    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        MaxConnectionsPerServer = int.MaxValue,
        AutomaticDecompression = DecompressionMethods.None,
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}

/// <summary>
/// The loopback server, started once per benchmark process in a child process of its own (<c>serve</c> mode), so
/// that the benchmark process measures only client work. Also usable in-process for the memory children.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private static readonly Lazy<ServerProcess> SharedInstance = new(() => Start(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    /// <summary>The server shared by every benchmark in this process.</summary>
    public static ServerProcess Shared => SharedInstance.Value;

    /// <summary>Whether the shared server was started.</summary>
    public static bool IsStarted => SharedInstance.IsValueCreated;

    /// <summary>The server's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>The base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    public static ServerProcess Start()
    {
        var process = Process.Start(SelfLaunch.StartInfo("serve")) ?? throw new InvalidOperationException("Could not start the server process.");
        var line = process.StandardOutput.ReadLine();
        if (line is null || !line.StartsWith("LISTENING ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException("The server process did not start: " + line + " " + process.StandardError.ReadToEnd());
        }

        return new ServerProcess(process, new Uri(line.Substring("LISTENING ".Length)));
    }

    public Uri Url(string relative) => new(Address, relative);

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close(); // the server exits when its stdin closes
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }

    /// <summary>Runs the server in this process until stdin closes (the <c>serve</c> mode).</summary>
    public static async Task<int> ServeAsync()
    {
        await using var app = await BenchServer.StartAsync().ConfigureAwait(false);
        Console.Out.WriteLine("LISTENING " + BenchServer.GetAddress(app));
        Console.Out.Flush();
        await Task.Run(() => Console.In.ReadToEnd()).ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);
        return 0;
    }
}

/// <summary>Starts this benchmark program again with other arguments.</summary>
internal static class SelfLaunch
{
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var processPath = Environment.ProcessPath ?? "dotnet";
        var info = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(processPath).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            info.FileName = processPath;
            info.ArgumentList.Add(typeof(SelfLaunch).Assembly.Location);
        }
        else
        {
            info.FileName = processPath;
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }
}
