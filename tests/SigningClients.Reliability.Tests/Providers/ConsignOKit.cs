using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ConsignO.Workflows;
using ConsignO.Workflows.Models;
using SigningClients.Core;
using SigningClients.Reliability.Tests.Infrastructure;
using SigningClients.Testing;
using SigningClients.Testing.ConsignO;
using SigningClients.TestSupport;

namespace SigningClients.Reliability.Tests.Providers;

/// <summary>ConsignO Cloud workflows: all 11 public operations of <see cref="IConsignOClient"/>.</summary>
internal sealed class ConsignOKit : ProviderKit
{
    public const string Api = "/api/v1";

    public static readonly Uri ReturnUrl = new("https://app.example.com/consigno/return");

    public override string Provider => ConsignOClient.ProviderName;

    public override string BrokenBody => "{\"msg\":\"OK\",\"parameters\":null,\"response\":{\"id\":\"0000000000000000000000a1\",\"status\":1,\"na";

    public override string BrokenBodyContentType => "application/json; charset=utf-8";

    public override IReadOnlyList<OperationCase> Operations { get; } = BuildOperations();

    public override async Task<SimulatorHost> StartSimulatorAsync(SimulatorHostOptions host, CancellationToken cancellationToken)
        => await ConsignOSimulator.StartAsync(new ConsignOSimulatorOptions { Host = host }, cancellationToken);

    public override object CreateClient(SimulatorHost simulator, ClientSettings settings)
    {
        var sim = (ConsignOSimulator)simulator;
        var options = new ConsignOClientOptions
        {
            Endpoint = new Uri(settings.Endpoint, "api/v1/"),
            AllowHttpOnLoopback = true,
            Username = sim.Settings.Username,
            Password = sim.Settings.Password,
            // The kit's workflows have an embedded signer; the simulator stands for an organisation's own tenant.
            EmbeddedSigningEnabled = true,
        };
        settings.Retry?.Invoke(options.Retry);
        options.Polling.InitialInterval = TimeSpan.FromMilliseconds(5);
        options.Polling.MaxInterval = TimeSpan.FromMilliseconds(20);
        options.Polling.Timeout = TimeSpan.FromSeconds(8);
        Recorder.AddVisibleText(options.ToString());
        return new ConsignOClient(options, settings.HttpClient, settings.LoggerFactory, settings.TimeProvider);
    }

    public override IEnumerable<string> Secrets(SimulatorHost simulator) => new[] { ((ConsignOSimulator)simulator).Settings.Password };

    /// <summary>A launched workflow: its id and the embedded signer's action id.</summary>
    internal sealed record Flow(string WorkflowId, string ActionId);

    public static SignerDefinition Signer() => new() { FirstName = "Ann", LastName = "Lee", Email = "ann@example.com" };

    public static async Task<string> UploadAsync(ConsignOClient client, CancellationToken ct)
    {
        using var pdf = new MemoryStream(TestPdf.Create("ConsignO contract"));
        return await client.UploadDocumentAsync(pdf, "contract.pdf", null, ct);
    }

    public static CreateWorkflowRequest Definition(string documentId) =>
        new WorkflowBuilder("Contract")
            .AddDocument(documentId, d => d.AddZone("ann", 1, 100, 100))
            .AddEmbeddedSigner("ann", Signer(), ReturnUrl)
            .LaunchOnCreate()
            .Build();

    public static async Task<Flow> LaunchAsync(ConsignOClient client, CancellationToken ct)
    {
        var workflow = await client.CreateWorkflowAsync(Definition(await UploadAsync(client, ct)), ct);
        return new Flow(workflow.Id, (workflow.Actions is { Count: > 0 } actions ? actions[0].Id : null) ?? throw new InvalidOperationException("no action"));
    }

    public static async Task<Flow> CompletedAsync(ConsignOClient client, ConsignOSimulator sim, CancellationToken ct)
    {
        var flow = await LaunchAsync(client, ct);
        sim.SignAll(flow.WorkflowId);
        return flow;
    }

    private static async Task ReadAllAsync(Task<SigningDownload> download, CancellationToken ct)
    {
        await using var result = await download;
        await result.CopyToAsync(Stream.Null, ct);
    }

    public override IReadOnlyList<BadArgumentCase> BadArguments { get; } = BuildBadArguments();

