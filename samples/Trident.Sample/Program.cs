// Trident.Sample: create a signer process for a PDF, send the user's browser to TRIDENT (302), receive the finish
// callback, confirm it with the result operation, download the signed PDF and clean up.
// Runs against the in-process TridentSimulator unless the "Trident" configuration section has an Endpoint.
using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SigningClients.Testing;
using Trident.SignerProcess;
using Trident.SignerProcess.Callbacks;
using Trident.SignerProcess.Models;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
await using var simulator = string.IsNullOrEmpty(builder.Configuration["Trident:Endpoint"]) ? await TridentSimulator.StartAsync() : null;
if (simulator is not null)
{
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Trident:Endpoint"] = simulator.BaseAddress.AbsoluteUri,
        ["Trident:AllowHttpOnLoopback"] = "true",
        ["Trident:ClientId"] = simulator.ClientId,
        ["Trident:ClientSecret"] = simulator.ClientSecret,
        ["Trident:AuthServer"] = simulator.AuthServer,
    });
}

builder.Services.AddTridentClient(builder.Configuration.GetSection("Trident"));
using var host = builder.Build();
var client = host.Services.GetRequiredService<ITridentClient>();
using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(simulator is null ? 15 : 1));
var ct = cts.Token;

try
{
    // 1. Create the process. The callback URL is your application's endpoint that the user's browser returns to.
    var callbackUrl = new Uri(builder.Configuration["TridentSample:CallbackUrl"] ?? "https://app.example.com/trident/callback");
    var definition = new SignerProcessDefinition
    {
        FinishCallbackUrl = callbackUrl,
        Labels = new List<IList<string>> { new List<string> { "sample", "contract-4711" } },
        Signer = new SignerProcessSigner
        {
            SignaturePolicyId = SignaturePolicies.Pdf,
            Parameters = new SignatureParameters
            {
                Type = SignatureTypes.PadesBaseline,
                SignatureField = new SignatureField
                {
                    Name = "Signature1",
                    Location = new SignatureFieldLocation
                    {
                        Page = new SignaturePage { Number = SignaturePageNumber.Last },
                        Rectangle = new SignatureRectangle { X = 72, Y = 72, Width = 220, Height = 60 },
                    },
                },
            },
        },
        UiLocales = new List<string> { "en_US" },
        Views = new SignerProcessViews { DocumentAgreement = new DocumentAgreementView { DocumentInfo = DocumentInfo.FromHtml("<p>Contract 4711</p>") } },
    };
    var documentPath = builder.Configuration["TridentSample:DocumentPath"];
    await using Stream pdf = documentPath is null ? new MemoryStream(SamplePdf.Create("Contract 4711")) : File.OpenRead(documentPath);
    var process = await client.CreateSignerProcessAsync(definition, pdf, "contract.pdf", ct);
    Console.WriteLine($"Created signer process {process.Id}");

    // 2. Execution: your web endpoint answers the user's request with this redirect.
    var executionUrl = process.GetExecutionUrl();
    Console.WriteLine("Redirect the user's browser:");
    Console.WriteLine($"  HTTP/1.1 302 Found\n  Location: {executionUrl}");

    SignerProcessResult result;
    if (simulator is not null)
    {
        // 3. Play the user's browser against the simulator (no automatic redirects, like watching the network tab).
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using (var page = await browser.GetAsync(executionUrl, ct))
        {
            Console.WriteLine($"Browser opened the signature page: {(int)page.StatusCode}");
        }

        using var signed = await browser.GetAsync(executionUrl.AbsoluteUri + "?action=sign", ct);
        if (signed.StatusCode != HttpStatusCode.Found || signed.Headers.Location is null)
        {
            throw new InvalidOperationException($"Expected a 302 to the callback, got {(int)signed.StatusCode}.");
        }

        Console.WriteLine($"TRIDENT redirected the browser to the callback: {signed.Headers.Location}");

        // 4. Handle the callback: parse, check it is this session's process, confirm it with TRIDENT.
        var callback = SignerProcessCallback.ParseAndVerify(signed.Headers.Location, process.Id);
        result = await client.ConfirmCallbackAsync(callback, process.Id, ct);
        Console.WriteLine($"Callback '{callback.Status}' confirmed by TRIDENT: {result}");
    }
    else
    {
        // Against a real deployment a person signs in the browser; poll the result meanwhile.
        Console.WriteLine("Open the URL above in a browser and sign; waiting for the result...");
        result = await client.WaitForResultAsync(process.Id, cancellationToken: ct);
        Console.WriteLine($"Result: {result}");
    }

    if (!result.Status.IsSigned)
    {
        Console.Error.WriteLine($"The document was not signed: {result}");
        return 2;
    }

    // 5. Download the signed PDF, then delete the document from TRIDENT.
    var outputPath = Path.Combine(Path.GetTempPath(), $"trident-signed-{process.Id}.pdf");
    foreach (var document in process.Documents ?? Array.Empty<SignerProcessDocument>())
    {
        await using var download = await client.DownloadDocumentContentAsync(document.Id, ct);
        await using var file = File.Create(outputPath);
        var bytes = await download.CopyToAsync(file, ct);
        Console.WriteLine($"Downloaded {bytes} bytes ({download.ContentType}) to {outputPath}");
        await client.DeleteDocumentAsync(document.Id, ct);
        Console.WriteLine($"Deleted document {document.Id} from TRIDENT");
    }

    return 0;
}
catch (Exception ex) when (ex is SigningClients.Core.SigningApiException or SignerProcessCallbackException or InvalidOperationException or OperationCanceledException or TimeoutException)
{
    Console.Error.WriteLine($"Failed: {ex.Message}");
    return 1;
}
