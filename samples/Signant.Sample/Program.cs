using System;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Signant.InstantSign;
using Signant.InstantSign.Models;
using SigningClients.Core;
using SigningClients.Testing;

// Signant instant signing: create a posting for one recipient, sign through the signing URL, wait and download, verify MD5.
// By default it runs against the in-process simulator. To use Signant, set Signant:Endpoint, Signant:DistributorId and
// Signant:AccessCode (appsettings, user secrets or environment variables such as Signant__AccessCode); a real recipient
// then signs in the browser at the printed URL.
var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
var section = builder.Configuration.GetSection("Signant");
bool real = !string.IsNullOrEmpty(section["Endpoint"]);
await using var simulator = real ? null : await SignantSimulator.StartAsync();
if (simulator is not null)
{
    builder.Configuration.AddInMemoryCollection(new System.Collections.Generic.Dictionary<string, string?>
    {
        ["Signant:Endpoint"] = simulator.ServiceAddress.ToString(),
        ["Signant:AllowHttpOnLoopback"] = "true",
        ["Signant:DistributorId"] = simulator.Settings.DistributorId,
        ["Signant:AccessCode"] = simulator.Settings.AccessCode,
    });
}

builder.Services.AddSignantClient(builder.Configuration.GetSection("Signant"));
using var host = builder.Build();
var client = host.Services.GetRequiredService<ISignantClient>();
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(real ? 30 : 1));
var ct = timeout.Token;

try
{
    var pdf = SamplePdf();
    var created = await client.CreateInstantPostingAsync(new InstantPosting
    {
        Title = "Order terms",
        Description = "Terms for order 42",
        Recipients = new[] { new InstantPostingRecipient { Name = "Kari Nordmann", Email = "kari@example.com" } },
        AttachmentToSign = new InstantAttachment { File = new MemoryStream(pdf), FileName = "terms.pdf" },
        AfterSignAction = AfterSignAction.CloseWindow,
    }, ct);
    var signUrl = created.SignUrls[0].Url!;
    Console.WriteLine($"Created posting {created.PostingId}; signing page: {signUrl}");

    if (simulator is not null)
    {
        // Play the signer: open the signing page (GET), then sign (POST).
        using var browser = new HttpClient();
        (await browser.GetAsync(signUrl, ct)).EnsureSuccessStatusCode();
        (await browser.PostAsync(signUrl, new StringContent(string.Empty), ct)).EnsureSuccessStatusCode();
        Console.WriteLine("Signed as Kari Nordmann in the simulator.");
    }

    var path = Path.Combine(Path.GetTempPath(), $"signant-{created.PostingId}.pdf");
    InstantPostingOutcome outcome;
    await using (var file = File.Create(path))
    {
        outcome = await client.WaitForCompletionAndDownloadAsync(created.PostingId, created.AttachmentId, file, cancellationToken: ct);
    }

    if (!outcome.IsDownloaded)
    {
        File.Delete(path);
        Console.Error.WriteLine("The posting expired before it was signed; create a new one.");
        return 1;
    }

    await using (var written = File.OpenRead(path))
    {
#pragma warning disable CA5351 // Signant's FileHash is an MD5: recompute it to show the check.
        var md5 = Convert.ToHexString(await MD5.HashDataAsync(written, ct)).ToLowerInvariant();
#pragma warning restore CA5351
        if (md5 != outcome.Download!.ComputedHash || !outcome.Download.HashVerified)
        {
            Console.Error.WriteLine("MD5 mismatch.");
            return 1;
        }

        Console.WriteLine($"Downloaded {outcome.Download.Length} bytes to {path}; MD5 {md5} matches Signant's FileHash.");
    }

    return 0;
}
catch (SigningApiException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

static byte[] SamplePdf() => System.Text.Encoding.ASCII.GetBytes(
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
