using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using ConsignO.Workflows;
using ConsignO.Workflows.Models;
using SigningClients.Core;
using SigningClients.Testing.ConsignO;
using SigningClients.TestSupport;
using Xunit;

namespace SigningClients.Testing.Tests.ContractFidelity;

/// <summary>
/// The ConsignO simulator follows the corrected contracts (issue 15), checked end to end through the real
/// <see cref="ConsignOClient"/>: zones link to <c>signer.ref</c> (an action-level <c>ref</c> is accepted too), the secret
/// AMR needs <c>isSecretAnswerChanged</c>, embedded signing is not available on the main tenant and an embedded
/// action carries its <c>url</c> in <c>GET /workflows/{id}</c>.
/// </summary>
public sealed class ConsignOContractTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(ZoneReferencePlacement.Signer)]
    [InlineData(ZoneReferencePlacement.Action)]
    [InlineData(ZoneReferencePlacement.Both)]
    public async Task Zones_are_linked_to_their_signer_by_ref_in_each_placement(ZoneReferencePlacement placement)
    {
        await using var sim = await ConsignOSimulator.StartAsync(new ConsignOSimulatorOptions { Tenant = "acme" }, Ct);
        using var client = Client(sim, o => o.ZoneReferencePlacement = placement);
        var documentId = await client.UploadDocumentAsync(new MemoryStream(TestPdf.Create()), "c.pdf", cancellationToken: Ct);

        var workflow = await client.CreateWorkflowAsync(Remote(documentId), Ct);

        Assert.Equal(WorkflowStatus.Launched, workflow.Status);
        var sent = JsonNode.Parse(sim.Journal.Entries.Last(e => e.Method == "POST" && e.Path.EndsWith("/workflows", StringComparison.Ordinal)).Body)!;
        var assignedTo = (string?)sent["documents"]![0]!["fields"]![0]!["assignedTo"];
        var action = sent["actions"]![0]!;
        Assert.Equal(assignedTo, (string?)action["signer"]!["ref"] ?? (string?)action["ref"]);
    }

    [Fact]
    public async Task The_secret_AMR_reaches_the_server_with_isSecretAnswerChanged_and_launches()
    {
        await using var sim = await ConsignOSimulator.StartAsync(new ConsignOSimulatorOptions { Tenant = "acme" }, Ct);
        using var client = Client(sim);
        var documentId = await client.UploadDocumentAsync(new MemoryStream(TestPdf.Create()), "c.pdf", cancellationToken: Ct);
        var signer = new SignerDefinition
        {
            FirstName = "Ann",
            Email = "ann@example.com",
            Amr = new[] { AuthenticationMethod.Link, AuthenticationMethod.Secret },
            SecretQuestion = "Pet?",
            SecretAnswer = "Rex",
            IsSecretAnswerChanged = false,
        };

        var workflow = await client.CreateWorkflowAsync(new WorkflowBuilder("Secret").AddDocument(documentId, d => d.AddZone("ann", 1, 72, 600)).AddRemoteSigner("ann", signer).LaunchOnCreate().Build(), Ct);

        Assert.Equal(WorkflowStatus.Launched, workflow.Status);
    }

    [Fact]
    public async Task An_embedded_signer_on_the_main_tenant_is_refused_by_the_server()
    {
        // The client is told embedded signing is available (its tenant chosen another way); the server, on the main
        // tenant, refuses: "Embedded Signing is not available on the main tenant".
        await using var sim = await ConsignOSimulator.StartAsync(cancellationToken: Ct);
        using var client = Client(sim, o => o.EmbeddedSigningEnabled = true);
        var documentId = await client.UploadDocumentAsync(new MemoryStream(TestPdf.Create()), "c.pdf", cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<SigningApiException>(() => client.CreateWorkflowAsync(Embedded(documentId), Ct));

        Assert.Equal(400, error.Status);
        Assert.Contains("main tenant", error.ProviderMessage, StringComparison.Ordinal);
        Assert.Equal(0, sim.WorkflowCount);
    }

    [Fact]
    public async Task An_embedded_action_carries_its_url_in_the_workflow_and_the_client_reads_it_there()
    {
        await using var sim = await ConsignOSimulator.StartAsync(new ConsignOSimulatorOptions { Tenant = "acme" }, Ct);
        using var client = Client(sim);
        var documentId = await client.UploadDocumentAsync(new MemoryStream(TestPdf.Create()), "c.pdf", cancellationToken: Ct);
        var workflow = await client.CreateWorkflowAsync(Embedded(documentId), Ct);
        var action = workflow.Actions!.Single(a => a.Mode == SigningMode.Embedded);

        var url = await client.GetEmbeddedSigningUrlAsync(workflow.Id, action.Id!, Ct);

        Assert.Equal(action.AdditionalProperties!["url"].GetString(), url.AbsoluteUri);
        Assert.DoesNotContain(sim.Journal.Entries, e => e.Path.EndsWith("/url", StringComparison.Ordinal)); // the undocumented path is not needed
    }

    [Theory]
    [InlineData("""{"ref":"7","amr":["link"]}""", null, "7", false)]
    [InlineData("""{"amr":["link"]}""", "8", "8", false)]
    [InlineData("""{"ref":"7","amr":["link"]}""", "8", "7", false)]
    [InlineData("""{"amr":["link","secret"],"secretQuestion":"Pet?","secretAnswer":"Rex","isSecretAnswerChanged":false}""", null, null, true)]
    [InlineData("""{"amr":["link","secret"],"secretQuestion":"Pet?","secretAnswer":"Rex"}""", null, null, false)]
    [InlineData("""{"amr":["link","secret"],"secretQuestion":"Pet?","secretAnswer":"Rex","isSecretAnswerChanged":"false"}""", null, null, false)]
    [InlineData("""{"amr":["link","secret"],"secretAnswer":"Rex","isSecretAnswerChanged":true}""", null, null, false)]
    public void The_wire_reads_signer_ref_first_and_a_complete_secret_only_with_all_three_members(string signer, string? actionRef, string? expectedRef, bool completeSecret)
    {
        // Doc: "A given signer is associated to a given zone by defining a common random numerical value to the
        // workflow.documents[i].fields[j].assignedTo parameter and to the workflow.actions[i].signer.ref parameter";
        // "For AMR Secret, you must define properties secretQuestion, secretAnwser and isSecretAnswerChanged".
        var action = new JsonObject { ["mode"] = "remote", ["signer"] = JsonNode.Parse(signer) };
        if (actionRef is not null)
        {
            action["ref"] = actionRef;
        }

        var body = new JsonObject
        {
            ["name"] = "W",
            ["documents"] = new JsonArray(new JsonObject { ["documentId"] = "d", ["fields"] = new JsonArray(new JsonObject { ["assignedTo"] = "7" }, new JsonObject { ["x"] = 1 }) }),
            ["actions"] = new JsonArray(action),
        };

        var draft = ConsignOWire.ParseWorkflow(body);

        Assert.Equal(new[] { "7" }, draft.Documents.Single().AssignedTo);
        Assert.Equal(expectedRef, draft.Actions.Single().Ref);
        Assert.Equal(completeSecret, draft.Actions.Single().HasCompleteSecret);
    }

    [Fact]
    public async Task Only_an_embedded_action_of_a_launched_workflow_carries_a_url()
    {
        // Doc: "Once the workflow has been launched, the signing url can be retrieved"; a remote signer gets the link by email.
        await using var sim = await ConsignOSimulator.StartAsync(new ConsignOSimulatorOptions { Tenant = "acme" }, Ct);
        using var client = Client(sim);
        async Task<WorkflowBuilder> Mixed(string name) => new WorkflowBuilder(name)
            .AddDocument(await client.UploadDocumentAsync(new MemoryStream(TestPdf.Create()), "c.pdf", cancellationToken: Ct), d => d.AddZone("eve", 1, 72, 600).AddZone("ann", 1, 72, 500))
            .AddEmbeddedSigner("eve", new SignerDefinition { FirstName = "Eve", Amr = new[] { AuthenticationMethod.Link } }, new Uri("https://app.example.com/signed"))
            .AddRemoteSigner("ann", new SignerDefinition { FirstName = "Ann", Email = "ann@example.com", Amr = new[] { AuthenticationMethod.Link } });

        var created = await client.CreateWorkflowAsync((await Mixed("Draft")).Build(), Ct);
        var launched = await client.CreateWorkflowAsync((await Mixed("Launched")).LaunchOnCreate().Build(), Ct);

        Assert.Equal(WorkflowStatus.Created, created.Status);
        Assert.All(created.Actions!, a => Assert.Null(Url(a)));
        Assert.Equal(WorkflowStatus.Launched, launched.Status);
        Assert.StartsWith(sim.BaseAddress.AbsoluteUri, Url(launched.Actions!.Single(a => a.Mode == SigningMode.Embedded)), StringComparison.Ordinal);
        Assert.Null(Url(launched.Actions!.Single(a => a.Mode == SigningMode.Remote)));
    }

    private static string? Url(WorkflowAction action) =>
        action.AdditionalProperties is { } extra && extra.TryGetValue("url", out var url) && url.ValueKind == System.Text.Json.JsonValueKind.String ? url.GetString() : null;

    private static CreateWorkflowRequest Remote(string documentId) =>
        new WorkflowBuilder("Linked")
            .AddDocument(documentId, d => d.AddZone("ann", 1, 72, 600))
            .AddRemoteSigner("ann", new SignerDefinition { FirstName = "Ann", Email = "ann@example.com", Amr = new[] { AuthenticationMethod.Link } })
            .LaunchOnCreate()
            .Build();

    private static CreateWorkflowRequest Embedded(string documentId) =>
        new WorkflowBuilder("Embedded")
            .AddDocument(documentId, d => d.AddZone("eve", 1, 72, 600))
            .AddEmbeddedSigner("eve", new SignerDefinition { FirstName = "Eve", ClientUserId = "crm-42", Amr = new[] { AuthenticationMethod.Link } }, new Uri("https://app.example.com/signed"))
            .LaunchOnCreate()
            .Build();

    private static ConsignOClient Client(ConsignOSimulator sim, Action<ConsignOClientOptions>? configure = null)
    {
        var options = new ConsignOClientOptions().UseSimulator(sim);
        configure?.Invoke(options);
        return new ConsignOClient(options);
    }
}
