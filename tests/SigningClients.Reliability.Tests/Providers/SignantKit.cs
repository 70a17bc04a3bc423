using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Signant.InstantSign;
using Signant.InstantSign.Models;
using SigningClients.Core;
using SigningClients.Reliability.Tests.Infrastructure;
using SigningClients.Testing;
using SigningClients.Testing.Signant;
using SigningClients.TestSupport;

namespace SigningClients.Reliability.Tests.Providers;

internal sealed class SignantKit : ProviderKit
{
    public const string Ssn = "01017012345";

    public override string Provider => "Signant";

    public override bool IsSoap => true;

    public override string BrokenBody => "<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\"><s:Body><GetPostingStatusResponse xmlns=\"http://tempuri.org/\"><GetPostingStatusResult><Success>true</Su";

    public override string BrokenBodyContentType => "text/xml; charset=utf-8";

    public override IReadOnlyList<OperationCase> Operations { get; } = BuildOperations();

    public override async Task<SimulatorHost> StartSimulatorAsync(SimulatorHostOptions host, CancellationToken cancellationToken)
        => await SignantSimulator.StartAsync(new SignantSimulatorOptions { Host = host }, cancellationToken);

    public override object CreateClient(SimulatorHost simulator, ClientSettings settings)
    {
        var sim = (SignantSimulator)simulator;
        var endpoint = settings.Endpoint == simulator.BaseAddress ? sim.ServiceAddress : new Uri(settings.Endpoint, SignantSimulator.ServicePath.TrimStart('/'));
        var options = new SignantClientOptions
        {
            Endpoint = endpoint,
            AllowHttpOnLoopback = true,
            DistributorId = sim.Settings.DistributorId,
            AccessCode = sim.Settings.AccessCode,
        };
        settings.Retry?.Invoke(options.Retry);
        Recorder.AddVisibleText(options.ToString());
        return new SignantClient(options, settings.HttpClient, settings.LoggerFactory, settings.TimeProvider);
    }

    public override IEnumerable<string> Secrets(SimulatorHost simulator) => new[] { ((SignantSimulator)simulator).Settings.AccessCode, Ssn };

    public static InstantPosting Posting(params string[] names) => new()
    {
        Title = "Order terms",
        Recipients = Array.ConvertAll(names.Length == 0 ? new[] { "Kari" } : names, n => new InstantPostingRecipient { Name = n, Ssn = Ssn }),
        AttachmentToSign = new InstantAttachment { File = new MemoryStream(TestPdf.Create("terms")), FileName = "terms.pdf", Description = "Terms" },
        AfterSignAction = AfterSignAction.CloseWindow,
    };

    private static async Task<CreateInstantPostingResult> CreateSignedAsync(SignantClient client, SignantSimulator sim, CancellationToken ct)
    {
        var created = await client.CreateInstantPostingAsync(Posting(), ct);
        sim.CompleteSigning(created.PostingId, "Kari");
        return created;
    }

    public override IReadOnlyList<BadArgumentCase> BadArguments { get; } = new List<BadArgumentCase>
    {
        Bad("CreateInstantPosting", "posting null", (c, ct) => c.CreateInstantPostingAsync(null!, ct)),
        Bad("CreateInstantPosting", "no title", (c, ct) => c.CreateInstantPostingAsync(With(p => new InstantPosting { Title = " ", Recipients = p.Recipients, AttachmentToSign = p.AttachmentToSign }), ct)),
        Bad("CreateInstantPosting", "no recipients", (c, ct) => c.CreateInstantPostingAsync(With(p => new InstantPosting { Title = "T", Recipients = Array.Empty<InstantPostingRecipient>(), AttachmentToSign = p.AttachmentToSign }), ct)),
        Bad("CreateInstantPosting", "recipient without name", (c, ct) => c.CreateInstantPostingAsync(With(p => new InstantPosting { Title = "T", Recipients = new[] { new InstantPostingRecipient { Name = string.Empty } }, AttachmentToSign = p.AttachmentToSign }), ct)),
        Bad("CreateInstantPosting", "not a PDF", (c, ct) => c.CreateInstantPostingAsync(With(p => new InstantPosting { Title = "T", Recipients = p.Recipients, AttachmentToSign = new InstantAttachment { File = new MemoryStream(new byte[] { (byte)'P', (byte)'K', 3, 4 }), FileName = "a.pdf" } }), ct)),
        Bad("CreateInstantPosting", "empty file", (c, ct) => c.CreateInstantPostingAsync(With(p => new InstantPosting { Title = "T", Recipients = p.Recipients, AttachmentToSign = new InstantAttachment { File = new MemoryStream(), FileName = "a.pdf" } }), ct)),
        Bad("CreateInstantPosting", "no file name", (c, ct) => c.CreateInstantPostingAsync(With(p => new InstantPosting { Title = "T", Recipients = p.Recipients, AttachmentToSign = new InstantAttachment { File = new MemoryStream(TestPdf.Create()), FileName = string.Empty } }), ct)),
        Bad("GetPostingStatus", "empty posting id", (c, ct) => c.GetPostingStatusAsync(Guid.Empty, ct)),
        Bad("DownloadInstantAttachment", "empty posting id", (c, ct) => c.DownloadInstantAttachmentAsync(Guid.Empty, Guid.NewGuid(), new MemoryStream(), ct)),
        Bad("DownloadInstantAttachment", "empty attachment id", (c, ct) => c.DownloadInstantAttachmentAsync(Guid.NewGuid(), Guid.Empty, new MemoryStream(), ct)),
        Bad("DownloadInstantAttachment", "destination null", (c, ct) => c.DownloadInstantAttachmentAsync(Guid.NewGuid(), Guid.NewGuid(), null!, ct)),
        Bad("DownloadInstantAttachment", "read-only destination", (c, ct) => c.DownloadInstantAttachmentAsync(Guid.NewGuid(), Guid.NewGuid(), new MemoryStream(new byte[4], writable: false), ct)),
        Bad("WaitForCompletionAndDownload", "empty posting id", (c, ct) => c.WaitForCompletionAndDownloadAsync(Guid.Empty, Guid.NewGuid(), new MemoryStream(), null, ct)),
        Bad("WaitForCompletionAndDownload", "destination null", (c, ct) => c.WaitForCompletionAndDownloadAsync(Guid.NewGuid(), Guid.NewGuid(), null!, null, ct)),
    };

