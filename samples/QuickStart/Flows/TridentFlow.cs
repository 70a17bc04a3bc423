using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SigningClients.Testing;
using Trident.SignerProcess;
using Trident.SignerProcess.Callbacks;
using Trident.SignerProcess.Models;

namespace QuickStart.Flows;

/// <summary>TRIDENT: create a signer process → 302 to the task URL → the user signs → callback confirmed → download.</summary>
internal sealed class TridentFlow : IProviderFlow
{
    public string Provider => "Trident";

    public async Task<string> RunAgainstSimulatorAsync(FlowContext context, CancellationToken cancellationToken)
    {
        await using var simulator = await TridentSimulator.StartAsync(cancellationToken: cancellationToken);
        context.Step("simulator on " + simulator.BaseAddress);
        var services = new ServiceCollection();
        services.AddTridentClient(o =>
        {
            o.Endpoint = simulator.BaseAddress;
            o.AllowHttpOnLoopback = true;
            o.ClientId = simulator.ClientId;
            o.ClientSecret = simulator.ClientSecret;
            o.AuthServer = simulator.AuthServer;
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ITridentClient>();

        var process = await CreateAsync(client, context, cancellationToken);
        var executionUrl = process.GetExecutionUrl();
        context.Step("302 Found, Location: " + executionUrl);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var signed = await browser.GetAsync(executionUrl.AbsoluteUri + "?action=sign", cancellationToken);
        if (signed.StatusCode != HttpStatusCode.Found || signed.Headers.Location is null)
        {
            throw new InvalidOperationException("Expected a 302 to the callback, got " + (int)signed.StatusCode + ".");
        }

        var callback = SignerProcessCallback.ParseAndVerify(signed.Headers.Location, process.Id);
        context.Step("callback received: " + callback.Status);
        var result = await client.ConfirmCallbackAsync(callback, process.Id, cancellationToken);
        context.Step("confirmed by TRIDENT: " + result);
        return await DownloadAsync(client, process, result, context, cancellationToken);
    }

    public async Task<string> RunAgainstProviderAsync(FlowContext context, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddTridentClient(configuration.GetSection("Trident"));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ITridentClient>();

        var process = await CreateAsync(client, context, cancellationToken);
        context.Step("open in a browser and sign: " + process.GetExecutionUrl());
        var result = await client.WaitForResultAsync(process.Id, cancellationToken: cancellationToken);
        context.Step("result: " + result);
        return await DownloadAsync(client, process, result, context, cancellationToken);
    }

    private static async Task<TridentSignerProcess> CreateAsync(ITridentClient client, FlowContext context, CancellationToken cancellationToken)
    {
        var definition = new SignerProcessDefinition
        {
            FinishCallbackUrl = new Uri("https://app.example.com/trident/callback"),
            Signer = new SignerProcessSigner
            {
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
        };
        using var pdf = new MemoryStream(MinimalPdf("QuickStart - Trident"));
        var process = await client.CreateSignerProcessAsync(definition, pdf, "quickstart.pdf", cancellationToken);
        context.Step("created signer process " + process.Id);
        return process;
    }

    private static async Task<string> DownloadAsync(ITridentClient client, TridentSignerProcess process, SignerProcessResult result, FlowContext context, CancellationToken cancellationToken)
    {
        if (!result.Status.IsSigned)
        {
            throw new InvalidOperationException("The document was not signed: " + result);
        }

        var document = process.Documents![0];
        var path = context.OutputPath("trident-" + process.Id + ".pdf");
        await using (var download = await client.DownloadDocumentContentAsync(document.Id, cancellationToken))
        {
            var bytes = await download.SaveToFileAsync(path, overwrite: true, cancellationToken);
            context.Step("downloaded " + bytes + " bytes");
        }

        await client.DeleteDocumentAsync(document.Id, cancellationToken);
        context.Step("deleted document " + document.Id);
        return path;
    }

    private static byte[] MinimalPdf(string text)
    {
        var content = "BT /F1 24 Tf 72 720 Td (" + text + ") Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + content.Length + " >>\nstream\n" + content + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (int i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }

        int xref = pdf.Length;
        pdf.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(offset.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        pdf.Append("trailer\n<< /Size ").Append(objects.Length + 1).Append(" /Root 1 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
