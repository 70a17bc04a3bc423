using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SigningClients.Testing.ConsignO;
using Xunit;

namespace SigningClients.Testing.Tests.ConsignO;

/// <summary>The ConsignO state model on its own (no HTTP): sessions, documents and the workflow life cycle.</summary>
public sealed class ConsignOStateTests
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_launched_workflow_runs_its_steps_in_sequence_with_parallel_signers_and_completes()
    {
        var state = State();
        var changes = new List<SimulatorStatusChange>();
        state.StatusChanged += (_, c) => changes.Add(c);

        var created = state.Create(Draft(launch: true, steps: new[] { 1, 1, 2 }));

        Assert.Equal(ConsignOWorkflowStatus.Launched, created.Status);
        Assert.Equal(new[] { ConsignOActionStatus.Started, ConsignOActionStatus.Started, ConsignOActionStatus.NotStarted }, created.Actions.Select(a => a.Status));
        Assert.Equal(2, state.SignCurrentStep(created.Id));
        Assert.Equal(new[] { ConsignOActionStatus.Completed, ConsignOActionStatus.Completed, ConsignOActionStatus.Started }, state.Get(created.Id).Actions.Select(a => a.Status));
        Assert.Null(state.Get(created.Id).AuditTrailDocumentId);
        Assert.Equal(1, state.SignCurrentStep(created.Id));
        var completed = state.Get(created.Id);
        Assert.Equal(ConsignOWorkflowStatus.Completed, completed.Status);
        Assert.NotNull(completed.AuditTrailDocumentId);
        Assert.Equal(completed.Id, state.AuditTrail(created.Id).Id);
        Assert.Equal(new[] { "0", "1", "2" }, changes.Where(c => c.Entity == "workflow").Select(c => c.To));
        Assert.All(changes.Where(c => c.Entity == "action"), c => Assert.Equal(created.Id, c.ParentId));
    }

    [Fact]
    public void A_workflow_that_is_only_created_cannot_be_signed_declined_or_expired()
    {
        var state = State();
        var created = state.Create(Draft(launch: false));

        Assert.Equal(ConsignOWorkflowStatus.Created, created.Status);
        Assert.All(created.Actions, a => Assert.Equal(ConsignOActionStatus.NotStarted, a.Status));
        Assert.Equal(SimulatorErrorKind.IllegalTransition, Assert.Throws<SimulatorStateException>(() => state.SignCurrentStep(created.Id)).Kind);
        Assert.Equal(SimulatorErrorKind.IllegalTransition, Assert.Throws<SimulatorStateException>(() => state.Decline(created.Id, "no")).Kind);
        Assert.Equal(SimulatorErrorKind.IllegalTransition, Assert.Throws<SimulatorStateException>(() => state.Expire(created.Id)).Kind);
        Assert.Equal("WORKFLOW_NOT_COMPLETED", Assert.Throws<SimulatorStateException>(() => state.AuditTrail(created.Id)).Code);
    }

    [Fact]
    public void A_decline_ends_the_workflow_and_later_moves_are_refused()
    {
        var state = State();
        var id = state.Create(Draft(launch: true, steps: new[] { 1, 2 })).Id;

        state.Decline(id, "Wrong amount");

        var declined = state.Get(id);
        Assert.Equal(ConsignOWorkflowStatus.Declined, declined.Status);
        Assert.Equal(ConsignOActionStatus.Declined, declined.Actions[0].Status);
        Assert.Equal("Wrong amount", declined.Actions[0].DeclineReason);
        Assert.Equal(ConsignOActionStatus.NotStarted, declined.Actions[1].Status);
        Assert.Throws<SimulatorStateException>(() => state.SignCurrentStep(id));
        Assert.Throws<SimulatorStateException>(() => state.Expire(id));
    }

    [Fact]
    public void A_deleted_workflow_is_unknown_to_the_api_but_kept_for_inspection()
    {
        var state = State();
        var id = state.Create(Draft(launch: true)).Id;

        state.Delete(id);

        Assert.Equal(SimulatorErrorKind.NotFound, Assert.Throws<SimulatorStateException>(() => state.Get(id)).Kind);
        Assert.Equal(SimulatorErrorKind.NotFound, Assert.Throws<SimulatorStateException>(() => state.Delete(id)).Kind);
        Assert.Equal(ConsignOWorkflowStatus.Deleted, state.Find(id)!.Status);
        Assert.Equal(1, state.WorkflowCount);
    }

    [Theory]
    [InlineData("launch-without-zones")]
    [InlineData("embedded-secret")]
    [InlineData("embedded-parallel")]
    [InlineData("sms-without-phone")]
    [InlineData("no-document")]
    public void Documented_creation_rules_are_enforced(string rule)
    {
        var state = State();
        var draft = rule switch
        {
            "launch-without-zones" => Draft(launch: true, zones: 0),
            "embedded-secret" => Draft(launch: false, mode: ConsignOSigningMode.Embedded, amr: "secret"),
            "embedded-parallel" => Draft(launch: false, steps: new[] { 1, 1 }, mode: ConsignOSigningMode.Embedded),
            "sms-without-phone" => Draft(launch: false, amr: "sms", phone: false),
            _ => Draft(launch: false) with { Documents = Array.Empty<ConsignODocumentDraft>() },
        };

        var error = Assert.Throws<SimulatorStateException>(() => state.Create(draft));

        Assert.Equal(SimulatorErrorKind.Invalid, error.Kind);
        Assert.Equal(0, state.WorkflowCount);
        Assert.Equal(0, state.DocumentCount); // nothing is stored when the creation is refused
    }

    [Fact]
    public void A_document_belongs_to_one_workflow_and_must_be_a_pdf()
    {
        var state = State();
        var uploaded = state.Upload("a.pdf", Pdf, pdfa: true);
        var first = Draft(launch: false) with { Documents = new[] { new ConsignODocumentDraft(uploaded.Id, null, null, 1) } };

        state.Create(first);

        Assert.Equal(SimulatorErrorKind.Invalid, Assert.Throws<SimulatorStateException>(() => state.Create(first)).Kind);
        Assert.Equal("INVALID_DOCUMENT_TYPE", Assert.Throws<SimulatorStateException>(() => state.Upload("a.txt", Encoding.ASCII.GetBytes("hello"), false)).Code);
        Assert.True(uploaded.PdfA);
    }

    [Fact]
    public void A_session_expires_after_30_minutes_of_inactivity_on_the_simulator_clock()
    {
        var state = State();
        var token = state.Login("u", "p", null, null, null);

        _time.Advance(TimeSpan.FromMinutes(29));
        state.Authenticate(token, "missing"); // activity: the idle period restarts
        _time.Advance(TimeSpan.FromMinutes(30));
        state.Authenticate(token, "missing");
        _time.Advance(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));

        var error = Assert.Throws<SimulatorStateException>(() => state.Authenticate(token, "missing"));
        Assert.Equal(SimulatorErrorKind.Unauthenticated, error.Kind);
        Assert.Contains("inactivity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rotated_token_replaces_the_old_one_at_once()
    {
        var state = State(o => o.RotateTokenEvery = 2);
        var token = state.Login("u", "p", null, null, null);
        var session = state.Authenticate(token, "missing");

        Assert.Null(state.CountAnswer(session));
        var rotated = state.CountAnswer(session);

        Assert.NotNull(rotated);
        Assert.Throws<SimulatorStateException>(() => state.Authenticate(token, "missing"));
        Assert.Same(session, state.Authenticate(rotated, "missing"));
        Assert.Equal(new[] { token, rotated }, state.IssuedTokens);
    }

    [Fact]
    public void Login_checks_credentials_tenant_and_platform_client()
    {
        var state = State(o =>
        {
            o.Tenant = "acme";
            o.ClientId = "cid";
            o.ClientSecret = "cs";
        });

        Assert.Equal("INVALID_CREDENTIALS", Assert.Throws<SimulatorStateException>(() => state.Login("u", "wrong", "acme", "cid", "cs")).Code);
        Assert.Equal("INVALID_CREDENTIALS", Assert.Throws<SimulatorStateException>(() => state.Login("u", "p", "acme", "cid", "wrong")).Code);
        Assert.Equal("INVALID_TENANT", Assert.Throws<SimulatorStateException>(() => state.Login("u", "p", "other", "cid", "cs")).Code);
        state.Login("u", "p", "acme", "cid", "cs");
        Assert.Equal(1, state.LoginCount);
    }

    [Fact]
    public void Reading_never_changes_state_nor_raises_events()
    {
        var state = State();
        var id = state.Create(Draft(launch: true)).Id;
        int events = 0;
        state.StatusChanged += (_, _) => events++;

        var first = state.Get(id);
        _time.Advance(TimeSpan.FromDays(1));
        var second = state.Get(id);

        Assert.Equal(first.StatusDate, second.StatusDate);
        Assert.Equal(first.Status, second.Status);
        Assert.Equal(0, events);
    }

    private ConsignOState State(Action<ConsignOSimulatorOptions>? configure = null)
    {
        var options = new ConsignOSimulatorOptions { Username = "u", Password = "p" };
        configure?.Invoke(options);
        return new ConsignOState(options, _time);
    }

    private static ConsignOWorkflowDraft Draft(bool launch, int[]? steps = null, int zones = 1, ConsignOSigningMode mode = ConsignOSigningMode.Remote, string amr = "link", bool phone = true)
    {
        var actions = (steps ?? new[] { 1 }).Select(step => new ConsignOActionDraft(step, mode, new[] { amr }, phone, new JsonObject { ["firstName"] = "Ann" })).ToArray();
        return new ConsignOWorkflowDraft("Contract", null, launch, new[] { new ConsignODocumentDraft(null, "c.pdf", Pdf, zones) }, actions, new JsonObject());
    }
}
