// ConsignO sample: upload a PDF, create and launch a workflow with one remote signer and one zone, let the signer
// sign, wait for completion, download the signed document and the audit trail.
// By default it runs against the in-process ConsignO simulator. To use the real service, configure the "ConsignO"
// section (appsettings.json, user secrets or environment variables such as ConsignO__Endpoint, ConsignO__Username,
// ConsignO__Password, ConsignO__Tenant, ConsignO__SignerEmail).
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ConsignO.Workflows;
using ConsignO.Workflows.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SigningClients.Testing;

var builder = Host.CreateApplicationBuilder(args);
builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
var section = builder.Configuration.GetSection("ConsignO");
bool real = !string.IsNullOrEmpty(section["Endpoint"]);
ConsignOSimulator? simulator = null;
try
{
    if (real)
    {
        builder.Services.AddConsignOClient(section);
    }
    else
    {
        simulator = await ConsignOSimulator.StartAsync(new() { RotateTokenEvery = 3 });
        builder.Configuration["ConsignO:Endpoint"] = simulator.ApiEndpoint.ToString();
        builder.Configuration["ConsignO:AllowHttpOnLoopback"] = "true";
        builder.Configuration["ConsignO:Username"] = simulator.Settings.Username;
        builder.Configuration["ConsignO:Password"] = simulator.Settings.Password;
        builder.Configuration["ConsignO:Polling:InitialInterval"] = "00:00:00.100";
        builder.Services.AddConsignOClient(section);
    }

    using var host = builder.Build();
    var client = host.Services.GetRequiredService<IConsignOClient>();
    using var timeout = new CancellationTokenSource(real ? TimeSpan.FromHours(1) : TimeSpan.FromMinutes(1));
    var ct = timeout.Token;

    using var pdf = new MemoryStream(SamplePdf.Create("Service agreement"));
    var documentId = await client.UploadDocumentAsync(pdf, "agreement.pdf", cancellationToken: ct);
    Console.WriteLine($"Uploaded document {documentId}");

    var request = new WorkflowBuilder("Service agreement")
        .ExpiresOn(DateTime.UtcNow.AddDays(14))
        .AddDocument(documentId, d => d.AddZone("client", page: 1, x: 72, y: 650))
        .AddRemoteSigner("client", new SignerDefinition
        {
            Type = SignerType.Esig,
            FirstName = "Ann",
            LastName = "Lee",
            Email = section["SignerEmail"] ?? "ann.lee@example.com",
            Lang = SignerLanguage.English,
            Amr = new[] { AuthenticationMethod.Link },
        })
        .LaunchOnCreate()
        .Build();
    var workflow = await client.CreateWorkflowAsync(request, ct);
    Console.WriteLine($"Launched workflow {workflow.Id} ({workflow.Status})");

    if (simulator is not null)
    {
        simulator.SignAll(workflow.Id);
        Console.WriteLine("The simulated signer signed");
    }
    else
    {
        Console.WriteLine("Waiting for the signer (an email was sent)...");
    }

    workflow = await client.WaitForCompletionAsync(workflow.Id, cancellationToken: ct);
    Console.WriteLine($"Workflow {workflow.Id} is {workflow.Status}");
    if (workflow.Status != WorkflowStatus.Completed)
    {
        return 1;
    }

    await using (var documents = await client.DownloadDocumentsAsync(workflow.Id, ct))
    await using (var file = File.Create(Path.Combine(Path.GetTempPath(), documents.ContentType == "application/zip" ? "consigno-signed-documents.zip" : "consigno-signed-agreement.pdf")))
    {
        long bytes = await documents.CopyToAsync(file, ct);
        Console.WriteLine($"Saved {file.Name} ({bytes:N0} bytes, {documents.ContentType})");
    }

    await using (var audit = await client.DownloadAuditTrailAsync(workflow.Id, ct))
    await using (var file = File.Create(Path.Combine(Path.GetTempPath(), "consigno-audit-trail.pdf")))
    {
        long bytes = await audit.CopyToAsync(file, ct);
        Console.WriteLine($"Saved {file.Name} ({bytes:N0} bytes)");
    }

    await client.LogoutAsync(ct);
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine("Failed: " + ex.Message);
    return 1;
}
finally
{
    if (simulator is not null)
    {
        await simulator.DisposeAsync();
    }
}

/// <summary>A minimal one-page PDF with a line of text.</summary>
