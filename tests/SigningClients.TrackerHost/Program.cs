using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks.Models;
using AlphaTrust.Tasks.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using SigningClients.Core.Operations;
using SigningClients.Quartz;

// One clustered tracker node in its own process, for SigningClients.Quartz.Tests' multi-process fail-over test.
// Settings come from the environment, never the command line (credentials are secrets):
//   TRACKER_NODE            the node's name (recorded with each sink call)
//   TRACKER_CONNECTION      the PostgreSQL connection string (Quartz job store and the sink's tables)
//   TRACKER_SPOOL           the Signant spool folder of this node
//   SIM_*                   the five simulators' addresses and credentials (see Env below)
// Arguments: [--track <file>]  tracks every rehydration token in <file> (one JSON token a line) before serving.
// Prints "READY" once the scheduler runs and "TRACKED <n>" after --track; runs until killed or stdin closes.
var node = Env("TRACKER_NODE");
var connectionString = Env("TRACKER_CONNECTION");
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = Array.Empty<string>(), DisableDefaults = true });
builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
var services = builder.Services;
services.AddSignantClient(o =>
{
    o.Endpoint = new Uri(Env("SIM_SIGNANT_ENDPOINT"));
    o.AllowHttpOnLoopback = true;
    o.DistributorId = Env("SIM_SIGNANT_DISTRIBUTOR_ID");
    o.AccessCode = Env("SIM_SIGNANT_ACCESS_CODE");
});
services.AddTridentClient(o =>
{
    o.Endpoint = new Uri(Env("SIM_TRIDENT_ENDPOINT"));
    o.AllowHttpOnLoopback = true;
    o.ClientId = Env("SIM_TRIDENT_CLIENT_ID");
    o.ClientSecret = Env("SIM_TRIDENT_CLIENT_SECRET");
    o.AuthServer = Env("SIM_TRIDENT_AUTH_SERVER");
});
services.AddConsignOClient(o =>
{
    o.Endpoint = new Uri(Env("SIM_CONSIGNO_ENDPOINT"));
    o.AllowHttpOnLoopback = true;
    o.Username = Env("SIM_CONSIGNO_USERNAME");
    o.Password = Env("SIM_CONSIGNO_PASSWORD");
});
services.AddSigningTodayClient(o =>
{
    o.Endpoint = new Uri(Env("SIM_SIGNINGTODAY_ENDPOINT"));
    o.AllowHttpOnLoopback = true;
    o.RobotToken = Env("SIM_SIGNINGTODAY_ROBOT_TOKEN");
});
services.AddAlphaTrustClient(o =>
{
    o.Endpoint = new Uri(Env("SIM_ALPHATRUST_ENDPOINT"));
    o.AllowHttpOnLoopback = true;
    o.ApiKey = Env("SIM_ALPHATRUST_API_KEY");
    o.ApiSecret = Env("SIM_ALPHATRUST_API_SECRET");
    o.ApiUsername = Env("SIM_ALPHATRUST_API_USERNAME");
    o.ApiPassword = Env("SIM_ALPHATRUST_API_PASSWORD");
});
services.AddSignantSigningProvider(configure: o => o.SpoolDirectory = Env("TRACKER_SPOOL"));
services.AddTridentSigningProvider();
services.AddConsignOSigningProvider();
services.AddSigningTodaySigningProvider();
var signerPassword = Env("SIM_ALPHATRUST_SIGNER_PASSWORD");
services.AddAlphaTrustSigningProvider(configure: o =>
{
    o.SendRequestViaEmail = false;
    o.Authentication = (_, _) => ParticipantAuthentication.Password(signerPassword);
});
services.AddSingleton<ISignedDocumentSink>(new PostgresSink(connectionString, node));
services.AddSigningTracking(o =>
{
    o.Store = SigningTrackingStore.PostgreSql;
    o.ConnectionString = connectionString;
    o.ClusterCheckinInterval = TimeSpan.FromSeconds(1);
    o.MinPollInterval = TimeSpan.FromMilliseconds(200);
    o.MaxPollInterval = TimeSpan.FromMilliseconds(500);
    o.InitialRetryDelay = TimeSpan.FromMilliseconds(200);
    o.MaxRetryDelay = TimeSpan.FromSeconds(1);
    o.SweepInterval = TimeSpan.FromSeconds(2);
});

using var host = builder.Build();
await host.StartAsync();
Console.WriteLine("READY");
if (args.Length == 2 && args[0] == "--track")
{
    var tracker = host.Services.GetRequiredService<ISigningTracker>();
    var count = 0;
    var lines = await File.ReadAllLinesAsync(args[1]);
    await Parallel.ForEachAsync(lines, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (line, ct) =>
    {
        if (line.Length > 0 && await tracker.TrackAsync(OperationRehydrationToken.Parse(line), ct))
        {
            Interlocked.Increment(ref count);
        }
    });

    Console.WriteLine("TRACKED " + count);
}
else if (args.Length != 0)
{
    Console.Error.WriteLine("usage: [--track <file>]");
    return 2;
}

// Serve until stdin closes (the test's graceful end) or the process is killed.
await Task.Run(() => Console.In.ReadToEnd());
await host.StopAsync();
return 0;

static string Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException("Set " + name + ".");

/// <summary>
/// The sink of the fail-over test: every call is recorded in <c>sink_calls</c> and the documents are stored in
/// <c>signed_documents</c> keyed by the idempotency key (a second call for a key stores nothing), in one transaction.
/// </summary>
internal sealed class PostgresSink(string connectionString, string node) : ISignedDocumentSink
{
    public async Task StoreAsync(SignedDelivery delivery, CancellationToken cancellationToken)
    {
        long bytes = 0;
        foreach (var document in delivery.Documents)
        {
            bytes += document.Content.Length;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var call = new NpgsqlCommand("insert into sink_calls (key, node, attempt) values (@k, @n, @a)", connection, transaction))
        {
            call.Parameters.AddWithValue("k", delivery.IdempotencyKey);
            call.Parameters.AddWithValue("n", node);
            call.Parameters.AddWithValue("a", delivery.Attempt);
            await call.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var store = new NpgsqlCommand("insert into signed_documents (key, node, documents, bytes) values (@k, @n, @d, @b) on conflict (key) do nothing", connection, transaction))
        {
            store.Parameters.AddWithValue("k", delivery.IdempotencyKey);
            store.Parameters.AddWithValue("n", node);
            store.Parameters.AddWithValue("d", delivery.Documents.Count);
            store.Parameters.AddWithValue("b", bytes);
            await store.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
