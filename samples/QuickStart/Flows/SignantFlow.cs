using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Signant.InstantSign;
using Signant.InstantSign.Models;
using SigningClients.Testing;

namespace QuickStart.Flows;

/// <summary>Signant instant signing: create a posting → sign on the signing page → wait (TTL-safe) → download with MD5 check.</summary>
internal sealed class SignantFlow : IProviderFlow
{
    public string Provider => "Signant";

    public async Task<string> RunAgainstSimulatorAsync(FlowContext context, CancellationToken cancellationToken)
    {
        await using var simulator = await SignantSimulator.StartAsync(cancellationToken: cancellationToken);
        var client = new SignantClient(new SignantClientOptions
        {
            Endpoint = simulator.ServiceAddress,
            AllowHttpOnLoopback = true,
            DistributorId = simulator.DistributorId,
            AccessCode = simulator.AccessCode,
        });
        return await RunAsync(context, client, simulator, cancellationToken);
    }

    public Task<string> RunAgainstProviderAsync(FlowContext context, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var options = new SignantClientOptions();
        configuration.GetSection(Provider).Bind(options);
        return RunAsync(context, new SignantClient(options), null, cancellationToken);
    }

    private static async Task<string> RunAsync(FlowContext context, ISignantClient client, SignantSimulator? simulator, CancellationToken cancellationToken)
    {
        var created = await client.CreateInstantPostingAsync(new InstantPosting
        {
            Title = "QuickStart agreement",
            Recipients = new[] { new InstantPostingRecipient { Name = "Kari Nordmann" } },
            AttachmentToSign = new InstantAttachment { File = new MemoryStream(Pdf()), FileName = "agreement.pdf" },
        }, cancellationToken);
        var url = created.SignUrls[0].Url!;
        context.Step($"created posting {created.PostingId}");

        if (simulator is not null)
        {
            using var browser = new HttpClient();
            (await browser.GetAsync(url, cancellationToken)).EnsureSuccessStatusCode();
            (await browser.PostAsync(url, new StringContent(string.Empty), cancellationToken)).EnsureSuccessStatusCode();
            context.Step("signed as Kari Nordmann on the simulator's signing page");
        }
        else
        {
            context.Step($"open {url} and sign within 15 minutes");
        }

        var path = context.OutputPath($"signant-{created.PostingId}.pdf");
        var outcome = await client.WaitForCompletionAndDownloadToFileAsync(created.PostingId, created.AttachmentId, path, overwrite: true, cancellationToken: cancellationToken);
        if (!outcome.IsDownloaded)
        {
            throw new InvalidOperationException("The Signant posting expired before it was signed.");
        }

        context.Step($"downloaded {outcome.Download!.Length} bytes, MD5 verified");
        return path;
    }

    private static byte[] Pdf() => System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n" +
        "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
}
