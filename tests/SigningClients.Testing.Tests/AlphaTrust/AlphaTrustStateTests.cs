using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using SigningClients.Testing.AlphaTrust;
using Xunit;

namespace SigningClients.Testing.Tests.AlphaTrust;

/// <summary>The AlphaTrust state model on its own (no HTTP): transactions, tasks, remote signing and permissions.</summary>
public sealed class AlphaTrustStateTests
{
    private const string Ip = "203.0.113.7";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n");
    private static readonly byte[] Image = { 0x89, 0x50, 0x4E, 0x47 };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly AlphaTrustState _state;

    public AlphaTrustStateTests() => _state = new AlphaTrustState(_time);

    [Fact]
    public void A_transaction_is_pending_until_its_last_task_is_completed()
    {
        var changes = new List<SimulatorStatusChange>();
        _state.StatusChanged += (_, c) => changes.Add(c);
        var transaction = Create(Participant("Ann"), Participant("Bob"));
        var (first, second) = (transaction.Documents[0].Tasks[0], transaction.Documents[0].Tasks[1]);
        Assert.Equal(AlphaTrustTransactionStatus.Pending, transaction.Status);

        _time.Advance(TimeSpan.FromMinutes(5));
        var signed = _state.RemoteSign(new[] { Sign(first.Id) }).Single();

        Assert.Equal(AlphaTrustTaskStatus.Completed, signed.Status);
        Assert.Equal(Ip, signed.CompletedFromIpAddress);
        Assert.Equal(_time.GetUtcNow(), signed.CompletedAt);
        Assert.Equal(AlphaTrustTransactionStatus.Pending, _state.FindTransaction(transaction.Id)!.Status);

        _state.CompleteInUserInterface(second.Id);

        Assert.Equal(AlphaTrustTransactionStatus.Completed, _state.FindTransaction(transaction.Id)!.Status);
        Assert.Null(_state.FindTask(second.Id)!.CompletedFromIpAddress); // completed in the e-Sign interface, not remotely
        Assert.Equal(
            new[] { ("transaction", (string?)null, "Pending"), ("task", "Pending", "Completed"), ("task", "Pending", "Completed"), ("transaction", "Pending", "Completed") },
            changes.Select(c => (c.Entity, c.From, c.To)));
        Assert.All(changes.Where(c => c.Entity == "task"), c => Assert.Equal(transaction.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.ParentId));
    }

    [Fact]
    public void A_remote_sign_batch_is_atomic_every_task_is_checked_before_any_is_completed()
    {
        var transaction = Create(Participant("Ann"), Participant("Bob", "Password", "s3cret"));
        var tasks = transaction.Documents[0].Tasks;

        var error = Assert.Throws<SimulatorStateException>(() => _state.RemoteSign(new[] { Sign(tasks[0].Id), Sign(tasks[1].Id, password: "wrong") }));

        Assert.Equal(SimulatorErrorKind.Unauthenticated, error.Kind);
        Assert.Equal("Task " + tasks[1].Id + ": password authentication failed.", error.Message);
        Assert.All(tasks, t => Assert.Equal(AlphaTrustTaskStatus.Pending, _state.FindTask(t.Id)!.Status));
        Assert.Equal(SimulatorErrorKind.Invalid, Assert.Throws<SimulatorStateException>(() => _state.RemoteSign(new[] { Sign(tasks[0].Id), Sign(tasks[0].Id) })).Kind);
        Assert.Equal(AlphaTrustTaskStatus.Pending, _state.FindTask(tasks[0].Id)!.Status);

        _state.RemoteSign(new[] { Sign(tasks[0].Id), Sign(tasks[1].Id, password: "s3cret") });
        Assert.Equal(AlphaTrustTransactionStatus.Completed, _state.FindTransaction(transaction.Id)!.Status);
    }

    [Fact]
    public void A_completed_task_cannot_be_signed_again_nor_updated()
    {
        var transaction = Create(Participant("Ann"), Participant("Bob"));
        var task = transaction.Documents[0].Tasks[0];
        _state.CompleteInUserInterface(task.Id);

        var again = Assert.Throws<SimulatorStateException>(() => _state.RemoteSign(new[] { Sign(task.Id) }));
        var update = Assert.Throws<SimulatorStateException>(() => _state.UpdateTasks(new[] { new AlphaTrustTaskChange(task.Id, AlphaTrustTaskType.Delivery, null) }));
        var twice = Assert.Throws<SimulatorStateException>(() => _state.CompleteInUserInterface(task.Id));

        Assert.All(new[] { again, update, twice }, e => Assert.Equal(SimulatorErrorKind.IllegalTransition, e.Kind));
        Assert.Equal("Task " + task.Id + " was already completed.", again.Message);
        Assert.Equal(AlphaTrustTaskType.Signature, _state.FindTask(task.Id)!.Type);
    }

