using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using SigningClients.Testing.Trident;
using Xunit;

namespace SigningClients.Testing.Tests.Trident;

/// <summary>The TRIDENT state model on its own (no HTTP): tokens, the signer process life cycle, results and documents.</summary>
public sealed class TridentStateTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly TridentSimulatorOptions _options = new();
    private readonly TridentState _state;

    public TridentStateTests() => _state = new TridentState(_options, _time);

    [Fact]
    public void A_pending_process_is_signed_by_the_user_and_its_result_appears()
    {
        var changes = new List<SimulatorStatusChange>();
        _state.StatusChanged += (_, c) => changes.Add(c);
        var process = Create();
        Assert.Equal(TridentProcessStatus.Pending, process.Status);
        var notYet = Assert.Throws<SimulatorStateException>(() => _state.Result(process.Id));
        Assert.Equal("not_finished", notYet.Code); // "404 = not finished yet"

        var ended = _state.ExecuteTask(process.TaskId, TridentUserAction.Sign);

        Assert.Equal(TridentProcessStatus.Finished, ended.Status);
        Assert.Null(ended.Message);
        Assert.Equal(TridentProcessStatus.Finished, _state.Result(process.Id).Status);
        var signed = ended.Documents.Single().Content;
        Assert.Equal(Pdf, signed.Take(Pdf.Length));
        Assert.Contains(TridentState.SignatureMarker + " process=" + process.Id, Encoding.ASCII.GetString(signed, Pdf.Length, signed.Length - Pdf.Length), StringComparison.Ordinal);
        Assert.Equal(new[] { ((string?)null, "pending"), ("pending", "finished") }, changes.Select(c => (c.From, c.To)));
        Assert.All(changes, c => Assert.Equal(("signer_process", process.Id), (c.Entity, c.Id)));
    }

    [Theory]
    [InlineData(TridentUserAction.Fail, TridentProcessStatus.Failed, "could not be generated")]
    [InlineData(TridentUserAction.Cancel, TridentProcessStatus.Canceled, "canceled")]
    public void A_failed_or_canceled_process_leaves_the_document_unsigned_and_says_why(TridentUserAction action, TridentProcessStatus status, string message)
    {
        var process = Create();

        var ended = _state.Execute(process.Id, action);

        Assert.Equal(status, ended.Status);
        Assert.Contains(message, ended.Message, StringComparison.Ordinal);
        Assert.Equal(Pdf, ended.Documents.Single().Content);
    }

    [Fact]
    public void An_ended_process_cannot_be_executed_again_nor_its_page_opened()
    {
        var process = Create();
        _state.Execute(process.Id, TridentUserAction.Cancel);

        var byApi = Assert.Throws<SimulatorStateException>(() => _state.Execute(process.Id, TridentUserAction.Sign));
        var byBrowser = Assert.Throws<SimulatorStateException>(() => _state.ExecuteTask(process.TaskId, TridentUserAction.Sign));
        var page = Assert.Throws<SimulatorStateException>(() => _state.OpenTask(process.TaskId));

        Assert.All(new[] { byApi, byBrowser, page }, e => Assert.Equal(SimulatorErrorKind.IllegalTransition, e.Kind));
        Assert.Equal("This signature process has already ended.", page.Message);
        Assert.Equal(TridentProcessStatus.Canceled, _state.Get(process.Id).Status);
        _state.RequireTask(process.TaskId); // the task still exists: the page answers "already ended", not "unknown"
    }

    [Fact]
    public void The_process_goes_with_its_last_document_and_is_gone_afterwards()
    {
        var process = Create();
        var documentId = process.Documents.Single().Id;

        _state.DeleteDocument(documentId);

        var gone = Assert.Throws<SimulatorStateException>(() => _state.Result(process.Id));
        Assert.Equal((SimulatorErrorKind.NotFound, "gone"), (gone.Kind, gone.Code)); // "410 = no such process"
        Assert.Null(_state.Find(process.Id));
        Assert.Empty(_state.ProcessIds);
        Assert.Equal("not_found", Assert.Throws<SimulatorStateException>(() => _state.GetDocument(documentId)).Code);
        Assert.Equal("not_found", Assert.Throws<SimulatorStateException>(() => _state.DeleteDocument(documentId)).Code);
        Assert.Equal(SimulatorErrorKind.NotFound, Assert.Throws<SimulatorStateException>(() => _state.RequireTask(process.TaskId)).Kind);
    }

    [Fact]
    public void A_process_needs_a_pdf()
    {
        var draft = Draft() with { Document = Encoding.ASCII.GetBytes("<html/>") };

        var error = Assert.Throws<SimulatorStateException>(() => _state.Create(draft));

        Assert.Equal((SimulatorErrorKind.Invalid, "invalid_document"), (error.Kind, error.Code));
        Assert.Empty(_state.ProcessIds);
    }

    [Fact]
    public void A_token_lasts_its_lifetime_on_the_simulator_clock()
    {
        var token = _state.IssueToken("client_credentials", string.Empty);
        Assert.Equal(_options.Scope, token.Scope);
        Assert.Equal(1, _state.TokensIssued);

        _time.Advance(_options.TokenLifetime - TimeSpan.FromSeconds(1));
        Assert.Same(token, _state.Authenticate(token.Token));
        _time.Advance(TimeSpan.FromSeconds(1));

        var expired = Assert.Throws<SimulatorStateException>(() => _state.Authenticate(token.Token));
        Assert.Equal((SimulatorErrorKind.Unauthenticated, "invalid_token"), (expired.Kind, expired.Code));
        Assert.Equal("A bearer token is required.", Assert.Throws<SimulatorStateException>(() => _state.Authenticate(null)).Message);
    }

    [Fact]
    public void The_token_endpoint_checks_the_server_the_client_the_grant_and_the_scope()
    {
        Assert.Equal("not_found", Assert.Throws<SimulatorStateException>(() => _state.RequireAuthServer("other-as")).Code);
        Assert.Equal("invalid_client", Assert.Throws<SimulatorStateException>(() => _state.AuthenticateClient(_options.ClientId, "wrong")).Code);
        Assert.Equal("invalid_client", Assert.Throws<SimulatorStateException>(() => _state.AuthenticateClient(null, null)).Code);
        Assert.Equal("unsupported_grant_type", Assert.Throws<SimulatorStateException>(() => _state.IssueToken("password", string.Empty)).Code);
        Assert.Equal("invalid_scope", Assert.Throws<SimulatorStateException>(() => _state.IssueToken("client_credentials", _options.Scope + " admin")).Code);
        _state.RequireAuthServer(_options.AuthServer);
        _state.AuthenticateClient(_options.ClientId, _options.ClientSecret);
        Assert.Equal(0, _state.TokensIssued);
    }

    [Fact]
    public void Reading_never_changes_state_nor_raises_events_and_snapshots_are_copies()
    {
        var process = Create();
        int events = 0;
        _state.StatusChanged += (_, _) => events++;

        _time.Advance(TimeSpan.FromDays(1));
        var read = _state.Get(process.Id);
        read.Documents[0].Content[0] = (byte)'X';

        Assert.Equal(TridentProcessStatus.Pending, _state.Get(process.Id).Status);
        Assert.Equal(Pdf, _state.GetDocument(read.Documents[0].Id).Document.Content);
        Assert.Equal(0, events);
    }

    private static TridentProcessDraft Draft() => new(
        "urn:safelayer:eidas:processes:document:sign:esigp",
        new Uri("https://app.example.com/done?ref=7"),
        "{}",
        new TridentProcessSettings(null, null),
        "contract.pdf",
        Pdf);

    private TridentSignerProcessSnapshot Create() => _state.Create(Draft());
}
