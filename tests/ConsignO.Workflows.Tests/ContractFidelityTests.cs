using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using ConsignO.Workflows.Models;
using SigningClients.TestSupport;
using Xunit;

namespace ConsignO.Workflows.Tests;

/// <summary>Issue 15: documented ConsignO rules that the client checks before any request.</summary>
public sealed class ContractFidelityTests
{
    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CreateWorkflowRequest Embedded(string documentId) => new WorkflowBuilder("Embedded")
        .AddDocument(documentId, d => d.AddZone("emb", 1, 72, 600))
        .AddEmbeddedSigner("emb", new SignerDefinition { FirstName = "Eve", Amr = new[] { AuthenticationMethod.Link } }, new Uri("https://app.example.com/signed"))
        .LaunchOnCreate()
        .Build();

    [Fact]
    public async Task Embedded_signing_on_the_main_tenant_is_refused_before_the_workflow_is_sent()
    {
        await using var harness = await ConsignOHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken); // no tenant: the main tenant
        var documentId = await harness.Client.UploadDocumentAsync(new MemoryStream(TestPdf.Create()), "e.pdf", cancellationToken: Ct);
        int before = harness.Simulator.Journal.Count;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.CreateWorkflowAsync(Embedded(documentId), Ct));

        Assert.Contains("main tenant", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, harness.Simulator.Journal.Count);
    }

    [Fact]
    public async Task Embedded_signing_can_be_declared_available_when_the_tenant_is_chosen_otherwise()
    {
        // The server refuses embedded signers on the main tenant ("Embedded Signing is not available on the main
        // tenant"); here the deployment's tenant is chosen by host, so both sides are told it is available.
        await using var harness = await ConsignOHarness.StartAsync(configureSimulator: o => o.EmbeddedSigningAvailable = true, configureClient: o => o.EmbeddedSigningEnabled = true, cancellationToken: TestContext.Current.CancellationToken);
        var documentId = await harness.Client.UploadDocumentAsync(new MemoryStream(TestPdf.Create()), "e.pdf", cancellationToken: Ct);

        var workflow = await harness.Client.CreateWorkflowAsync(Embedded(documentId), Ct);

        Assert.NotEmpty(workflow.Id);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_non_PDF_upload_is_refused_before_any_request(bool seekable)
    {
        await using var harness = await ConsignOHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var bytes = Encoding.ASCII.GetBytes("hello");
        Stream content = seekable ? new MemoryStream(bytes) : new NonSeekableStream(new MemoryStream(bytes));

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.UploadDocumentAsync(content, "hello.pdf", cancellationToken: Ct));

        Assert.Equal("pdf", ex.ParamName);
        Assert.Equal(0, harness.Simulator.Journal.Count);
    }
}