    [Fact]
    public void Tasks_change_only_while_the_transaction_is_pending_and_a_completed_transaction_cannot_be_closed()
    {
        var open = Create(Participant("Ann"), Participant("Bob"));
        var document = open.Documents[0];
        var added = _state.CreateTasks(new[] { new AlphaTrustNewTask(open.Id, document.Id, open.Participants[1].Id, AlphaTrustTaskType.Delivery) }).Single();
        var moved = _state.UpdateTasks(new[] { new AlphaTrustTaskChange(added.Id, AlphaTrustTaskType.Acknowledgement, open.Participants[0].Id) }).Single();
        Assert.Equal((AlphaTrustTaskType.Acknowledgement, open.Participants[0].Id, AlphaTrustTaskStatus.Pending), (moved.Type, moved.ParticipantId, moved.Status));
        Assert.Equal(3, _state.FindTransaction(open.Id)!.Documents[0].Tasks.Count);

        _state.CloseTransactions(new[] { open.Id });

        Assert.Equal(AlphaTrustTransactionStatus.Closed, _state.FindTransaction(open.Id)!.Status);
        var add = Assert.Throws<SimulatorStateException>(() => _state.CreateTasks(new[] { new AlphaTrustNewTask(open.Id, document.Id, open.Participants[0].Id, AlphaTrustTaskType.Signature) }));
        var sign = Assert.Throws<SimulatorStateException>(() => _state.RemoteSign(new[] { Sign(added.Id) }));
        Assert.Contains("is Closed; tasks can only be added or updated while it is Pending", add.Message, StringComparison.Ordinal);
        Assert.Contains("which is Closed", sign.Message, StringComparison.Ordinal);

        var done = Create(Participant("Cy"));
        _state.RemoteSign(new[] { Sign(done.Documents[0].Tasks[0].Id) });
        var close = Assert.Throws<SimulatorStateException>(() => _state.CloseTransactions(new[] { open.Id, done.Id }));
        Assert.Equal(SimulatorErrorKind.IllegalTransition, close.Kind);
        Assert.Equal(AlphaTrustTransactionStatus.Completed, _state.FindTransaction(done.Id)!.Status);
        Assert.Equal(SimulatorErrorKind.NotFound, Assert.Throws<SimulatorStateException>(() => _state.CloseTransactions(new[] { 42L })).Kind);
    }

    [Theory]
    [InlineData("no-participant")]
    [InlineData("no-document")]
    [InlineData("data-without-workflow")]
    [InlineData("not-a-pdf")]
    [InlineData("no-task")]
    [InlineData("unknown-participant-index")]
    [InlineData("password-without-data")]
    public void Documented_creation_rules_are_enforced_and_a_refused_batch_creates_nothing(string rule)
    {
        var valid = Draft(Participant("Ann"));
        var draft = rule switch
        {
            "no-participant" => valid with { Participants = Array.Empty<AlphaTrustParticipantDraft>() },
            "no-document" => valid with { Documents = null },
            "data-without-workflow" => valid with { Data = new Dictionary<string, string> { ["Amount"] = "100" } },
            "not-a-pdf" => valid with { Documents = new[] { new AlphaTrustDocumentDraft("Contract", Encoding.ASCII.GetBytes("hello"), new[] { (AlphaTrustTaskType.Signature, 0) }) } },
            "no-task" => valid with { Documents = new[] { new AlphaTrustDocumentDraft("Contract", Pdf, Array.Empty<(AlphaTrustTaskType, int)>()) } },
            "unknown-participant-index" => valid with { Documents = new[] { new AlphaTrustDocumentDraft("Contract", Pdf, new[] { (AlphaTrustTaskType.Signature, 1) }) } },
            _ => Draft(Participant("Ann", "Password", null)),
        };

        var error = Assert.Throws<SimulatorStateException>(() => _state.CreateTransactions(new[] { valid, draft }));

        Assert.Equal(SimulatorErrorKind.Invalid, error.Kind);
        Assert.Null(_state.FindTransaction(1_000_000_001)); // the valid first transaction was not created either
        Assert.Equal(1_000_000_001, Create(Participant("Ann")).Id);
    }

    [Fact]
    public void A_control_panel_workflow_brings_its_own_documents_and_takes_injected_data()
    {
        var data = new Dictionary<string, string> { ["CustomerName"] = "Ann Lee" };

        var created = _state.CreateTransactions(new[] { new AlphaTrustTransactionDraft("Loan", false, "WF-42", data, null, null) }).Single();

        Assert.Equal(("WF-42", AlphaTrustTransactionStatus.Pending), (created.ProntoId, created.Status));
        Assert.Equal(data, created.Data);
        Assert.Empty(created.Documents);
        Assert.Empty(created.Participants);
    }

