using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using ConsignO.Workflows.Models;
using SigningClients.Core;
using SigningClients.TestSupport;
using Xunit;

namespace ConsignO.Workflows.Tests;

public sealed class WorkflowTests
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_create_launch_sign_wait_download()
    {
        await using var harness = await ConsignOHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var pdf = TestPdf.Create("Lease");
        var documentId = await harness.Client.UploadDocumentAsync(new MemoryStream(pdf), "lease.pdf", new UploadDocumentOptions { ConvertToPdfA = true }, Ct);

        var created = await harness.CreateLaunchedWorkflowAsync(documentId);
        Assert.Equal(WorkflowStatus.Launched, created.Status);
        Assert.Equal(documentId, created.Documents![0].DocumentId);
        Assert.Equal(ActionStatus.Started, created.Actions![0].Status);
        Assert.Equal(1, created.TotalActions);
        Assert.NotNull(created.EditUrl);

        var wait = harness.Client.WaitForCompletionAsync(created.Id, cancellationToken: Ct);
        await Task.Delay(50, Ct);
        Assert.False(wait.IsCompleted);
        harness.Simulator.SignAll(created.Id);
        var done = await wait;

        Assert.Equal(WorkflowStatus.Completed, done.Status);
        Assert.Equal(ActionStatus.Completed, done.Actions![0].Status);
        Assert.NotNull(done.AuditTrailDocumentId);

        using var download = await harness.Client.DownloadDocumentsAsync(created.Id, Ct);
        Assert.Equal("application/pdf", download.ContentType);
        using var signed = new MemoryStream();
        await download.CopyToAsync(signed, Ct);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(signed.ToArray(), 0, 5), StringComparison.Ordinal);
        Assert.True(signed.Length > pdf.Length);

        using var audit = await harness.Client.DownloadAuditTrailAsync(created.Id, Ct);
        Assert.Equal("application/pdf", audit.ContentType);
        using var reader = new StreamReader(audit.Content);
        Assert.Contains(created.Id, await reader.ReadToEndAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_documents_download_as_zip()
    {
        await using var harness = await ConsignOHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var first = await harness.Client.UploadDocumentAsync(new MemoryStream(TestPdf.Create("One")), "one.pdf", cancellationToken: Ct);
        var request = new WorkflowBuilder("Two documents")
            .AddDocument(first, d => d.AddZone("ann", 1, 72, 650))
            .AddInlineDocument("two.pdf", TestPdf.Create("Two"), d => d.AddAnchor("ann", "[sig]", pages: "1", skipIfNotFound: true))
            .AddRemoteSigner("ann", new SignerDefinition { FirstName = "Ann", Email = "ann@example.com" })
            .LaunchOnCreate()
            .Build();
        var workflow = await harness.Client.CreateWorkflowAsync(request, Ct);
        harness.Simulator.SignAll(workflow.Id);

        using var download = await harness.Client.DownloadDocumentsAsync(workflow.Id, Ct);
        Assert.Equal("application/zip", download.ContentType);
        using var buffer = new MemoryStream();
        await download.CopyToAsync(buffer, Ct);
        buffer.Position = 0;
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);
        Assert.Equal(new[] { "one.pdf", "two.pdf" }, zip.Entries.Select(e => e.Name).ToArray());
    }

    [Fact]
    public async Task Upload_streams_a_non_seekable_stream_and_rejects_non_pdf_before_io()
    {
        await using var harness = await ConsignOHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var pdf = TestPdf.Create("Non-seekable");

        var id = await harness.Client.UploadDocumentAsync(new NonSeekableStream(new MemoryStream(pdf)), "n.pdf", cancellationToken: Ct);
        Assert.False(string.IsNullOrEmpty(id));
        var upload = harness.Simulator.Journal.Entries[^1];
        Assert.Contains(System.Text.Encoding.Latin1.GetString(pdf), System.Text.Encoding.Latin1.GetString(upload.Body), StringComparison.Ordinal);

        harness.Simulator.Journal.Clear();
        var notPdf = System.Text.Encoding.ASCII.GetBytes("PK\u0003\u0004 this is a zip, not a pdf");
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.UploadDocumentAsync(new MemoryStream(notPdf), "x.pdf", cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.UploadDocumentAsync(new NonSeekableStream(new MemoryStream(notPdf)), "x.pdf", cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.UploadDocumentAsync(new MemoryStream(new byte[] { 0x25, 0x50 }), "x.pdf", cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.UploadDocumentAsync(new MemoryStream(pdf), " ", cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => harness.Client.UploadDocumentAsync(null!, "x.pdf", cancellationToken: Ct));
        Assert.Equal(0, harness.Simulator.Journal.Count);
    }

    [Fact]
    public async Task Seekable_stream_is_rewound_after_the_pdf_check()
    {
        await using var harness = await ConsignOHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var pdf = TestPdf.Create("Seekable");
        var stream = new MemoryStream(pdf);

        await harness.Client.UploadDocumentAsync(stream, "s.pdf", cancellationToken: Ct);

        var upload = harness.Simulator.Journal.Entries[^1];
        Assert.Contains(System.Text.Encoding.Latin1.GetString(pdf), System.Text.Encoding.Latin1.GetString(upload.Body), StringComparison.Ordinal);
        Assert.True(stream.CanRead); // not disposed
    }

    [Fact]
    public async Task Get_and_delete_and_provider_errors()
    {
        await using var harness = await ConsignOHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var workflow = await harness.CreateLaunchedWorkflowAsync(launch: false);
        Assert.Equal(WorkflowStatus.Created, workflow.Status);
        Assert.Equal(ActionStatus.NotStarted, workflow.Actions![0].Status);

        var fetched = await harness.Client.GetWorkflowAsync(workflow.Id, Ct);
        Assert.Equal("Contract", fetched.Name);
        Assert.NotNull(fetched.AdditionalProperties);
        Assert.True(fetched.AdditionalProperties!.ContainsKey("version")); // unknown members kept

        await harness.Client.DeleteWorkflowAsync(workflow.Id, Ct);
        var error = await Assert.ThrowsAsync<SigningApiException>(() => harness.Client.GetWorkflowAsync(workflow.Id, Ct));
        Assert.Equal(404, error.Status);
        Assert.Equal("ENTITY_NOT_FOUND", error.ErrorCode);
        Assert.Contains("[5004 - ENTITY_NOT_FOUND]", error.ProviderMessage, StringComparison.Ordinal);
        Assert.Equal("GetWorkflow", error.Operation);
        Assert.Equal("ConsignO", error.Provider);
    }

    [Fact]
    public async Task Audit_trail_of_an_unfinished_workflow_is_a_clear_error()
    {
        await using var harness = await ConsignOHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var workflow = await harness.CreateLaunchedWorkflowAsync();

        var error = await Assert.ThrowsAsync<SigningApiException>(() => harness.Client.DownloadAuditTrailAsync(workflow.Id, Ct));

        Assert.Equal(409, error.Status);
        Assert.Equal("WORKFLOW_NOT_COMPLETED", error.ErrorCode);
        Assert.Contains("completed", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Declined_and_expired_workflows_end_the_wait()
    {
        await using var harness = await ConsignOHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var declined = await harness.CreateLaunchedWorkflowAsync();
        harness.Simulator.Decline(declined.Id, "Wrong amount");
        var result = await harness.Client.WaitForCompletionAsync(declined.Id, cancellationToken: Ct);
        Assert.Equal(WorkflowStatus.Declined, result.Status);
        Assert.Equal(ActionStatus.Declined, result.Actions![0].Status);
        Assert.Equal("Wrong amount", result.Actions[0].DeclineReason!.Value.GetString());

        var expired = await harness.CreateLaunchedWorkflowAsync();
        harness.Simulator.Expire(expired.Id);
        Assert.Equal(WorkflowStatus.Expired, (await harness.Client.WaitForCompletionAsync(expired.Id, cancellationToken: Ct)).Status);
    }

    [Fact]
    public async Task Wait_times_out_and_honours_cancellation()
    {
        await using var harness = await ConsignOHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var workflow = await harness.CreateLaunchedWorkflowAsync();

        await Assert.ThrowsAsync<TimeoutException>(() => harness.Client.WaitForCompletionAsync(workflow.Id, new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromMilliseconds(100) }, Ct));

        using var cts = new System.Threading.CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Client.WaitForCompletionAsync(workflow.Id, cancellationToken: cts.Token));
    }

    [Fact]
    public async Task Embedded_signer_gets_a_signing_url_and_sequential_steps_progress()
    {
        await using var harness = await ConsignOHarness.StartAsync(configureSimulator: s => s.Tenant = "acme", cancellationToken: TestContext.Current.CancellationToken); // embedded signing needs an own tenant
        var documentId = await harness.Client.UploadDocumentAsync(new MemoryStream(TestPdf.Create()), "e.pdf", cancellationToken: Ct);
        var request = new WorkflowBuilder("Embedded")
            .AddDocument(documentId, d => d.AddZone("emb", 1, 72, 600).AddZone("rem", 1, 300, 600))
            .AddEmbeddedSigner("emb", new SignerDefinition { FirstName = "Eve", ClientUserId = "crm-42", Amr = new[] { AuthenticationMethod.Link } }, new Uri("https://app.example.com/signed"), step: 1)
            .AddRemoteSigner("rem", new SignerDefinition { FirstName = "Rob", Email = "rob@example.com", Phone = "+15145550100", Amr = new[] { AuthenticationMethod.Link, AuthenticationMethod.Sms } }, step: 2)
            .LaunchOnCreate()
            .Build();
        var workflow = await harness.Client.CreateWorkflowAsync(request, Ct);
        var embedded = workflow.Actions!.Single(a => a.Mode == SigningMode.Embedded);
        Assert.Equal(ActionStatus.Started, embedded.Status);
        Assert.Equal(ActionStatus.NotStarted, workflow.Actions!.Single(a => a.Mode == SigningMode.Remote).Status);

        var url = await harness.Client.GetEmbeddedSigningUrlAsync(workflow.Id, embedded.Id!, Ct);
        Assert.True(url.IsAbsoluteUri);
        Assert.Contains(workflow.Id, url.AbsolutePath, StringComparison.Ordinal);

        harness.Simulator.SignCurrentStep(workflow.Id);
        var afterFirst = await harness.Client.GetWorkflowAsync(workflow.Id, Ct);
        Assert.Equal(1, afterFirst.RemainingActions);
        Assert.Equal(ActionStatus.Started, afterFirst.Actions!.Single(a => a.Mode == SigningMode.Remote).Status);

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.GetEmbeddedSigningUrlAsync(workflow.Id, "", Ct));
    }

    [Fact]
    public async Task Invalid_ids_are_rejected_before_io()
    {
        await using var harness = await ConsignOHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.GetWorkflowAsync("", Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.DeleteWorkflowAsync(" ", Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.DownloadDocumentsAsync("", Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.DownloadAuditTrailAsync("", Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.WaitForCompletionAsync("", cancellationToken: Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => harness.Client.CreateWorkflowAsync(null!, Ct));
        Assert.Equal(0, harness.Simulator.Journal.Count);
    }

    [Fact]
    public async Task Transient_failures_are_retried_for_reads_only()
    {
        await using var harness = await ConsignOHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var workflow = await harness.CreateLaunchedWorkflowAsync();

        harness.Simulator.Faults.EnqueueFor("GET", "/api/v1/workflows", SigningClients.Testing.SimulatedFault.Status(503));
        Assert.Equal(workflow.Id, (await harness.Client.GetWorkflowAsync(workflow.Id, Ct)).Id);

        harness.Simulator.Faults.EnqueueFor("POST", "/api/v1/workflows", SigningClients.Testing.SimulatedFault.Status(503));
        int before = harness.Simulator.Journal.Count;
        await Assert.ThrowsAsync<SigningApiException>(() => harness.CreateLaunchedWorkflowAsync());
        Assert.Equal(1, harness.Simulator.Journal.Entries.Skip(before).Count(e => e.Path == "/api/v1/workflows" && e.Method == "POST"));
    }
}
