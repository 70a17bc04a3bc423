using System;
using System.ServiceModel;
using SigningClients.Benchmarks.Wcf;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Threading.Tasks;
using ConsignO.Workflows;
using Signant.InstantSign;
using Signant.InstantSign.Models;
using SigningClients.Benchmarks.Infrastructure;
using SigningToday.Dst;
using Trident.SignerProcess;
using Trident.SignerProcess.Models;

namespace SigningClients.Benchmarks.Memory;

/// <summary>One P3 streaming scenario: a client call that moves <c>size</c> bytes one way.</summary>
/// <remarks><paramref name="IsBaseline"/>: a competitor's client measured for comparison (P6), not held to the P3 target.</remarks>
internal sealed record MemoryScenario(string Name, string Provider, string Direction, string Description, Func<Uri, HttpClient, long, Task> RunAsync, bool IsBaseline = false);

/// <summary>The P3 scenarios: 256 MB up and down through each provider's document operations.</summary>
internal static class MemoryScenarios
{
    private static readonly List<MemoryScenario> Registered = new()
    {
        new("signingtoday-upload", "SigningToday", "upload", "Resources.AppendToDstAsync (multipart PATCH, streamed PDF)", SigningTodayUploadAsync),
        new("signingtoday-download", "SigningToday", "download", "Resources.DownloadAsync → CopyToAsync", SigningTodayDownloadAsync),
        new("consigno-upload", "ConsignO", "upload", "UploadDocumentAsync (multipart, streamed PDF)", ConsignOUploadAsync),
        new("consigno-download", "ConsignO", "download", "DownloadDocumentsAsync → CopyToAsync", ConsignODownloadAsync),
        new("trident-upload", "Trident", "upload", "CreateSignerProcessAsync (multipart: JSON + PDF)", TridentUploadAsync),
        new("trident-download", "Trident", "download", "DownloadDocumentContentAsync → CopyToAsync", TridentDownloadAsync),
        new("signant-upload", "Signant", "upload", "CreateInstantPostingAsync (SOAP, base64-encoded while sent)", SignantUploadAsync),
        new("signant-download", "Signant", "download", "DownloadInstantAttachmentAsync (SOAP, base64-decoded + MD5 while read)", SignantDownloadAsync),
        new("signant-download-wcf-streamed", "Signant (WCF client, P6 baseline)", "download", "generated WCF client, BasicHttpBinding TransferMode.StreamedResponse (byte[] member) + MD5 check", (s, h, n) => SignantWcfDownloadAsync(s, n, TransferMode.StreamedResponse), IsBaseline: true),
        new("signant-download-wcf-buffered", "Signant (WCF client, P6 baseline)", "download", "generated WCF client, BasicHttpBinding buffered (the default) + MD5 check", (s, h, n) => SignantWcfDownloadAsync(s, n, TransferMode.Buffered), IsBaseline: true),
    };

    public static IReadOnlyList<MemoryScenario> All => Registered;

    public static void Add(MemoryScenario scenario) => Registered.Add(scenario);

    public static MemoryScenario Get(string name) =>
        Registered.Find(s => s.Name == name) ?? throw new ArgumentException("Unknown memory scenario '" + name + "'.", nameof(name));

    private static SigningTodayClient SigningToday(Uri server, HttpClient http) =>
        new(new SigningTodayClientOptions { Endpoint = new Uri(server, "st/"), AllowHttpOnLoopback = true, RobotToken = Canned.SigningTodayRobotToken }, http);

    private static async Task SigningTodayUploadAsync(Uri server, HttpClient http, long size)
    {
        var client = SigningToday(server, http);
        using var pdf = new GeneratedPdfStream(size);
        var dst = await client.Resources.AppendToDstAsync("dst-00000001", pdf, "contract.pdf").ConfigureAwait(false);
        Check.True(dst.Id is { Length: > 0 }, "No DST in the answer.");
        Check.Equal(size, pdf.Position, "bytes read from the upload stream");
    }