    [Theory]
    [InlineData("Registered", AlphaTrustTaskType.Signature, true)]
    [InlineData("Registered", AlphaTrustTaskType.Initial, true)]
    [InlineData("Registered", AlphaTrustTaskType.Acknowledgement, false)]
    [InlineData(null, AlphaTrustTaskType.Signature, false)]
    [InlineData("Typed", AlphaTrustTaskType.Signature, false)]
    public void A_registered_users_stored_image_is_applied_only_when_the_signature_application_type_is_registered(string? applicationType, AlphaTrustTaskType type, bool applied)
    {
        _state.AddRegisteredUser("jsmith", "user-pass-77", Image);
        var participant = new AlphaTrustParticipantDraft("John Smith", null, "RegisteredUser", "jsmith", applicationType);
        var task = _state.CreateTransactions(new[] { Draft(type, participant) }).Single().Documents[0].Tasks[0];

        Assert.Equal(SimulatorErrorKind.Unauthenticated, Assert.Throws<SimulatorStateException>(() => _state.RemoteSign(new[] { Sign(task.Id, "jsmith", "bad") })).Kind);
        var signed = _state.RemoteSign(new[] { Sign(task.Id, "JSMITH", "user-pass-77") }).Single();

        Assert.Equal(applied ? Image : null, signed.AppliedSignatureImage);
    }

    [Fact]
    public void Remote_signing_supports_only_password_hashed_password_and_registered_user_authentication_and_needs_an_ip_address()
    {
        var transaction = Create(Participant("Ann", "PasswordHashed", AlphaTrustState.HashPassword("pw")), Participant("Bob", "KBA", "questions"));
        var (hashed, kba) = (transaction.Documents[0].Tasks[0], transaction.Documents[0].Tasks[1]);

        Assert.Contains("not supported for remote signing", Assert.Throws<SimulatorStateException>(() => _state.RemoteSign(new[] { Sign(kba.Id) })).Message, StringComparison.Ordinal);
        Assert.Contains("IpAddress is required", Assert.Throws<SimulatorStateException>(() => _state.RemoteSign(new[] { new AlphaTrustRemoteSignature(hashed.Id, "1.2.3", null, "pw") })).Message, StringComparison.Ordinal);
        Assert.Contains("IpAddress is required", Assert.Throws<SimulatorStateException>(() => _state.RemoteSign(new[] { new AlphaTrustRemoteSignature(hashed.Id, null, null, "pw") })).Message, StringComparison.Ordinal);
        Assert.Equal("Task ID 7 doesn't exist or isn't accessible.", Assert.Throws<SimulatorStateException>(() => _state.RemoteSign(new[] { Sign(7) })).Message);

        Assert.Equal(AlphaTrustTaskStatus.Completed, _state.RemoteSign(new[] { Sign(hashed.Id, password: "pw") }).Single().Status);
    }

    [Fact]
    public void The_api_user_needs_the_permission_of_the_call()
    {
        _state.Authorize(AlphaTrustPermissions.RemoteSign);
        _state.Permissions = AlphaTrustPermissions.ManageTransactions;

        var error = Assert.Throws<SimulatorStateException>(() => _state.Authorize(AlphaTrustPermissions.RemoteSign));

        Assert.Equal(SimulatorErrorKind.Forbidden, error.Kind);
        Assert.Equal("Insufficient permissions: the API user is not allowed to remote sign tasks.", error.Message);
        _state.Authorize(AlphaTrustPermissions.ManageTransactions);
    }

    [Fact]
    public void Reading_never_changes_state_nor_raises_events_and_snapshots_are_copies()
    {
        var transaction = Create(Participant("Ann"));
        int events = 0;
        _state.StatusChanged += (_, _) => events++;

        _time.Advance(TimeSpan.FromDays(30));
        var read = _state.Transactions(new[] { transaction.Id, 99L });

        Assert.Equal(transaction.Id, read.Single().Id);
        Assert.Equal(AlphaTrustTransactionStatus.Pending, read[0].Status);
        read[0].Documents[0].FileBytes[0] = (byte)'X';
        Assert.Equal(Pdf, _state.FindTransaction(transaction.Id)!.Documents[0].FileBytes);
        Assert.Equal(0, events);
    }

    private static AlphaTrustParticipantDraft Participant(string name, string authentication = "None", string? data = null) =>
        new(name, name.ToLowerInvariant() + "@example.com", authentication, data, null);

    private static AlphaTrustTransactionDraft Draft(params AlphaTrustParticipantDraft[] participants) => Draft(AlphaTrustTaskType.Signature, participants);

    private static AlphaTrustTransactionDraft Draft(AlphaTrustTaskType type, params AlphaTrustParticipantDraft[] participants) =>
        new("Loan agreement", true, null, null, participants, new[] { new AlphaTrustDocumentDraft("Contract", Pdf, participants.Select((_, i) => (type, i)).ToArray()) });

    private static AlphaTrustRemoteSignature Sign(long taskId, string? username = null, string? password = null) => new(taskId, Ip, username, password);

    private SimulatedTransaction Create(params AlphaTrustParticipantDraft[] participants) => _state.CreateTransactions(new[] { Draft(participants) }).Single();
}
