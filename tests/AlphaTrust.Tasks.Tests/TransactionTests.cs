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

public sealed class TransactionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_uploads_the_document_bytes_and_returns_ids_for_everything()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;
        var pdf = TestPdf.Create("Contract");
        using var content = new MemoryStream(pdf);

        var created = await client.CreateTransactionAsync(new TransactionCreate
        {
            Description = "Contract 2026-17",
            IsTest = true,
            Participants = [new ParticipantInsert { FullName = "Ada Lovelace", EmailAddress = "ada@example.com", Authentication = ParticipantAuthentication.Password("ada-pass-1") }],
            Documents = [new DocumentInsert { Title = "Contract", Content = content, Tasks = [new TaskInsert(TaskType.Signature, 0), new TaskInsert(TaskType.Initial, 0)] }],
        }, Ct);

        Assert.True(created.Id > 0);
        Assert.Equal(TransactionStatus.Pending, created.Status);
        Assert.Equal("Contract 2026-17", created.Description);
        var participant = Assert.Single(created.Participants);
        Assert.Equal(ParticipantAuthenticationType.Password, participant.Authentication!.Type);
        var document = Assert.Single(created.Documents);
        Assert.Equal([TaskType.Signature, TaskType.Initial], document.Tasks.Select(t => t.Type));
        Assert.All(document.Tasks, t => Assert.Equal(participant.Id, t.ParticipantId));
        Assert.All(document.Tasks, t => Assert.Equal(TransactionTaskStatus.Pending, t.Status));
        Assert.Equal(pdf, sim.GetTransaction(created.Id)!.Documents.Single().FileBytes);
        Assert.True(content.CanRead); // the SDK never disposes the caller's stream
    }

    [Fact]
    public async Task Tasks_can_be_added_and_updated_while_pending_but_not_after_close()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;
        var transaction = await harness.CreateTransactionAsync([ParticipantAuthentication.None, ParticipantAuthentication.None], (TaskType.Signature, 0));
        var document = transaction.Documents.Single();

        var added = await client.AddTasksAsync(transaction.Id, [new TaskCreate(document.Id, transaction.Participants[1].Id, TaskType.Acknowledgement)], Ct);
        var newTask = Assert.Single(added);
        Assert.Equal(TaskType.Acknowledgement, newTask.Type);
        Assert.Equal(transaction.Participants[1].Id, newTask.ParticipantId);

        var updated = await client.UpdateTasksAsync([new TaskUpdate(newTask.Id) { Type = TaskType.Delivery }], Ct);
        Assert.Equal(TaskType.Delivery, Assert.Single(updated).Type);
        Assert.Equal(AlphaTrustTaskType.Delivery, sim.GetTask(newTask.Id)!.Type);

        await client.CloseTransactionsAsync([transaction.Id], Ct);
        await client.CloseTransactionsAsync([transaction.Id], Ct); // closing is idempotent
        Assert.Equal(AlphaTrustTransactionStatus.Closed, sim.GetTransaction(transaction.Id)!.Status);
        var read = await client.GetTransactionAsync(transaction.Id, Ct);
        Assert.Equal(TransactionStatus.Closed, read!.Status);

        var ex = await Assert.ThrowsAsync<SigningApiException>(() =>
            client.AddTasksAsync(transaction.Id, [new TaskCreate(document.Id, transaction.Participants[0].Id, TaskType.Initial)], Ct));
        Assert.Equal(SigningFailureKind.ProviderError, ex.Kind);
        Assert.Contains("Pending", ex.ProviderMessage, StringComparison.Ordinal);
        var sign = await Assert.ThrowsAsync<SigningApiException>(() => client.RemoteSignAsync(new RemoteSignTask(newTask.Id, AlphaTrustHarness.ClientIp), Ct));
        Assert.Contains("Closed", sign.ProviderMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_unknown_transactions_succeeds_with_nothing_found()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;

        Assert.Empty(await client.GetUpdateableTransactionsAsync([77, 78], Ct));
        Assert.Null(await client.GetTransactionAsync(77, Ct));
    }

    [Fact]
    public async Task Closing_an_unknown_or_completed_transaction_reports_the_service_message()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;
        var transaction = await harness.CreateTransactionAsync([ParticipantAuthentication.None], (TaskType.Signature, 0));
        await client.RemoteSignAsync(new RemoteSignTask(transaction.AllTasks()[0].Id, AlphaTrustHarness.ClientIp), Ct);

        var unknown = await Assert.ThrowsAsync<SigningApiException>(() => client.CloseTransactionsAsync([99], Ct));
        var completed = await Assert.ThrowsAsync<SigningApiException>(() => client.CloseTransactionsAsync([transaction.Id], Ct));

        Assert.Equal("Transaction ID 99 doesn't exist or isn't accessible.", unknown.ProviderMessage);
        Assert.Contains("Completed", completed.ProviderMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_members_and_values_are_kept()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;
        sim.Faults.Enqueue(SimulatedFault.MalformedBody(
            "{\"IsSuccessful\":true,\"Transactions\":[{\"ID\":5,\"Status\":\"Archived\",\"Region\":\"EU\",\"Documents\":[{\"ID\":6,\"Tasks\":[{\"ID\":7,\"Type\":\"Witness\",\"Status\":\"Expired\"}]}]}]}"));

        var transaction = Assert.Single(await client.GetUpdateableTransactionsAsync([5], Ct));

        Assert.Equal("Archived", transaction.Status.Value);
        Assert.Equal("EU", transaction.AdditionalProperties!["Region"].GetString());
        var task = transaction.AllTasks().Single();
        Assert.Equal("Witness", task.Type.Value);
        Assert.Equal("Expired", task.Status.Value);
    }
}