    private static List<BadArgumentCase> BuildBadArguments()
    {
        var list = new List<BadArgumentCase>
        {
            Bad("UploadDocument", "stream null", (c, ct) => c.UploadDocumentAsync(null!, "a.pdf", null, ct)),
            Bad("UploadDocument", "unreadable stream", (c, ct) => c.UploadDocumentAsync(Closed(), "a.pdf", null, ct)),
            Bad("UploadDocument", "not a PDF", (c, ct) => c.UploadDocumentAsync(new MemoryStream(new byte[] { (byte)'P', (byte)'K', 3, 4, 5, 6 }), "a.pdf", null, ct)),
            Bad("UploadDocument", "empty content", (c, ct) => c.UploadDocumentAsync(new MemoryStream(), "a.pdf", null, ct)),
            Bad("UploadDocument", "file name empty", (c, ct) => c.UploadDocumentAsync(new MemoryStream(TestPdf.Create()), " ", null, ct)),
            Bad("UploadDocument", "file name null", (c, ct) => c.UploadDocumentAsync(new MemoryStream(TestPdf.Create()), null!, null, ct)),
            Bad("CreateWorkflow", "request null", (c, ct) => c.CreateWorkflowAsync(null!, ct)),
            Bad("CreateWorkflow", "no document", (c, ct) => c.CreateWorkflowAsync(new CreateWorkflowRequest { Name = "W", Documents = Array.Empty<WorkflowDocumentDefinition>() }, ct)),
            Bad("CreateWorkflow", "launch without zone", (c, ct) => c.CreateWorkflowAsync(Raw(() => new WorkflowBuilder("W").AddDocument(DocId).AddRemoteSigner("a", Signer()).LaunchOnCreate().Build()), ct)),
            Bad("CreateWorkflow", "embedded signer in a parallel step", (c, ct) => c.CreateWorkflowAsync(Raw(() => new WorkflowBuilder("W").AddDocument(DocId, d => d.AddZone("a", 1, 10, 10).AddZone("b", 1, 10, 200)).AddEmbeddedSigner("a", Signer(), ReturnUrl, step: 1).AddRemoteSigner("b", Signer(), step: 1).Build()), ct)),
            Bad("CreateWorkflow", "sms without phone", (c, ct) => c.CreateWorkflowAsync(Raw(() => new WorkflowBuilder("W").AddDocument(DocId, d => d.AddZone("a", 1, 10, 10)).AddRemoteSigner("a", new SignerDefinition { FirstName = "A", Email = "a@example.com", Amr = new[] { AuthenticationMethod.Sms } }).Build()), ct)),
            Bad("GetEmbeddedSigningUrl", "action id empty", (c, ct) => c.GetEmbeddedSigningUrlAsync("w1", string.Empty, ct)),
            Bad("GetEmbeddedSigningUrl", "action id null", (c, ct) => c.GetEmbeddedSigningUrlAsync("w1", null!, ct)),
        };
        foreach (var id in new[] { string.Empty, null })
        {
            var label = id is null ? "workflow id null" : "workflow id empty";
            list.Add(Bad("GetWorkflow", label, (c, ct) => c.GetWorkflowAsync(id!, ct)));
            list.Add(Bad("DeleteWorkflow", label, (c, ct) => c.DeleteWorkflowAsync(id!, ct)));
            list.Add(Bad("DownloadDocuments", label, (c, ct) => c.DownloadDocumentsAsync(id!, ct)));
            list.Add(Bad("DownloadAuditTrail", label, (c, ct) => c.DownloadAuditTrailAsync(id!, ct)));
            list.Add(Bad("GetEmbeddedSigningUrl", label, (c, ct) => c.GetEmbeddedSigningUrlAsync(id!, "a1", ct)));
            list.Add(Bad("WaitForCompletion", label, (c, ct) => c.WaitForCompletionAsync(id!, null, ct)));
        }

        return list;
    }

    private const string DocId = "0123456789abcdef01234567";

    /// <summary>Builds a request whose builder may itself refuse it: the builder's own ArgumentException counts too.</summary>
    private static CreateWorkflowRequest Raw(Func<CreateWorkflowRequest> build) => build();

    private static Stream Closed()
    {
        var stream = new MemoryStream(new byte[] { 1 });
        stream.Dispose();
        return stream;
    }

    private static BadArgumentCase Bad(string operation, string name, Func<ConsignOClient, CancellationToken, Task> call)
        => new(operation, name, (c, ct) => call((ConsignOClient)c, ct));

    public override IReadOnlyList<FuzzTarget> FuzzTargets { get; } = new List<FuzzTarget>
    {
        new("GetWorkflow (200 workflow envelope)", "GET", p => Api + "/workflows/" + ((Flow)p!).WorkflowId, 200,
            async (c, s, ct) => await LaunchAsync((ConsignOClient)c, ct),
            (c, p, ct) => ((ConsignOClient)c).GetWorkflowAsync(((Flow)p!).WorkflowId, ct)),
        new("UploadDocument (200 document id)", "POST", _ => Api + "/documents", 200,
            (c, s, ct) => Task.FromResult<object?>(null),
            async (c, _, ct) => await UploadAsync((ConsignOClient)c, ct)),
        new("GetEmbeddedSigningUrl (200 url)", "GET", p => Api + "/workflows/" + ((Flow)p!).WorkflowId + "/actions/" + ((Flow)p!).ActionId + "/url", 200,
            async (c, s, ct) => await LaunchAsync((ConsignOClient)c, ct),
            (c, p, ct) => ((ConsignOClient)c).GetEmbeddedSigningUrlAsync(((Flow)p!).WorkflowId, ((Flow)p!).ActionId, ct)),
        new("error body (404)", "GET", p => Api + "/workflows/" + ((Flow)p!).WorkflowId, 404,
            async (c, s, ct) => await LaunchAsync((ConsignOClient)c, ct),
            (c, p, ct) => ((ConsignOClient)c).GetWorkflowAsync(((Flow)p!).WorkflowId, ct),
            Seed: "{\"code\":5004,\"msg\":\"[5004 - ENTITY_NOT_FOUND] No workflow 'x'.\",\"parameters\":[]}"),
    };

