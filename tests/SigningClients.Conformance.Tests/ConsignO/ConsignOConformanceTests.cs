using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ConsignO.Workflows;
using ConsignO.Workflows.Models;
using NSubstitute;
using SigningClients.Conformance.Tests.Support;
using SigningClients.Core;
using Xunit;

namespace SigningClients.Conformance.Tests.ConsignO;

/// <summary>
/// ConsignO Cloud against the Notarius documentation (consigno-cloud-workflows.txt), not our simulator: fixtures fed to
/// a real <see cref="ConsignOClient"/> through a fake handler.
/// </summary>
public sealed class ConsignOConformanceTests
{
    private const string Provider = "ConsignO";
    private const string WorkflowId = "65f1a2b3c4d5e6f708192a3c";
    private const string ActionId = "65f1a2b3c4d5e6f708192a40";

    private static readonly JsonSerializerOptions UserSerializer = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Logs in (token in <c>X-Auth-Token</c>) and answers every other call with <paramref name="fixture"/>.</summary>
    private static RecordingHandler Handler(string fixture) => new(
        (request, _) => request.RequestUri!.AbsolutePath.EndsWith("/auth/login", StringComparison.Ordinal)
            ? (HttpStatusCode.OK, RecordingHandler.Fixture(Provider, "login.answer.json"), "application/json")
            : (HttpStatusCode.OK, RecordingHandler.Fixture(Provider, fixture), "application/json"),
        response => response.Headers.Add("X-Auth-Token", "fixture-token"));

    private static ConsignOClient Client(RecordingHandler handler, Action<ConsignOClientOptions>? configure = null)
    {
        var options = new ConsignOClientOptions
        {
            Endpoint = new Uri("https://cloud.consigno.example/api/v1/"),
            Username = "integrator@example.com",
            Password = "pw",
            Tenant = "acme",
            Retry = new RetryOptions { MaxRetries = 0 },
        };
        configure?.Invoke(options);
        return new ConsignOClient(options, new HttpClient(handler));
    }

    private static CreateWorkflowRequest DocumentedRequest() => new WorkflowBuilder("Lease 2024-17")
        .AddDocument("65f1a2b3c4d5e6f708192a3b", d => d.AddZone("ann", page: 1, x: 72, y: 650))
        .AddRemoteSigner("ann", new SignerDefinition
        {
            Type = SignerType.Esig,
            FirstName = "Ann",
            LastName = "Lee",
            Email = "ann@example.com",
            Lang = SignerLanguage.French,
            Amr = new[] { AuthenticationMethod.Link, AuthenticationMethod.Secret },
            SecretQuestion = "Name of your first pet?",
            SecretAnswer = "Rex",
            IsSecretAnswerChanged = false,
        })
        .LaunchOnCreate()
        .Build();

    private static JsonElement SentWorkflow(RecordingHandler handler) =>
        JsonDocument.Parse(handler.Requests.Single(r => r.Uri.AbsolutePath.EndsWith("/workflows", StringComparison.Ordinal)).Body!).RootElement;

    [Fact]
    public async Task Create_workflow_links_zones_to_signer_ref_and_sends_the_secret_members_as_documented()
    {
        var handler = Handler("workflow.embedded.json");
        using var client = Client(handler);
        await client.CreateWorkflowAsync(DocumentedRequest(), Ct);

        var sent = SentWorkflow(handler);
        Assert.Empty(JsonCompare.Differences(RecordingHandler.Fixture(Provider, "create-workflow.doc.json"), sent.GetRawText()));
        Assert.False(sent.GetProperty("actions")[0].TryGetProperty("ref", out _)); // not the third-party action-level form
    }

    [Theory]
    [InlineData(ZoneReferencePlacement.Action, true, false)]
    [InlineData(ZoneReferencePlacement.Both, true, true)]
    [InlineData(ZoneReferencePlacement.Signer, false, true)]
    public async Task Zone_reference_placement_is_an_option(ZoneReferencePlacement placement, bool onAction, bool onSigner)
    {
        var handler = Handler("workflow.embedded.json");
        using var client = Client(handler, o => o.ZoneReferencePlacement = placement);
        var request = DocumentedRequest();
        await client.CreateWorkflowAsync(request, Ct);

        var action = SentWorkflow(handler).GetProperty("actions")[0];
        Assert.Equal(onAction, action.TryGetProperty("ref", out var a) && a.GetString() == "1");
        Assert.Equal(onSigner, action.GetProperty("signer").TryGetProperty("ref", out var s) && s.GetString() == "1");
        Assert.Equal("1", request.Actions[0].Ref); // the caller's request is not changed
    }

