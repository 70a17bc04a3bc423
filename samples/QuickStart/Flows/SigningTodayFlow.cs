using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using SigningClients.Core;
using SigningClients.Testing;
using SigningToday.Dst;
using SigningToday.Dst.Models;

namespace QuickStart.Flows;

/// <summary>Signing Today: create and publish a DST from a PDF (robot) → the signer signs → wait → download the signed PDF.</summary>
internal sealed class SigningTodayFlow : IProviderFlow
{
    public string Provider => "SigningToday";

    public async Task<string> RunAgainstSimulatorAsync(FlowContext context, CancellationToken cancellationToken)
    {
        await using var simulator = await SigningTodaySimulator.StartAsync(cancellationToken: cancellationToken);
        var client = new SigningTodayClient(new SigningTodayClientOptions
        {
            Endpoint = simulator.ApiEndpoint,
            AllowHttpOnLoopback = true,
            RobotToken = simulator.Settings.RobotToken,
        });
        return await RunAsync(context, client, "adam.smith@example.com", dstId =>
        {
            simulator.Sign(dstId);
            context.Step("the simulated signer signed");
        }, cancellationToken);
    }

    public async Task<string> RunAgainstProviderAsync(FlowContext context, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var section = configuration.GetSection(Provider);
        var options = new SigningTodayClientOptions();
        section.Bind(options);
        var client = new SigningTodayClient(options);
        return await RunAsync(context, client, section["SignerEmail"] ?? throw new InvalidOperationException("Set SigningToday:SignerEmail."), _ => context.Step("waiting for the signer (signature ticket sent)"), cancellationToken);
    }

    private static async Task<string> RunAsync(FlowContext context, ISigningTodayClient client, string signerEmail, Action<string> sign, CancellationToken cancellationToken)
    {
        using var pdf = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"));
        var dst = await client.Robots.CreateAndPublishFromPdfAsync(pdf, "quickstart.pdf", "QuickStart agreement", new Signer { Name = "Adam", Surname = "Smith", Email = signerEmail }, cancellationToken: cancellationToken);
        context.Step($"created and published DST {dst.Id}; ticket {dst.GetSignatureTicketUrl()}");

        sign(dst.Id!);
        dst = await client.Dsts.WaitForDstStatusAsync(dst.Id!, new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(50) }, cancellationToken);
        context.Step($"DST {dst.Status}");
        if (dst.Status != DstStatus.Signed)
        {
            throw new InvalidOperationException("The DST ended as " + dst.Status + ".");
        }

        var path = context.OutputPath("signingtoday-signed.pdf");
        await using (var download = await client.Resources.DownloadAsync(dst.Documents![0].SignedDocumentUuid!, cancellationToken))
        {
            await download.SaveToFileAsync(path, overwrite: true, cancellationToken);
        }

        context.Step("downloaded the signed document");
        return path;
    }
}
