using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using SigningClients.Quartz;

namespace SigningClients.Quartz.Tests;

/// <summary>
/// A PostgreSQL server of its own: <c>initdb</c> into a temp folder, <c>pg_ctl start</c> on a free loopback port
/// (Unix socket in the same folder), the Quartz schema from <see cref="SigningTrackingSchema"/>, and at the end
/// <c>pg_ctl stop</c> and the folder deleted. As root (CI containers) the server runs as <c>nobody</c> through
/// <c>runuser</c>, since initdb refuses root. Without the binaries it throws, so the tests fail instead of skipping.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _root;
    private readonly string _data;
    private readonly string _pgCtl;
    private readonly bool _asNobody;

    private ThrowawayPostgres(string root, string pgCtl, bool asNobody, int port)
    {
        _root = root;
        _data = Path.Combine(root, "data");
        _pgCtl = pgCtl;
        _asNobody = asNobody;
        Port = port;
        ConnectionString = "Host=127.0.0.1;Port=" + port + ";Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=40";
    }

    public int Port { get; }

    public string ConnectionString { get; }

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var initdb = FindOnPath("initdb");
        var pgCtl = FindOnPath("pg_ctl");
        if (initdb is null || pgCtl is null || FindOnPath("postgres") is null)
        {
            throw new InvalidOperationException(
                "These tests start their own PostgreSQL and need its server binaries (initdb, pg_ctl, postgres) on PATH. " +
                "Install PostgreSQL (Debian/Ubuntu: 'apt-get install postgresql' then add /usr/lib/postgresql/<version>/bin to PATH; " +
                "macOS: 'brew install postgresql'; Windows: the EDB installer's bin folder on PATH).");
        }

        var asNobody = string.Equals(Environment.UserName, "root", StringComparison.Ordinal);
        var root = Path.Combine(Path.GetTempPath(), "sc-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        if (asNobody)
        {
            await RunAsync("chown", new[] { "nobody", root }, false);
        }

        var port = FreePort();
        var pg = new ThrowawayPostgres(root, pgCtl, asNobody, port);
        try
        {
            await pg.RunPgAsync(initdb, "-D", pg._data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions");
            await pg.RunPgAsync(pgCtl, "-D", pg._data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60",
                "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -k " + root + " -c fsync=off -c synchronous_commit=off -c max_connections=200",
                "start");
            await using var connection = new NpgsqlConnection(pg.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(SigningTrackingSchema.GetPostgreSqlScript(), connection);
            await command.ExecuteNonQueryAsync();
            return pg;
        }
        catch
        {
            await pg.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(_data, "postmaster.pid")))
        {
            try
            {
                await RunPgAsync(_pgCtl, "-D", _data, "-m", "immediate", "-w", "stop");
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }

        try
        {
            Directory.Delete(_root, true);
        }
        catch (IOException)
        {
        }
    }

    private Task RunPgAsync(string program, params string[] args) =>
        _asNobody ? RunAsync("runuser", new[] { "-u", "nobody", "--", program }.Concat(args).ToArray(), true) : RunAsync(program, args, true);

    private static async Task RunAsync(string program, string[] args, bool check)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException(Path.GetFileName(program) + " " + string.Join(" ", args) + " exited with " + process.ExitCode + ": " + await stderr + await stdout);
        }
    }

    private static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in new[] { Path.Combine(dir, name), Path.Combine(dir, name + ".exe") })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