    [Fact]
    public async Task Workflow_parses_and_round_trips_every_member()
    {
        string fixture = RecordingHandler.Fixture(Provider, "workflow.embedded.json");
        using var client = Client(Handler("workflow.embedded.json"));
        var workflow = await client.GetWorkflowAsync(WorkflowId, Ct);

        Assert.Equal(WorkflowStatus.Launched, workflow.Status);
        var action = Assert.Single(workflow.Actions!);
        Assert.Equal(SigningMode.Embedded, action.Mode);
        Assert.Equal("1", action.Signer!.Ref);
        using var expected = JsonDocument.Parse(fixture);
        Assert.Empty(JsonCompare.Differences(expected.RootElement.GetProperty("response").GetRawText(), JsonSerializer.Serialize(workflow, UserSerializer)));
    }

    [Fact]
    public async Task Numeric_refs_and_assignedTo_do_not_throw()
    {
        using var client = Client(Handler("workflow.numeric-refs.json"));
        var workflow = await client.GetWorkflowAsync(WorkflowId, Ct);
        Assert.Equal("48213", workflow.Actions![0].Ref);
        Assert.Equal("48213", workflow.Actions[0].Signer!.Ref);
        Assert.Equal("48213", workflow.Documents![0].Fields![0].AssignedTo);
    }

    [Fact]
    public async Task Embedded_signing_url_is_read_from_the_workflow_without_the_undocumented_path()
    {
        var handler = Handler("workflow.embedded.json");
        using var client = Client(handler);

        var url = await client.GetEmbeddedSigningUrlAsync(WorkflowId, ActionId, Ct);

        Assert.Equal("https://cloud.consigno.com/sign/65f1a2b3c4d5e6f708192a40?t=abc", url.AbsoluteUri);
        Assert.DoesNotContain(handler.Requests, r => r.Uri.AbsolutePath.EndsWith("/url", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_url_in_the_workflow_the_configured_path_is_used()
    {
        var handler = new RecordingHandler(
            (request, _) => request.RequestUri!.AbsolutePath switch
            {
                var p when p.EndsWith("/auth/login", StringComparison.Ordinal) => (HttpStatusCode.OK, "{}", "application/json"),
                var p when p.EndsWith("/signing-link", StringComparison.Ordinal) => (HttpStatusCode.OK, "{\"response\":{\"url\":\"https://cloud.consigno.com/sign/x\"}}", "application/json"),
                _ => (HttpStatusCode.OK, RecordingHandler.Fixture(Provider, "workflow.numeric-refs.json"), "application/json"),
            },
            response => response.Headers.Add("X-Auth-Token", "fixture-token"));
        using var client = Client(handler, o => o.EmbeddedSigningUrlPath = "workflows/{workflowId}/actions/{actionId}/signing-link");

        var url = await client.GetEmbeddedSigningUrlAsync(WorkflowId, "a1", Ct);

        Assert.Equal("https://cloud.consigno.com/sign/x", url.AbsoluteUri);
        Assert.Contains(handler.Requests, r => r.Uri.AbsolutePath == "/api/v1/workflows/" + WorkflowId + "/actions/a1/signing-link");
    }

    [Fact]
    public async Task A_model_factory_workflow_can_be_returned_by_a_substitute()
    {
        var client = Substitute.For<IConsignOClient>();
        client.GetWorkflowAsync("w1", Arg.Any<System.Threading.CancellationToken>())
            .Returns(ConsignOModelFactory.Workflow("w1", status: WorkflowStatus.Completed, actions: new[] { ConsignOModelFactory.WorkflowAction("a1", ActionStatus.Completed, ConsignOModelFactory.WorkflowSigner("Ann", reference: "1")) }));

        var workflow = await client.GetWorkflowAsync("w1", Ct);

        Assert.True(workflow.Status.IsTerminal);
        Assert.Equal("1", workflow.Actions![0].Signer!.Ref);
    }
}