    public override IReadOnlyList<FuzzTarget> FuzzTargets { get; } = new List<FuzzTarget>
    {
        new("GetPostingStatus (SOAP 200)", "POST", _ => SignantSimulator.ServicePath, 200,
            async (c, s, ct) => await CreateSignedAsync((SignantClient)c, (SignantSimulator)s, ct),
            (c, p, ct) => ((SignantClient)c).GetPostingStatusAsync(((CreateInstantPostingResult)p!).PostingId, ct)),
        new("DownloadInstantAttachment (SOAP 200)", "POST", _ => SignantSimulator.ServicePath, 200,
            async (c, s, ct) => await CreateSignedAsync((SignantClient)c, (SignantSimulator)s, ct),
            (c, p, ct) => ((SignantClient)c).DownloadInstantAttachmentAsync(((CreateInstantPostingResult)p!).PostingId, ((CreateInstantPostingResult)p!).AttachmentId, new MemoryStream(), ct)),
        new("SOAP Fault (500)", "POST", _ => SignantSimulator.ServicePath, 500,
            async (c, s, ct) => await CreateSignedAsync((SignantClient)c, (SignantSimulator)s, ct),
            (c, p, ct) => ((SignantClient)c).GetPostingStatusAsync(((CreateInstantPostingResult)p!).PostingId, ct),
            ContentType: "text/xml; charset=utf-8",
            Seed: FaultSpec.SoapFault),
    };

    private static OperationCase WaitCase(OperationCase op)
    {
        op.PollsThroughFaults = true;
        return op;
    }

    private static InstantPosting With(Func<InstantPosting, InstantPosting> change) => change(Posting());

    private static BadArgumentCase Bad(string operation, string name, Func<SignantClient, CancellationToken, Task> call)
        => new(operation, name, (c, ct) => call((SignantClient)c, ct));

    private static List<OperationCase> BuildOperations()
    {
        const string Post = "POST";
        var route = SignantSimulator.ServicePath;
        return new List<OperationCase>
        {
            Op<SignantClient, SignantSimulator, int>(
                "CreateInstantPosting", Idempotency.NotIdempotent, Post,
                (c, s, ct) => Task.FromResult(s.Postings.Count),
                _ => route,
                (c, _, ct) => c.CreateInstantPostingAsync(Posting(), ct),
                effect: (s, before) => s.Postings.Count - before),
            Op<SignantClient, SignantSimulator, CreateInstantPostingResult>(
                "GetPostingStatus", Idempotency.Safe, Post,
                CreateSignedAsync,
                _ => route,
                (c, p, ct) => c.GetPostingStatusAsync(p.PostingId, ct)),
            Op<SignantClient, SignantSimulator, CreateInstantPostingResult>(
                "DownloadInstantAttachment", Idempotency.Safe, Post,
                CreateSignedAsync,
                _ => route,
                (c, p, ct) => c.DownloadInstantAttachmentAsync(p.PostingId, p.AttachmentId, new MemoryStream(), ct)),
            WaitCase(Op<SignantClient, SignantSimulator, CreateInstantPostingResult>(
                "WaitForCompletionAndDownload", Idempotency.Safe, Post,
                CreateSignedAsync,
                _ => route,
                async (c, p, ct) =>
                {
                    var outcome = await c.WaitForCompletionAndDownloadAsync(p.PostingId, p.AttachmentId, new MemoryStream(), new WaitForCompletionOptions { Polling = new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(8) } }, ct);
                    if (!outcome.IsDownloaded)
                    {
                        throw new InvalidOperationException("signed posting not downloaded: " + outcome.Kind);
                    }
                })),
        };
    }
}
