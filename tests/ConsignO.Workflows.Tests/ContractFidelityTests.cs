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
    private static System.Threading.CancellationToken Ct => TestEnvironment.TestContextToken;

    private static CreateWorkflowRequest Embedded(string documentId) => new WorkflowBuilder("Embedded")
        .AddDocument(documentId, d => d.AddZone("emb", 1, 72, 600))
        .AddEmbeddedSigner("emb", new SignerDefinition { FirstName = "Eve", Amr = new[] { AuthenticationMethod.Link } }, new Uri("https://app.example.com/signed"))
        .LaunchOnCreate()
        .Build();

    [Fact]
    public async Task Embedded_signing_on_the_main_tenant_is_refused_before_the_workflow_is_sent()
    {
        await using var env = await TestEnvironment.StartAsync(); // no tenant: the main tenant
        var documentId = await env.Client.UploadDocumentAsync(new MemoryStream(TestPdf.Create()), "e.pdf", cancellationToken: Ct);
        int before = env.Simulator.Journal.Count;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => env.Client.CreateWorkflowAsync(Embedded(documentId), Ct));

        Assert.Contains("main tenant", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, env.Simulator.Journal.Count);
    }

    [Fact]
    public async Task Embedded_signing_can_be_declared_available_when_the_tenant_is_chosen_otherwise()
    {
        await using var env = await TestEnvironment.StartAsync(client: o => o.EmbeddedSigningEnabled = true);
        var documentId = await env.Client.UploadDocumentAsync(new MemoryStream(TestPdf.Create()), "e.pdf", cancellationToken: Ct);

        var workflow = await env.Client.CreateWorkflowAsync(Embedded(documentId), Ct);

        Assert.NotEmpty(workflow.Id);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_non_PDF_upload_is_refused_before_any_request(bool seekable)
    {
        await using var env = await TestEnvironment.StartAsync();
        var bytes = Encoding.ASCII.GetBytes("hello");
        Stream content = seekable ? new MemoryStream(bytes) : new NonSeekableStream(new MemoryStream(bytes));

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => env.Client.UploadDocumentAsync(content, "hello.pdf", cancellationToken: Ct));

        Assert.Equal("pdf", ex.ParamName);
        Assert.Equal(0, env.Simulator.Journal.Count);
    }
}
