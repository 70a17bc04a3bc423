using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks.Models;
using SigningClients.Testing;
using SigningClients.TestSupport;
using Xunit;

namespace AlphaTrust.Tasks.Tests;

/// <summary>Issue 15: the rules the AlphaTrust documentation states, checked before any request.</summary>
public sealed class ContractFidelityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TransactionCreate OneDocument(Stream content, ParticipantAuthentication? auth = null, SignatureApplicationType? applicationType = null) => new()
    {
        Participants = { new ParticipantInsert("John Smith") { Authentication = auth ?? ParticipantAuthentication.None, SignatureApplicationType = applicationType } },
        Documents = { new DocumentInsert("Agreement", content) { Tasks = { new TaskInsert(TaskType.Signature, 0) } } },
    };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_document_that_is_not_a_PDF_is_refused_before_any_request(bool seekable)
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;
        var bytes = Encoding.ASCII.GetBytes("hello");
        Stream content = seekable ? new MemoryStream(bytes) : new NonSeekableStream(new MemoryStream(bytes));

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateTransactionAsync(OneDocument(content), Ct));

        Assert.Equal("transaction", ex.ParamName);
        Assert.Contains("%PDF-", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, sim.Journal.Count);
    }

    [Fact]
    public async Task A_non_seekable_PDF_is_sent_whole_after_the_check()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;
        var pdf = TestPdf.Create("Non-seekable");

        var created = await client.CreateTransactionAsync(OneDocument(new NonSeekableStream(new MemoryStream(pdf))), Ct);

        Assert.Single(created.Documents);
        var body = System.Text.Json.JsonDocument.Parse(sim.Journal.Entries[^1].BodyText);
        var sent = body.RootElement.GetProperty("Transactions")[0].GetProperty("Documents")[0].GetProperty("Source").GetProperty("FileBytes").GetBytesFromBase64();
        Assert.Equal(pdf, sent);
    }

    [Fact]
    public async Task Registered_visual_signature_needs_a_registered_user_participant()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateTransactionAsync(
            OneDocument(new MemoryStream(TestPdf.Create()), ParticipantAuthentication.Password("pw-1"), SignatureApplicationType.Registered), Ct));

        Assert.Contains("RegisteredUser", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, sim.Journal.Count);
    }

    [Fact]
    public async Task Workflow_data_without_a_workflow_id_is_refused_before_any_request()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;
        var transaction = OneDocument(new MemoryStream(TestPdf.Create()));
        transaction.WorkflowData = new Dictionary<string, string> { ["Name"] = "x" };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.CreateTransactionAsync(transaction, Ct));

        Assert.Contains("ProntoId", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, sim.Journal.Count);
    }

    [Fact]
    public async Task Without_a_workflow_id_documents_and_participants_are_still_required()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;

        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateTransactionAsync(new TransactionCreate { Description = "x" }, Ct));
        Assert.Throws<ArgumentException>(() => TransactionCreate.FromWorkflow(" "));
        Assert.Equal(0, sim.Journal.Count);
    }
}
