// Signing Today sample: create a DST from a PDF with one signer (robot endpoint), publish, sign, wait, download.
// Runs against the in-process simulator unless the "SigningToday" configuration section has an Endpoint.
using System;
using System.IO;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SigningClients.Core;
using SigningClients.Testing;
using SigningToday.Dst;
using SigningToday.Dst.Models;

var builder = Host.CreateApplicationBuilder(args);
var section = builder.Configuration.GetSection("SigningToday");
SigningTodaySimulator? simulator = null;
if (string.IsNullOrEmpty(section["Endpoint"]))
{
    simulator = await SigningTodaySimulator.StartAsync();
    builder.Configuration.AddInMemoryCollection(new System.Collections.Generic.Dictionary<string, string?>
    {
        ["SigningToday:Endpoint"] = simulator.ApiEndpoint.AbsoluteUri,
        ["SigningToday:AllowHttpOnLoopback"] = "true",
        ["SigningToday:RobotToken"] = simulator.Settings.RobotToken,
    });
}

builder.Services.AddSigningTodayClient(builder.Configuration.GetSection("SigningToday"));
using var host = builder.Build();
var client = host.Services.GetRequiredService<ISigningTodayClient>();

try
{
    using var pdf = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"));
    var signer = new Signer { Name = "Adam", Surname = "Smith", Email = section["SignerEmail"] ?? "adam.smith@example.com" };
    var dst = await client.Robots.CreateAndPublishFromPdfAsync(pdf, "contract.pdf", "Sales contract", signer,
        new PdfDstOptions { ExtraData = SigningTodayExtraData.ForDst(urlBack: new Uri("https://example.com/thanks")) });
    Console.WriteLine($"Created DST {dst.Id} ({dst.Status}); signature ticket: {dst.GetSignatureTicketUrl()}");

    simulator?.Sign(dst.Id!); // with the real service, the signer signs from the ticket
    dst = await client.Dsts.WaitForDstStatusAsync(dst.Id!, new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(100) });
    Console.WriteLine($"DST is {dst.Status}");
    if (dst.Status != DstStatus.Signed)
    {
        return 1;
    }

    await using var download = await client.Resources.DownloadAsync(dst.Documents![0].SignedDocumentUuid!);
    await using var file = File.Create("signingtoday-signed.pdf");
    var bytes = await download.CopyToAsync(file);
    Console.WriteLine($"Downloaded {bytes} bytes to signingtoday-signed.pdf");
    return 0;
}
catch (SigningApiException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
finally
{
    if (simulator is not null)
    {
        await simulator.DisposeAsync();
    }
}
