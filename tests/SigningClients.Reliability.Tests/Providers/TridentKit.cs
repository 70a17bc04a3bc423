using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Reliability.Tests.Infrastructure;
using SigningClients.Testing;
using SigningClients.Testing.Trident;
using SigningClients.TestSupport;
using Trident.SignerProcess;
using Trident.SignerProcess.Callbacks;
using Trident.SignerProcess.Models;

namespace SigningClients.Reliability.Tests.Providers;

internal sealed class TridentKit : ProviderKit
{
    public const string Resources = "/trustedx-resources/esignsp/v2";

    public static readonly Uri CallbackUrl = new("https://app.example.com/trident/callback?session=rel");

    public override string Provider => "Trident";

    public override string BrokenBody => "{\"id\":\"sp-1\",\"status\":\"pend";

    public override string BrokenBodyContentType => "application/json";

    public override IReadOnlyList<OperationCase> Operations { get; } = BuildOperations();

    public override async Task<SimulatorHost> StartSimulatorAsync(SimulatorHostOptions host, CancellationToken cancellationToken)
        => await TridentSimulator.StartAsync(new TridentSimulatorOptions { Host = host }, cancellationToken);

    public override object CreateClient(SimulatorHost simulator, ClientSettings settings)
    {
        var sim = (TridentSimulator)simulator;
        var options = new TridentClientOptions
        {
            Endpoint = settings.Endpoint,
            AllowHttpOnLoopback = true,
            ClientId = sim.ClientId,
            ClientSecret = sim.ClientSecret,
            AuthServer = sim.AuthServer,
        };
        settings.Retry?.Invoke(options.Retry);
        options.Polling.InitialInterval = TimeSpan.FromMilliseconds(5);
        options.Polling.MaxInterval = TimeSpan.FromMilliseconds(20);
        options.Polling.Timeout = TimeSpan.FromSeconds(8);
        Recorder.AddVisibleText(options.ToString());
        return new TridentClient(options, settings.HttpClient, settings.LoggerFactory, settings.TimeProvider);
    }

    public override IReadOnlyList<BadArgumentCase> BadArguments { get; } = BuildBadArguments();

    public override IReadOnlyList<FuzzTarget> FuzzTargets { get; } = new List<FuzzTarget>
    {
        new("GetSignerProcess (200 body)", "GET", p => Resources + "/signer_processes/" + ((TridentSignerProcess)p!).Id, 200,
            async (c, s, ct) => await CreateAsync((TridentClient)c, ct),
            (c, p, ct) => ((TridentClient)c).GetSignerProcessAsync(((TridentSignerProcess)p!).Id, ct)),
        new("GetSignerProcessResult (200 body)", "GET", p => Resources + "/signer_processes/" + ((Signed)p!).ProcessId + "/result", 200,
            async (c, s, ct) => await CreateSignedAsync((TridentClient)c, (TridentSimulator)s, ct),
            (c, p, ct) => ((TridentClient)c).GetSignerProcessResultAsync(((Signed)p!).ProcessId, ct)),
        new("CreateSignerProcess (error body, 400)", "POST", _ => Resources + "/signer_processes", 400,
            (c, s, ct) => Task.FromResult<object?>(null),
            (c, _, ct) => CreateAsync((TridentClient)c, ct),
            Seed: "{\"error\":\"invalid_request\",\"error_description\":\"The finish_callback_url is not allowed.\",\"code\":\"1234\"}"),
    };

    private static List<BadArgumentCase> BuildBadArguments()
    {
        var list = new List<BadArgumentCase>
        {
            Bad("CreateSignerProcess", "process null", (c, ct) => c.CreateSignerProcessAsync(null!, new MemoryStream(new byte[] { 1 }), "a.pdf", ct)),
            Bad("CreateSignerProcess", "relative callback URL", (c, ct) => c.CreateSignerProcessAsync(new SignerProcessDefinition { FinishCallbackUrl = new Uri("/cb", UriKind.Relative) }, new MemoryStream(new byte[] { 1 }), "a.pdf", ct)),
            Bad("CreateSignerProcess", "non-http callback URL", (c, ct) => c.CreateSignerProcessAsync(new SignerProcessDefinition { FinishCallbackUrl = new Uri("ftp://example.com/cb") }, new MemoryStream(new byte[] { 1 }), "a.pdf", ct)),
            Bad("CreateSignerProcess", "document null", (c, ct) => c.CreateSignerProcessAsync(Definition(), null!, "a.pdf", ct)),
            Bad("CreateSignerProcess", "unreadable document", (c, ct) => c.CreateSignerProcessAsync(Definition(), ClosedStream(), "a.pdf", ct)),
            Bad("CreateSignerProcess", "file name empty", (c, ct) => c.CreateSignerProcessAsync(Definition(), new MemoryStream(new byte[] { 1 }), string.Empty, ct)),
            Bad("CreateSignerProcess", "file name null", (c, ct) => c.CreateSignerProcessAsync(Definition(), new MemoryStream(new byte[] { 1 }), null!, ct)),
            Bad("ConfirmCallback", "callback null", (c, ct) => c.ConfirmCallbackAsync(null!, "sp-1", ct)),
        };
        foreach (var id in new[] { string.Empty, null })
        {
            var label = id is null ? "id null" : "id empty";
            list.Add(Bad("GetSignerProcess", label, (c, ct) => c.GetSignerProcessAsync(id!, ct)));
            list.Add(Bad("GetSignerProcessResult", label, (c, ct) => c.GetSignerProcessResultAsync(id!, ct)));
            list.Add(Bad("WaitForResult", label, (c, ct) => c.WaitForResultAsync(id!, null, ct)));
            list.Add(Bad("ListDocuments", label, (c, ct) => { c.ListDocumentsAsync(id!, ct); return Task.CompletedTask; }));
            list.Add(Bad("GetDocument", label, (c, ct) => c.GetDocumentAsync(id!, ct)));
            list.Add(Bad("DownloadDocumentContent", label, (c, ct) => c.DownloadDocumentContentAsync(id!, ct)));
            list.Add(Bad("DeleteDocument", label, (c, ct) => c.DeleteDocumentAsync(id!, ct)));
        }

        return list;
    }

