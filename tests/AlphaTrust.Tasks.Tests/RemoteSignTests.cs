using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks.Models;
using SigningClients.Core;
using SigningClients.Testing;
using SigningClients.Testing.AlphaTrust;
using SigningClients.TestSupport;
using Xunit;

namespace AlphaTrust.Tasks.Tests;

public sealed class RemoteSignTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_authentication_completes_the_task_records_the_ip_and_completes_the_transaction()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;
        var transaction = await harness.CreateTransactionAsync([ParticipantAuthentication.None], (TaskType.Signature, 0));
        var taskId = transaction.AllTasks().Single().Id;

        var result = await client.RemoteSignAsync(new RemoteSignTask(taskId, AlphaTrustHarness.ClientIp), Ct);

        Assert.Equal([taskId], result.RequestedTaskIds);
        var task = sim.GetTask(taskId)!;
        Assert.Equal(AlphaTrustTaskStatus.Completed, task.Status);
        Assert.Equal(AlphaTrustHarness.ClientIp, task.CompletedFromIpAddress);
        Assert.Equal(AlphaTrustTransactionStatus.Completed, sim.GetTransaction(transaction.Id)!.Status);
        var read = await client.GetTransactionAsync(transaction.Id, Ct);
        Assert.Equal(TransactionStatus.Completed, read!.Status);
        Assert.Equal(TransactionTaskStatus.Completed, read.AllTasks().Single().Status);
    }

    [Fact]
    public async Task Password_authentication_succeeds_with_the_right_password_and_fails_with_a_wrong_one()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;
        var transaction = await harness.CreateTransactionAsync([ParticipantAuthentication.Password("S3cret-pass!")], (TaskType.Signature, 0));
        var taskId = transaction.AllTasks().Single().Id;

        var ex = await Assert.ThrowsAsync<SigningApiException>(() =>
            client.RemoteSignAsync(new RemoteSignTask(taskId, AlphaTrustHarness.ClientIp, TaskAuthentication.Password("wrong-pass")), Ct));
        Assert.Equal(SigningFailureKind.ProviderError, ex.Kind);
        Assert.Contains("password authentication failed", ex.ProviderMessage, StringComparison.Ordinal);
        Assert.Equal(AlphaTrustTaskStatus.Pending, sim.GetTask(taskId)!.Status);

        await client.RemoteSignAsync(new RemoteSignTask(taskId, AlphaTrustHarness.ClientIp, TaskAuthentication.Password("S3cret-pass!")), Ct);
        Assert.Equal(AlphaTrustTaskStatus.Completed, sim.GetTask(taskId)!.Status);
    }

    [Fact]
    public async Task PasswordHashed_participants_are_signed_with_the_clear_text_password()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;
        var hashed = ParticipantAuthentication.PasswordHashed(AlphaTrustSimulator.HashPassword("hashed-secret-1"));
        var transaction = await harness.CreateTransactionAsync([hashed], (TaskType.Initial, 0));
        var taskId = transaction.AllTasks().Single().Id;
        Assert.Equal(ParticipantAuthenticationType.PasswordHashed, transaction.Participants.Single().Authentication!.Type);

        await Assert.ThrowsAsync<SigningApiException>(() =>
            client.RemoteSignAsync(new RemoteSignTask(taskId, AlphaTrustHarness.ClientIp, TaskAuthentication.Password(AlphaTrustSimulator.HashPassword("hashed-secret-1"))), Ct));
        await client.RemoteSignAsync(new RemoteSignTask(taskId, AlphaTrustHarness.ClientIp, TaskAuthentication.Password("hashed-secret-1")), Ct);

        Assert.Equal(AlphaTrustTaskStatus.Completed, sim.GetTask(taskId)!.Status);
    }

    [Fact]
    public async Task Registered_user_authentication_applies_the_stored_signature_image_when_ApplicationType_is_Registered()
    {
        // Doc, "Visual Signatures": the stored image is applied when the registered user has one "AND the Participant
        // Signature's ApplicationType is set to Registered".
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;
        byte[] image = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];
        sim.AddRegisteredUser("jsmith", "user-pass-77", image);
        var transaction = await client.CreateTransactionAsync(
            new TransactionCreate
            {
                Description = "Loan agreement",
                IsTest = true,
                Participants =
                {
                    new ParticipantInsert("Signer 0")
                    {
                        Authentication = ParticipantAuthentication.RegisteredUser("jsmith"),
                        SignatureApplicationType = SignatureApplicationType.Registered,
                    },
                },
                Documents = { new DocumentInsert("Agreement", new MemoryStream(TestPdf.Create("Agreement"))) { Tasks = { new TaskInsert(TaskType.Signature, 0) } } },
            },
            Ct);
        var taskId = transaction.AllTasks().Single().Id;

        var wrong = await Assert.ThrowsAsync<SigningApiException>(() =>
            client.RemoteSignAsync(new RemoteSignTask(taskId, AlphaTrustHarness.ClientIp, TaskAuthentication.RegisteredUser("jsmith", "bad-pass-00")), Ct));
        Assert.Contains("registered user authentication failed", wrong.ProviderMessage, StringComparison.Ordinal);
        var noAuth = await Assert.ThrowsAsync<SigningApiException>(() => client.RemoteSignAsync(new RemoteSignTask(taskId, AlphaTrustHarness.ClientIp), Ct));
        Assert.Equal(SigningFailureKind.ProviderError, noAuth.Kind);

        await client.RemoteSignAsync(new RemoteSignTask(taskId, "2001:db8::1", TaskAuthentication.RegisteredUser("jsmith", "user-pass-77")), Ct);

        var task = sim.GetTask(taskId)!;
        Assert.Equal(AlphaTrustTaskStatus.Completed, task.Status);
        Assert.Equal(image, task.AppliedSignatureImage);
        Assert.Equal("2001:db8::1", task.CompletedFromIpAddress);
    }

    public static TheoryData<string> TaskTypes => new() { "Signature", "Initial", "Acknowledgement", "Delivery", "NoActionRequired" };

    [Theory]
    [MemberData(nameof(TaskTypes))]
    public async Task Every_task_type_can_be_remote_signed(string type)
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;
        var transaction = await harness.CreateTransactionAsync([ParticipantAuthentication.None], (new TaskType(type), 0));
        var task = transaction.AllTasks().Single();
        Assert.Equal(new TaskType(type), task.Type);

        await client.RemoteSignAsync(new RemoteSignTask(task.Id, AlphaTrustHarness.ClientIp), Ct);

        var simulated = sim.GetTask(task.Id)!;
        Assert.Equal(type, simulated.Type.ToString());
        Assert.Equal(AlphaTrustTaskStatus.Completed, simulated.Status);
    }

    [Fact]
    public async Task A_batch_of_several_tasks_with_mixed_authentication_is_one_request()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;
        sim.AddRegisteredUser("exec", "exec-pass-1");
        var transaction = await harness.CreateTransactionAsync([ParticipantAuthentication.None, ParticipantAuthentication.Password("pw-one-11"), ParticipantAuthentication.RegisteredUser("exec")],
            (TaskType.Signature, 0), (TaskType.Initial, 1), (TaskType.Acknowledgement, 2), (TaskType.Delivery, 0), (TaskType.NoActionRequired, 1));
        var tasks = transaction.AllTasks();
        var auth = new Dictionary<int, TaskAuthentication>
        {
            [0] = TaskAuthentication.None,
            [1] = TaskAuthentication.Password("pw-one-11"),
            [2] = TaskAuthentication.RegisteredUser("exec", "exec-pass-1"),
        };
        var participantIndex = transaction.Participants.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i);
        sim.Journal.Clear();

        var result = await client.RemoteSignAsync(tasks.Select(t => new RemoteSignTask(t.Id, AlphaTrustHarness.ClientIp, auth[participantIndex[t.ParticipantId]])), Ct);

        Assert.Equal(tasks.Select(t => t.Id), result.RequestedTaskIds);
        Assert.Equal(1, sim.Journal.CountOf("POST", AlphaTrustSimulator.RemoteSignPath));
        Assert.All(tasks, t => Assert.Equal(AlphaTrustTaskStatus.Completed, sim.GetTask(t.Id)!.Status));
        Assert.Equal(AlphaTrustTransactionStatus.Completed, sim.GetTransaction(transaction.Id)!.Status);
    }

    [Fact]
    public async Task A_batch_with_one_failing_task_completes_none_and_reports_the_service_message()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;
        var transaction = await harness.CreateTransactionAsync([ParticipantAuthentication.None, ParticipantAuthentication.Password("right-pass")],
            (TaskType.Signature, 0), (TaskType.Signature, 1));
        var tasks = transaction.AllTasks();

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => client.RemoteSignAsync(
            [new RemoteSignTask(tasks[0].Id, AlphaTrustHarness.ClientIp), new RemoteSignTask(tasks[1].Id, AlphaTrustHarness.ClientIp, TaskAuthentication.Password("nope-nope"))], Ct));

        Assert.Contains(tasks[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.ProviderMessage, StringComparison.Ordinal);
        Assert.All(tasks, t => Assert.Equal(AlphaTrustTaskStatus.Pending, sim.GetTask(t.Id)!.Status));
    }

    public static TheoryData<bool> BothFailureStyles => new() { false, true };

    [Theory]
    [MemberData(nameof(BothFailureStyles))]
    public async Task Invalid_credentials_surface_the_service_message(bool httpErrors)
    {
        await using var harness = await AlphaTrustHarness.StartAsync(s => s.UseHttpErrorStatuses = httpErrors, o => o.ApiSecret = "not-the-secret-x1", cancellationToken: Ct);
        var (sim, client) = harness;

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => client.RemoteSignAsync(new RemoteSignTask(1, AlphaTrustHarness.ClientIp), Ct));

        AssertFailure(ex, httpErrors, 401, "Invalid or missing API credentials.");
        Assert.Equal(1, sim.Journal.Count);
    }

    [Theory]
    [MemberData(nameof(BothFailureStyles))]
    public async Task Unknown_task_surfaces_the_service_message(bool httpErrors)
    {
        await using var harness = await AlphaTrustHarness.StartAsync(s => s.UseHttpErrorStatuses = httpErrors, cancellationToken: Ct);
        var (sim, client) = harness;

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => client.RemoteSignAsync(new RemoteSignTask(424242, AlphaTrustHarness.ClientIp), Ct));

        AssertFailure(ex, httpErrors, 404, "Task ID 424242 doesn't exist or isn't accessible.");
    }

    [Theory]
    [MemberData(nameof(BothFailureStyles))]
    public async Task Already_completed_task_surfaces_the_service_message(bool httpErrors)
    {
        await using var harness = await AlphaTrustHarness.StartAsync(s => s.UseHttpErrorStatuses = httpErrors, cancellationToken: Ct);
        var (sim, client) = harness;
        var transaction = await harness.CreateTransactionAsync([ParticipantAuthentication.None], (TaskType.Signature, 0), (TaskType.Initial, 0));
        var tasks = transaction.AllTasks();
        await client.RemoteSignAsync(new RemoteSignTask(tasks[0].Id, AlphaTrustHarness.ClientIp), Ct);
        sim.CompleteTaskInUserInterface(tasks[1].Id);

        var again = await Assert.ThrowsAsync<SigningApiException>(() => client.RemoteSignAsync(new RemoteSignTask(tasks[0].Id, AlphaTrustHarness.ClientIp), Ct));
        var byUser = await Assert.ThrowsAsync<SigningApiException>(() => client.RemoteSignAsync(new RemoteSignTask(tasks[1].Id, AlphaTrustHarness.ClientIp), Ct));

        AssertFailure(again, httpErrors, 409, "Task " + tasks[0].Id + " was already completed.");
        AssertFailure(byUser, httpErrors, 409, "Task " + tasks[1].Id + " was already completed.");
    }

    [Theory]
    [MemberData(nameof(BothFailureStyles))]
    public async Task Insufficient_permissions_surface_the_service_message(bool httpErrors)
    {
        await using var harness = await AlphaTrustHarness.StartAsync(s => s.UseHttpErrorStatuses = httpErrors, cancellationToken: Ct);
        var (sim, client) = harness;
        var transaction = await harness.CreateTransactionAsync([ParticipantAuthentication.None], (TaskType.Signature, 0));
        sim.ApiUserPermissions = AlphaTrustPermissions.ManageTransactions;

        var ex = await Assert.ThrowsAsync<SigningApiException>(() =>
            client.RemoteSignAsync(new RemoteSignTask(transaction.AllTasks()[0].Id, AlphaTrustHarness.ClientIp), Ct));

        AssertFailure(ex, httpErrors, 403, "Insufficient permissions: the API user is not allowed to remote sign tasks.");
        Assert.Equal(AlphaTrustTaskStatus.Pending, sim.GetTask(transaction.AllTasks()[0].Id)!.Status);
    }

    [Fact]
    public async Task A_lost_response_is_never_replayed_and_reports_an_unknown_outcome()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(configureClient: o => o.Retry.MaxRetries = 3, cancellationToken: Ct);
        var (sim, client) = harness;
        var transaction = await harness.CreateTransactionAsync([ParticipantAuthentication.None], (TaskType.Signature, 0));
        var taskId = transaction.AllTasks()[0].Id;
        sim.Faults.EnqueueFor("POST", AlphaTrustSimulator.RemoteSignPath, SimulatedFault.DropAfterProcessing());

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => client.RemoteSignAsync(new RemoteSignTask(taskId, AlphaTrustHarness.ClientIp), Ct));

        Assert.True(ex.OutcomeUnknown);
        Assert.Equal(SigningFailureKind.ConnectionFailure, ex.Kind);
        Assert.Equal(1, sim.Journal.CountOf("POST", AlphaTrustSimulator.RemoteSignPath));
        Assert.Equal(AlphaTrustTaskStatus.Completed, sim.GetTask(taskId)!.Status); // it did happen: checking the state is the caller's next step
    }

    [Fact]
    public async Task A_503_on_remote_sign_is_not_retried_but_a_safe_read_is()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(configureClient: o => o.Retry.MaxRetries = 2, cancellationToken: Ct);
        var (sim, client) = harness;
        var transaction = await harness.CreateTransactionAsync([ParticipantAuthentication.None], (TaskType.Signature, 0));
        sim.Faults.EnqueueFor("POST", AlphaTrustSimulator.RemoteSignPath, SimulatedFault.Status(503));
        sim.Faults.EnqueueFor("POST", AlphaTrustSimulator.GetUpdateableTransactionsPath, SimulatedFault.DropBeforeResponse());

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => client.RemoteSignAsync(new RemoteSignTask(transaction.AllTasks()[0].Id, AlphaTrustHarness.ClientIp), Ct));
        var read = await client.GetTransactionAsync(transaction.Id, Ct);

        Assert.Equal(503, ex.Status);
        Assert.Equal(1, sim.Journal.CountOf("POST", AlphaTrustSimulator.RemoteSignPath));
        Assert.NotNull(read);
        Assert.Equal(2, sim.Journal.CountOf("POST", AlphaTrustSimulator.GetUpdateableTransactionsPath));
    }

    [Fact]
    public async Task A_non_json_error_page_still_becomes_a_SigningApiException()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(configureClient: o => o.Retry.MaxRetries = 0, cancellationToken: Ct);
        var (sim, client) = harness;
        sim.Faults.Enqueue(SimulatedFault.Html(502));

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => client.RemoteSignAsync(new RemoteSignTask(1, AlphaTrustHarness.ClientIp), Ct));

        Assert.Equal(502, ex.Status);
        Assert.Equal(SigningFailureKind.HttpError, ex.Kind);
        Assert.Null(ex.ProviderMessage);
    }

    [Fact]
    public async Task An_answer_without_IsSuccessful_is_an_invalid_response()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;
        sim.Faults.Enqueue(SimulatedFault.MalformedBody("{\"Result\":1}"));

        var ex = await Assert.ThrowsAsync<SigningApiException>(() => client.RemoteSignAsync(new RemoteSignTask(1, AlphaTrustHarness.ClientIp), Ct));

        Assert.Equal(SigningFailureKind.InvalidResponse, ex.Kind);
    }

    private static void AssertFailure(SigningApiException ex, bool httpErrors, int status, string message)
    {
        Assert.Equal(message, ex.ProviderMessage);
        Assert.Equal("AlphaTrust", ex.Provider);
        Assert.Equal("RemoteSign", ex.Operation);
        Assert.False(ex.IsTransient);
        if (httpErrors)
        {
            Assert.Equal(SigningFailureKind.HttpError, ex.Kind);
            Assert.Equal(status, ex.Status);
        }
        else
        {
            Assert.Equal(SigningFailureKind.ProviderError, ex.Kind);
            Assert.Equal(200, ex.Status);
        }

        Assert.Contains(message.TrimEnd('.'), ex.Message, StringComparison.Ordinal);
    }
}