    private static OperationCase WaitCase(OperationCase op)
    {
        op.PollsThroughFaults = true;
        return op;
    }

    private static List<OperationCase> BuildOperations()
    {
        return new List<OperationCase>
        {
            Op<ConsignOClient, ConsignOSimulator, int>(
                "Login", Idempotency.Idempotent, "POST",
                (c, s, ct) => Task.FromResult(0),
                _ => Api + "/auth/login",
                (c, _, ct) => c.LoginAsync(ct)),

            // Logout and VerifySession send nothing without a session: the call logs in first (on another route).
            Op<ConsignOClient, ConsignOSimulator, int>(
                "Logout", Idempotency.Idempotent, "POST",
                (c, s, ct) => Task.FromResult(0),
                _ => Api + "/auth/logout",
                async (c, _, ct) =>
                {
                    await c.LoginAsync(ct);
                    await c.LogoutAsync(ct);
                }),
            Op<ConsignOClient, ConsignOSimulator, int>(
                "VerifySession", Idempotency.Safe, "HEAD",
                (c, s, ct) => Task.FromResult(0),
                _ => Api + "/auth",
                async (c, _, ct) =>
                {
                    await c.LoginAsync(ct);
                    if (!await c.VerifySessionAsync(ct))
                    {
                        throw new InvalidOperationException("a fresh session was reported invalid");
                    }
                }),
            Op<ConsignOClient, ConsignOSimulator, int>(
                "UploadDocument", Idempotency.NotIdempotent, "POST",
                (c, s, ct) => Task.FromResult(s.DocumentCount),
                _ => Api + "/documents",
                (c, _, ct) => UploadAsync(c, ct),
                effect: (s, before) => s.DocumentCount - before),
            Op<ConsignOClient, ConsignOSimulator, (string DocumentId, int Before)>(
                "CreateWorkflow", Idempotency.NotIdempotent, "POST",
                async (c, s, ct) => (await UploadAsync(c, ct), s.WorkflowCount),
                _ => Api + "/workflows",
                (c, x, ct) => c.CreateWorkflowAsync(Definition(x.DocumentId), ct),
                effect: (s, x) => s.WorkflowCount - x.Before),
            Op<ConsignOClient, ConsignOSimulator, Flow>(
                "GetWorkflow", Idempotency.Safe, "GET",
                (c, s, ct) => LaunchAsync(c, ct),
                f => Api + "/workflows/" + f.WorkflowId,
                (c, f, ct) => c.GetWorkflowAsync(f.WorkflowId, ct)),
            Op<ConsignOClient, ConsignOSimulator, Flow>(
                "DeleteWorkflow", Idempotency.Idempotent, "DELETE",
                (c, s, ct) => LaunchAsync(c, ct),
                f => Api + "/workflows/" + f.WorkflowId,
                (c, f, ct) => c.DeleteWorkflowAsync(f.WorkflowId, ct)),
            Op<ConsignOClient, ConsignOSimulator, Flow>(
                "DownloadDocuments", Idempotency.Safe, "POST",
                CompletedAsync,
                f => Api + "/workflows/" + f.WorkflowId + "/documents",
                (c, f, ct) => ReadAllAsync(c.DownloadDocumentsAsync(f.WorkflowId, ct), ct)),
            Op<ConsignOClient, ConsignOSimulator, Flow>(
                "DownloadAuditTrail", Idempotency.Safe, "POST",
                CompletedAsync,
                f => Api + "/workflows/" + f.WorkflowId + "/audit",
                (c, f, ct) => ReadAllAsync(c.DownloadAuditTrailAsync(f.WorkflowId, ct), ct)),
            Op<ConsignOClient, ConsignOSimulator, Flow>(
                "GetEmbeddedSigningUrl", Idempotency.Safe, "GET",
                (c, s, ct) => LaunchAsync(c, ct),
                f => Api + "/workflows/" + f.WorkflowId + "/actions/" + f.ActionId + "/url",
                (c, f, ct) => c.GetEmbeddedSigningUrlAsync(f.WorkflowId, f.ActionId, ct)),
            WaitCase(Op<ConsignOClient, ConsignOSimulator, Flow>(
                "WaitForCompletion", Idempotency.Safe, "GET",
                CompletedAsync,
                f => Api + "/workflows/" + f.WorkflowId,
                async (c, f, ct) =>
                {
                    var done = await c.WaitForCompletionAsync(f.WorkflowId, null, ct);
                    if (done.Status != WorkflowStatus.Completed)
                    {
                        throw new InvalidOperationException("not completed: " + done.Status);
                    }
                })),
        };
    }
}
