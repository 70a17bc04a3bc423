using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ConsignO.Workflows;
using ConsignO.Workflows.Models;
using Microsoft.Extensions.Configuration;
using SigningClients.Testing;

namespace QuickStart.Flows;

/// <summary>ConsignO Cloud: upload → create and launch a workflow → the signer signs → wait → download.</summary>
internal sealed class ConsignOFlow : IProviderFlow
{
    public string Provider => "ConsignO";

    public async Task<string> RunAgainstSimulatorAsync(FlowContext context, CancellationToken cancellationToken)
    {
        await using var simulator = await ConsignOSimulator.StartAsync(new() { RotateTokenEvery = 2 }, cancellationToken);
        var options = new ConsignOClientOptions
        {
            Endpoint = simulator.ApiEndpoint,
            AllowHttpOnLoopback = true,
            Username = simulator.Settings.Username,
            Password = simulator.Settings.Password,
            Polling = new() { InitialInterval = TimeSpan.FromMilliseconds(50) },
        };
        using var client = new ConsignOClient(options);
        return await RunAsync(context, client, "ann.lee@example.com", workflowId =>
        {
            simulator.SignAll(workflowId);
            context.Step("the simulated signer signed");
        }, cancellationToken);
    }

    public async Task<string> RunAgainstProviderAsync(FlowContext context, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var section = configuration.GetSection(Provider);
        var options = new ConsignOClientOptions();
        section.Bind(options);
        using var client = new ConsignOClient(options);
        return await RunAsync(context, client, section["SignerEmail"] ?? throw new InvalidOperationException("Set ConsignO:SignerEmail."), _ => context.Step("waiting for the signer (email sent)"), cancellationToken);
    }

    private static async Task<string> RunAsync(FlowContext context, IConsignOClient client, string signerEmail, Action<string> sign, CancellationToken cancellationToken)
    {
        using var pdf = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"));
        var documentId = await client.UploadDocumentAsync(pdf, "quickstart.pdf", cancellationToken: cancellationToken);
        context.Step($"uploaded document {documentId}");

        var workflow = await client.CreateWorkflowAsync(
            new WorkflowBuilder("QuickStart agreement")
                .AddDocument(documentId, d => d.AddZone("signer", page: 1, x: 72, y: 650))
                .AddRemoteSigner("signer", new SignerDefinition { FirstName = "Ann", LastName = "Lee", Email = signerEmail, Amr = new[] { AuthenticationMethod.Link } })
                .LaunchOnCreate()
                .Build(),
            cancellationToken);
        context.Step($"launched workflow {workflow.Id}");

        sign(workflow.Id);
        workflow = await client.WaitForCompletionAsync(workflow.Id, cancellationToken: cancellationToken);
        context.Step($"workflow {workflow.Status}");
        if (workflow.Status != WorkflowStatus.Completed)
        {
            throw new InvalidOperationException("The workflow ended as " + workflow.Status + ".");
        }

        await using var download = await client.DownloadDocumentsAsync(workflow.Id, cancellationToken);
        var path = context.OutputPath(download.ContentType == "application/zip" ? "consigno-signed.zip" : "consigno-signed.pdf");
        await download.SaveToFileAsync(path, overwrite: true, cancellationToken);

        await using var audit = await client.DownloadAuditTrailAsync(workflow.Id, cancellationToken);
        await audit.SaveToFileAsync(context.OutputPath("consigno-audit-trail.pdf"), overwrite: true, cancellationToken);

        context.Step("downloaded the signed document and the audit trail");
        return path;
    }
}