    private static async Task SigningTodayDownloadAsync(Uri server, HttpClient http, long size)
    {
        var client = SigningToday(server, http);
        using var download = await client.Resources.DownloadAsync(size.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        var sink = new CountingStream();
        await download.Content.CopyToAsync(sink).ConfigureAwait(false);
        Check.Equal(size, sink.Count, "bytes downloaded");
    }

    private static ConsignOClient ConsignO(Uri server, HttpClient http) =>
        new(new ConsignOClientOptions { Endpoint = new Uri(server, "consigno/"), AllowHttpOnLoopback = true, Username = "bench", Password = "bench-password" }, http);

    private static async Task ConsignOUploadAsync(Uri server, HttpClient http, long size)
    {
        using var client = ConsignO(server, http);
        using var pdf = new GeneratedPdfStream(size);
        var id = await client.UploadDocumentAsync(pdf, "contract.pdf").ConfigureAwait(false);
        Check.True(id.Length > 0, "No document id.");
        Check.Equal(size, pdf.Position, "bytes read from the upload stream");
    }

    private static async Task ConsignODownloadAsync(Uri server, HttpClient http, long size)
    {
        using var client = ConsignO(server, http);
        using var download = await client.DownloadDocumentsAsync(size.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        var sink = new CountingStream();
        await download.Content.CopyToAsync(sink).ConfigureAwait(false);
        Check.Equal(size, sink.Count, "bytes downloaded");
    }

    private static TridentClient Trident(Uri server, HttpClient http) =>
        new(new TridentClientOptions { Endpoint = new Uri(server, "trident/"), AllowHttpOnLoopback = true, ClientId = "bench", ClientSecret = "bench-secret" }, http);

    private static async Task TridentUploadAsync(Uri server, HttpClient http, long size)
    {
        var client = Trident(server, http);
        using var pdf = new GeneratedPdfStream(size);
        var process = await client.CreateSignerProcessAsync(new SignerProcessDefinition { FinishCallbackUrl = new Uri("https://app.example/done") }, pdf, "contract.pdf").ConfigureAwait(false);
        Check.True(process.Id is { Length: > 0 }, "No signer process id.");
        Check.Equal(size, pdf.Position, "bytes read from the upload stream");
    }

    private static async Task TridentDownloadAsync(Uri server, HttpClient http, long size)
    {
        var client = Trident(server, http);
        using var download = await client.DownloadDocumentContentAsync(size.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        var sink = new CountingStream();
        await download.Content.CopyToAsync(sink).ConfigureAwait(false);
        Check.Equal(size, sink.Count, "bytes downloaded");
    }

    private static SignantClient Signant(Uri server, HttpClient http, long size) =>
        new(new SignantClientOptions { Endpoint = new Uri(server, "signant/" + size.ToString(CultureInfo.InvariantCulture)), AllowHttpOnLoopback = true, DistributorId = "dist-4711", AccessCode = "acc-bench-9c1e55" }, http);

    private static async Task SignantUploadAsync(Uri server, HttpClient http, long size)
    {
        var client = Signant(server, http, 0);
        using var pdf = new GeneratedPdfStream(size);
        var result = await client.CreateInstantPostingAsync(new InstantPosting
        {
            Title = "Order terms",
            Recipients = new[] { new InstantPostingRecipient { Name = "Kari Nordmann", Email = "kari@example.com" } },
            AttachmentToSign = new InstantAttachment { File = pdf, FileName = "terms.pdf" },
        }).ConfigureAwait(false);
        Check.Equal(Canned.SignantPostingId, result.PostingId);
        Check.Equal(size, pdf.Position, "bytes read from the upload stream");
    }

    private static async Task SignantDownloadAsync(Uri server, HttpClient http, long size)
    {
        var client = Signant(server, http, size);
        var sink = new CountingStream();
        var result = await client.DownloadInstantAttachmentAsync(Canned.SignantPostingId, Canned.SignantAttachmentId, sink).ConfigureAwait(false);
        Check.Equal(size, sink.Count, "bytes downloaded");
        Check.True(result.HashVerified, "The MD5 was not verified.");
    }

    /// <summary>P6 baseline: what a user of a generated WCF client writes (the file arrives as a byte[]; its MD5 is checked as the SDK does).</summary>
    private static async Task SignantWcfDownloadAsync(Uri server, long size, TransferMode mode)
    {
        var factory = SignantWcf.CreateFactory(new Uri(server, "signant/" + size.ToString(CultureInfo.InvariantCulture)), mode);
        var channel = factory.CreateChannel();
        try
        {
            var result = await channel.DownloadInstantAttachmentAsync("dist-4711", "acc-bench-9c1e55", Canned.SignantPostingId, Canned.SignantAttachmentId).ConfigureAwait(false);
            var file = result.AttachmentFile ?? Array.Empty<byte>();
            var sink = new CountingStream();
            await sink.WriteAsync(file).ConfigureAwait(false);
            Check.Equal(size, sink.Count, "bytes downloaded");
#pragma warning disable CA5351 // MD5 is the provider's integrity check, not a security measure.
            Check.Equal(result.FileHash, Convert.ToHexString(System.Security.Cryptography.MD5.HashData(file)).ToLowerInvariant(), "MD5");
#pragma warning restore CA5351
            ((IClientChannel)channel).Close();
        }
        finally
        {
            ((IClientChannel)channel).Abort();
            factory.Abort();
        }
    }
}