    private static BadArgumentCase Bad(string operation, string name, Func<TridentClient, CancellationToken, Task> call)
        => new(operation, name, (c, ct) => call((TridentClient)c, ct));

    private static Stream ClosedStream()
    {
        var stream = new MemoryStream(new byte[] { 1 });
        stream.Dispose();
        return stream;
    }

    public override IEnumerable<string> Secrets(SimulatorHost simulator) => new[] { ((TridentSimulator)simulator).ClientSecret };

    public static SignerProcessDefinition Definition() => new()
    {
        ProcessType = SignerProcessType.DocumentSignEsigp,
        FinishCallbackUrl = CallbackUrl,
    };

    public static async Task<TridentSignerProcess> CreateAsync(TridentClient client, CancellationToken ct)
    {
        using var pdf = new MemoryStream(TestPdf.Create("Contract"));
        return await client.CreateSignerProcessAsync(Definition(), pdf, "contract.pdf", ct);
    }

    /// <summary>A signed process: id, the callback URL the browser came back with, the document id.</summary>
    internal sealed record Signed(string ProcessId, Uri Callback, string DocumentId);

    private static async Task<Signed> CreateSignedAsync(TridentClient client, TridentSimulator sim, CancellationToken ct)
    {
        var process = await CreateAsync(client, ct);
        var callback = sim.CompleteSigning(process.Id);
        string? documentId = null;
        await foreach (var document in client.ListDocumentsAsync(process.Id, ct))
        {
            documentId = document.Id;
        }

        return new Signed(process.Id, callback, documentId ?? throw new InvalidOperationException("no document"));
    }

    private static async Task ReadAllAsync(Task<SigningDownload> download, CancellationToken ct)
    {
        await using var result = await download;
        await result.CopyToAsync(Stream.Null, ct);
    }

    private static List<OperationCase> BuildOperations()
    {
        return new List<OperationCase>
        {
            Op<TridentClient, TridentSimulator, int>(
                "CreateSignerProcess", Idempotency.NotIdempotent, "POST",
                (c, s, ct) => Task.FromResult(s.SignerProcessIds.Count),
                _ => Resources + "/signer_processes",
                (c, _, ct) => CreateAsync(c, ct),
                effect: (s, before) => s.SignerProcessIds.Count - before),
            Op<TridentClient, TridentSimulator, TridentSignerProcess>(
                "GetSignerProcess", Idempotency.Safe, "GET",
                (c, s, ct) => CreateAsync(c, ct),
                p => Resources + "/signer_processes/" + p.Id,
                (c, p, ct) => c.GetSignerProcessAsync(p.Id, ct)),
            Op<TridentClient, TridentSimulator, Signed>(
                "GetSignerProcessResult", Idempotency.Safe, "GET",
                CreateSignedAsync,
                p => Resources + "/signer_processes/" + p.ProcessId + "/result",
                (c, p, ct) => c.GetSignerProcessResultAsync(p.ProcessId, ct)),
            Op<TridentClient, TridentSimulator, Signed>(
                "WaitForResult", Idempotency.Safe, "GET",
                CreateSignedAsync,
                p => Resources + "/signer_processes/" + p.ProcessId + "/result",
                (c, p, ct) => c.WaitForResultAsync(p.ProcessId, null, ct)),
            Op<TridentClient, TridentSimulator, Signed>(
                "ConfirmCallback", Idempotency.Safe, "GET",
                CreateSignedAsync,
                p => Resources + "/signer_processes/" + p.ProcessId + "/result",
                (c, p, ct) => c.ConfirmCallbackAsync(SignerProcessCallback.Parse(p.Callback), p.ProcessId, ct),
                documented: ex => ex is SignerProcessCallbackException),
            Op<TridentClient, TridentSimulator, Signed>(
                "ListDocuments", Idempotency.Safe, "GET",
                CreateSignedAsync,
                p => Resources + "/signer_processes/" + p.ProcessId + "/documents",
                async (c, p, ct) =>
                {
                    await foreach (var unused in c.ListDocumentsAsync(p.ProcessId, ct))
                    {
                    }
                }),
            Op<TridentClient, TridentSimulator, Signed>(
                "GetDocument", Idempotency.Safe, "GET",
                CreateSignedAsync,
                p => Resources + "/documents/" + p.DocumentId,
                (c, p, ct) => c.GetDocumentAsync(p.DocumentId, ct)),
            Op<TridentClient, TridentSimulator, Signed>(
                "DownloadDocumentContent", Idempotency.Safe, "GET",
                CreateSignedAsync,
                p => Resources + "/documents/" + p.DocumentId + "/content",
                (c, p, ct) => ReadAllAsync(c.DownloadDocumentContentAsync(p.DocumentId, ct), ct)),
            Op<TridentClient, TridentSimulator, Signed>(
                "DeleteDocument", Idempotency.Idempotent, "DELETE",
                CreateSignedAsync,
                p => Resources + "/documents/" + p.DocumentId,
                (c, p, ct) => c.DeleteDocumentAsync(p.DocumentId, ct)),
        };
    }
}
