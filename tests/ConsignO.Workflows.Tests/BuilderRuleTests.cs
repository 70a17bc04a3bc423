using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ConsignO.Workflows.Models;
using Xunit;

namespace ConsignO.Workflows.Tests;

public sealed class BuilderRuleTests
{
    private const string DocId = "0123456789abcdef01234567";
    private static readonly Uri Return = new("https://app.example.com/return");

    private static SignerDefinition Ann(params AuthenticationMethod[] amr) =>
        new() { FirstName = "Ann", LastName = "Lee", Email = "ann@example.com", Amr = amr.Length == 0 ? null : amr };

    private static SignerDefinition Bob() => new() { FirstName = "Bob", LastName = "Roy", Email = "bob@example.com" };

    public static TheoryData<string, Func<WorkflowBuilder>> BrokenBuilders() => new()
    {
        { "embedded signer in a parallel step", () => new WorkflowBuilder("W").AddDocument(DocId, d => d.AddZone("a", 1, 10, 10))
            .AddEmbeddedSigner("a", Ann(), Return, step: 1).AddRemoteSigner("b", Bob(), step: 1) },
        { "secret AMR with embedded signer", () => new WorkflowBuilder("W").AddDocument(DocId, d => d.AddZone("a", 1, 10, 10))
            .AddEmbeddedSigner("a", new SignerDefinition { FirstName = "A", Amr = new[] { AuthenticationMethod.Link, AuthenticationMethod.Secret }, SecretQuestion = "Q?", SecretAnswer = "answer" }, Return) },
        { "sms without phone", () => new WorkflowBuilder("W").AddDocument(DocId, d => d.AddZone("a", 1, 10, 10))
            .AddRemoteSigner("a", Ann(AuthenticationMethod.Link, AuthenticationMethod.Sms)) },
        { "call without phone", () => new WorkflowBuilder("W").AddDocument(DocId, d => d.AddZone("a", 1, 10, 10))
            .AddRemoteSigner("a", Ann(AuthenticationMethod.Link, AuthenticationMethod.Call)) },
        { "notified contact with sms and no phone", () => new WorkflowBuilder("W").AddDocument(DocId, d => d.AddZone("a", 1, 10, 10))
            .AddRemoteSigner("a", Ann()).NotifyOnCompletion(new ContactDefinition { Email = "c@example.com", Amr = new[] { AuthenticationMethod.Sms } }) },
        { "secret AMR without answer", () => new WorkflowBuilder("W").AddDocument(DocId, d => d.AddZone("a", 1, 10, 10))
            .AddRemoteSigner("a", new SignerDefinition { FirstName = "A", Amr = new[] { AuthenticationMethod.Link, AuthenticationMethod.Secret }, SecretQuestion = "Q?" }) },
        { "launch without signer", () => new WorkflowBuilder("W").AddDocument(DocId).LaunchOnCreate() },
        { "launch with only a placeholder", () => new WorkflowBuilder("W").AddDocument(DocId, d => d.AddZone("p", 1, 10, 10)).AddPlaceholderSigner("p", "Buyer").LaunchOnCreate() },
        { "launch without zone", () => new WorkflowBuilder("W").AddDocument(DocId).AddRemoteSigner("a", Ann()).LaunchOnCreate() },
        { "zone for an unknown signer", () => new WorkflowBuilder("W").AddDocument(DocId, d => d.AddZone("nobody", 1, 10, 10)).AddRemoteSigner("a", Ann()) },
        { "no document", () => new WorkflowBuilder("W").AddRemoteSigner("a", Ann()) },
        { "inline document that is not a PDF", () => new WorkflowBuilder("W").AddInlineDocument("x.pdf", new byte[] { 1, 2, 3, 4, 5, 6 }) },
        { "secret AMR without isSecretAnswerChanged", () => new WorkflowBuilder("W").AddDocument(DocId, d => d.AddZone("a", 1, 10, 10))
            .AddRemoteSigner("a", new SignerDefinition { FirstName = "A", Amr = new[] { AuthenticationMethod.Link, AuthenticationMethod.Secret }, SecretQuestion = "Q?", SecretAnswer = "answer" }) },
        { "signer AMR without link", () => new WorkflowBuilder("W").AddDocument(DocId, d => d.AddZone("a", 1, 10, 10))
            .AddRemoteSigner("a", new SignerDefinition { FirstName = "A", Phone = "+15145550100", Amr = new[] { AuthenticationMethod.Sms } }) },
    };

