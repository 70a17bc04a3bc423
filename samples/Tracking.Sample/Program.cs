using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SigningClients.Core.Signing;
using SigningClients.Quartz;
using SigningClients.Testing;

// Durable signature tracking against the ConsignO and SigningToday simulators: start two signings, hand them to the
// tracker, play the signers, and wait until the sink has both signed documents.
// Store: the embedded in-memory default (appsettings.json). PostgreSQL by configuration only, e.g.
//   SigningTracking__Store=PostgreSql SigningTracking__ConnectionString="Host=localhost;Username=app;Database=signing" \
//   SigningTracking__CreateSchemaIfMissing=true dotnet run --project samples/Tracking.Sample
await using var consignO = await ConsignOSimulator.StartAsync();
await using var signingToday = await SigningTodaySimulator.StartAsync();

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddConsignOClient(o => o.UseSimulator(consignO));
builder.Services.AddSigningTodayClient(o => o.UseSimulator(signingToday));
builder.Services.AddConsignOSigningProvider();
builder.Services.AddSigningTodaySigningProvider();
var sink = new FolderSink(Path.Combine(Path.GetTempPath(), "tracking-sample-" + Guid.NewGuid().ToString("N")));
builder.Services.AddSingleton<ISignedDocumentSink>(sink);
builder.Services.AddSigningTracking(builder.Configuration.GetSection("SigningTracking"), o =>
{
    o.MinPollInterval = TimeSpan.FromMilliseconds(200);
    o.MaxPollInterval = TimeSpan.FromSeconds(1);
});

using var host = builder.Build();
await host.StartAsync();
var store = host.Services.GetRequiredService<SigningTrackingOptions>().Store;
Console.WriteLine("Tracking store: " + store);
var resolver = host.Services.GetRequiredService<ISigningProviderResolver>();
var tracker = host.Services.GetRequiredService<ISigningTracker>();

foreach (var name in new[] { "ConsignO", "SigningToday" })
{
    var envelope = new SigningEnvelope("Tracked agreement");
    envelope.Documents.Add(new SigningDocument(new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n")), "agreement.pdf"));
    envelope.Signers.Add(new SigningParty("Ann", "Lee", "ann.lee@example.com"));
    var operation = await resolver.GetProvider(name).StartSigningAsync(envelope);
    await tracker.TrackAsync(operation); // one durable Quartz job, persisted with the operation's rehydration token
    Console.WriteLine("Tracking " + name + "/" + operation.Id);
    if (name == "ConsignO")
    {
        consignO.SignAll(operation.Id); // the signer signs (with SigningClients.AspNetCore's endpoints mapped, its webhook would run the job at once)
    }
    else
    {
        signingToday.Sign(operation.Id);
    }
}

using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
await sink.WaitForAsync(2, timeout.Token);
foreach (var file in Directory.GetFiles(sink.Folder))
{
    Console.WriteLine("Stored " + Path.GetFileName(file) + " (" + new FileInfo(file).Length + " bytes)");
}

await host.StopAsync();
Directory.Delete(sink.Folder, true);
return 0;

/// <summary>Stores each delivery in a file named by its idempotency key, so a repeated call stores nothing twice.</summary>
internal sealed class FolderSink(string folder) : ISignedDocumentSink
{
    private readonly ConcurrentDictionary<string, bool> _stored = new();
    private readonly SemaphoreSlim _changed = new(0);

    public string Folder { get; } = Directory.CreateDirectory(folder).FullName;

    public async Task StoreAsync(SignedDelivery delivery, CancellationToken cancellationToken)
    {
        for (var i = 0; i < delivery.Documents.Count; i++)
        {
            var path = Path.Combine(Folder, delivery.IdempotencyKey.Replace('/', '_') + "_" + i + ".pdf");
            await File.WriteAllBytesAsync(path, delivery.Documents[i].Content.ToArray(), cancellationToken);
        }

        if (_stored.TryAdd(delivery.IdempotencyKey, true))
        {
            _changed.Release();
        }
    }

    public async Task WaitForAsync(int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            await _changed.WaitAsync(cancellationToken);
        }
    }
}