    [Theory]
    [MemberData(nameof(BrokenBuilders))]
    public void Builder_rejects_rule_violations(string rule, Func<WorkflowBuilder> builder)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => builder().Build());
        Assert.False(string.IsNullOrWhiteSpace(error.Message), rule);
    }

    public static TheoryData<string, CreateWorkflowRequest> BrokenRequests() => new()
    {
        { "embedded signer in a parallel step", Request(true,
            new WorkflowActionDefinition { Mode = SigningMode.Embedded, ReturnUrl = Return, Step = 2, Ref = "1", Signer = Ann() },
            new WorkflowActionDefinition { Mode = SigningMode.Remote, Step = 2, Ref = "2", Signer = Bob() }) },
        { "secret AMR with embedded signer", Request(true,
            new WorkflowActionDefinition { Mode = SigningMode.Embedded, ReturnUrl = Return, Ref = "1", Signer = new SignerDefinition { FirstName = "A", Amr = new[] { AuthenticationMethod.Secret }, SecretQuestion = "Q", SecretAnswer = "answer" } }) },
        { "embedded signer without return URL", Request(true, new WorkflowActionDefinition { Mode = SigningMode.Embedded, Ref = "1", Signer = Ann() }) },
        { "sms without phone", Request(true, new WorkflowActionDefinition { Ref = "1", Signer = Ann(AuthenticationMethod.Link, AuthenticationMethod.Sms) }) },
        { "call without phone", Request(true, new WorkflowActionDefinition { Ref = "1", Signer = Ann(AuthenticationMethod.Call) }) },
        { "launch without signer", Request(true) },
        { "placeholder without role", Request(false, new WorkflowActionDefinition { Ref = "1", Signer = new SignerDefinition { PlaceHolder = true } }) },
        { "duplicate refs", Request(false, new WorkflowActionDefinition { Ref = "1", Signer = Ann() }, new WorkflowActionDefinition { Ref = "1", Signer = Bob() }) },
    };

    [Theory]
    [MemberData(nameof(BrokenRequests))]
    public async Task Client_rejects_rule_violations_before_any_request(string rule, CreateWorkflowRequest request)
    {
        await using var harness = await ConsignOHarness.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => harness.Client.CreateWorkflowAsync(request, TestContext.Current.CancellationToken));

        Assert.True(harness.Simulator.Journal.Count == 0, rule + ": " + harness.Simulator.Journal.Count + " request(s) sent");
    }

    [Fact]
    public void Valid_definition_builds_with_linked_refs()
    {
        var request = new WorkflowBuilder("W")
            .AddDocument(DocId, d => d.AddZone("b", 1, 10, 10).AddAnchor("a", "[sig-a]", 5, -10, pages: "1,2"))
            .AddEmbeddedSigner("a", Ann(AuthenticationMethod.Link), Return, step: 1)
            .AddRemoteSigner("b", new SignerDefinition { FirstName = "B", Phone = "+15145550100", Amr = new[] { AuthenticationMethod.Link, AuthenticationMethod.Sms } }, step: 2)
            .LaunchOnCreate()
            .Build();

        Assert.Equal("2", request.Documents[0].Fields![0].AssignedTo);
        Assert.Equal("1", request.Documents[0].Anchors![0].AssignedTo);
        Assert.Equal(new[] { "1", "2" }, new[] { request.Actions[0].Ref, request.Actions[1].Ref });
        Assert.Equal(165, request.Documents[0].Fields![0].Width);
        Assert.Equal(37, request.Documents[0].Fields![0].Height);
    }

    [Fact]
    public void Builder_argument_checks()
    {
        Assert.Throws<ArgumentException>(() => new WorkflowBuilder(" "));
        Assert.Throws<ArgumentException>(() => new WorkflowBuilder("W").AddDocument(""));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkflowBuilder("W").AddDocument(DocId, d => d.AddZone("a", 0, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkflowBuilder("W").AddDocument(DocId, d => d.AddZone("a", 1, 1, 1, width: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkflowBuilder("W").AddDocument(DocId, d => d.AddZone("a", 1, double.NaN, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkflowBuilder("W").AddDocument(DocId, d => d.AddZone("a", 1, 1, double.PositiveInfinity)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WorkflowBuilder("W").AddDocument(DocId, d => d.AddZone("a", 1, 1, 1, height: double.NaN)));
        Assert.Throws<ArgumentException>(() => new WorkflowBuilder("W").AddRemoteSigner("a", Ann()).AddRemoteSigner("a", Bob()));
        Assert.Throws<ArgumentException>(() => new WorkflowBuilder("W").AddEmbeddedSigner("a", Ann(), new Uri("/relative", UriKind.Relative)));
    }

    private static CreateWorkflowRequest Request(bool launch, params WorkflowActionDefinition[] actions) => new()
    {
        Name = "W",
        Launch = launch,
        Documents = new List<WorkflowDocumentDefinition>
        {
            new() { DocumentId = DocId, Fields = new[] { new SignatureZone { X = 10, Y = 10, Page = 1, AssignedTo = "1" } } },
        },
        Actions = actions,
    };
}
