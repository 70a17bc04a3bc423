using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using AlphaTrust.Tasks;
using AlphaTrust.Tasks.Models;
using NSubstitute;
using SigningClients.Conformance.Tests.Support;
using SigningClients.Core;
using SigningClients.TestSupport;
using Xunit;

namespace SigningClients.Conformance.Tests.AlphaTrust;

/// <summary>
/// AlphaTrust against its own references (alphatrust-remote-task-signing.txt and the SDK model names in FACTS.md), not
/// our simulator: fixtures fed to a real <see cref="AlphaTrustClient"/> through a fake handler. Members the documentation
/// describes without naming (the visual signature's ApplicationType, Control Panel workflow data, per-task outcomes)
/// follow the documented option defaults of <see cref="AlphaTrustWireNames"/>.
/// </summary>
public sealed class AlphaTrustConformanceTests
{
    private const string Provider = "AlphaTrust";

    // A user's own serializer over the public models (they carry their wire names): what a user who stores a returned model gets.
    private static readonly JsonSerializerOptions UserSerializer = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private static System.Threading.CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AlphaTrustClient Client(RecordingHandler handler, Action<AlphaTrustClientOptions>? configure = null)
    {
        var options = new AlphaTrustClientOptions
        {
            Endpoint = new Uri("https://esign.example.com/rest/"),
            ApiKey = "key",
            ApiSecret = "secret",
            ApiUsername = "api-user",
            ApiPassword = "api-password",
            Retry = new RetryOptions { MaxRetries = 0 },
        };
        configure?.Invoke(options);
        return new AlphaTrustClient(options, new HttpClient(handler));
    }

    private static TransactionCreate Agreement(Stream content) => new()
    {
        IsTest = true,
        Description = "Loan 4711",
        Participants = { new ParticipantInsert("John Smith") { EmailAddress = "john@example.com", SendRequestViaEmail = true, Authentication = ParticipantAuthentication.RegisteredUser("johnsmith") } },
        Documents = { new DocumentInsert("Agreement", content) { Tasks = { new TaskInsert(TaskType.Signature, 0) } } },
    };

    [Fact]
    public async Task Remote_sign_request_has_the_documented_shape()
    {
        var handler = RecordingHandler.Json(RecordingHandler.Fixture(Provider, "default-return.success.json"));
        using var client = Client(handler);
        await client.RemoteSignAsync(new RemoteSignTask(1234567890, "123.45.67.89", TaskAuthentication.RegisteredUser("johnsmith", "p@ssword123")), Ct);

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("https://esign.example.com/rest/api/v5/tasks/remotesign", sent.Uri.AbsoluteUri);
        Assert.Empty(JsonCompare.Differences(RecordingHandler.Fixture(Provider, "remotesign-request.doc.json"), sent.Body!));
    }

    [Fact]
    public async Task Remote_sign_surfaces_the_servers_per_task_outcomes_and_keeps_every_other_member()
    {
        var handler = RecordingHandler.Json(RecordingHandler.Fixture(Provider, "remotesign-answer.tasks.json"));
        using var client = Client(handler);
        var result = await client.RemoteSignAsync(new[] { new RemoteSignTask(1234567890, "10.0.0.1"), new RemoteSignTask(1234567891, "10.0.0.1") }, Ct);

        Assert.Equal(new long[] { 1234567890, 1234567891 }, result.RequestedTaskIds);
        Assert.Equal(2, result.Tasks.Count);
        Assert.Equal(1234567890, result.Tasks[0].TaskId);
        Assert.True(result.Tasks[0].IsSuccessful);
        Assert.Equal(TransactionTaskStatus.Completed, result.Tasks[0].Status);
        Assert.Equal("2024-05-01T10:00:00Z", result.Tasks[0].AdditionalProperties!["CompletedOn"].GetString());
        Assert.Equal(1234567891, result.Tasks[1].TaskId); // sent as a string: still read
        var failed = Assert.Single(result.GetFailedTasks());
        Assert.Equal("Task was already completed", failed.Message);
        Assert.Equal("rs-77", result.AdditionalProperties!["RequestReference"].GetString());
        Assert.False(result.AdditionalProperties.ContainsKey("Tasks"));
    }

    [Fact]
    public async Task Remote_sign_with_the_bare_default_return_or_an_unexpected_task_list_does_not_throw()
    {
        using (var client = Client(RecordingHandler.Json(RecordingHandler.Fixture(Provider, "default-return.success.json"))))
        {
            var result = await client.RemoteSignAsync(new RemoteSignTask(1, "10.0.0.1"), Ct);
            Assert.Empty(result.Tasks);
            Assert.Null(result.AdditionalProperties);
        }

        using (var client = Client(RecordingHandler.Json(RecordingHandler.Fixture(Provider, "remotesign-answer.tasks-unexpected.json"))))
        {
            var result = await client.RemoteSignAsync(new RemoteSignTask(1, "10.0.0.1"), Ct);
            Assert.Empty(result.Tasks);
            Assert.Equal("all done", result.AdditionalProperties!["Tasks"].GetString());
        }
    }

    [Fact]
    public async Task Per_task_outcomes_are_read_from_the_configured_member()
    {
        var handler = RecordingHandler.Json("{\"IsSuccessful\":true,\"Results\":[{\"ID\":7,\"IsSuccessful\":true}]}");
        using var client = Client(handler, o => o.WireNames.RemoteSignTaskResults = "Results");
        var result = await client.RemoteSignAsync(new RemoteSignTask(7, "10.0.0.1"), Ct);
        Assert.Equal(7, Assert.Single(result.Tasks).TaskId);
    }

    [Fact]
    public async Task A_documented_failure_answered_with_200_is_one_SigningApiException()
    {
        using var client = Client(RecordingHandler.Json(RecordingHandler.Fixture(Provider, "default-return.failure.json")));
        var e = await Assert.ThrowsAsync<SigningApiException>(() => client.RemoteSignAsync(new RemoteSignTask(1, "10.0.0.1"), Ct));
        Assert.Contains("Task was already completed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_transaction_writes_the_sdk_model_members()
    {
        var handler = RecordingHandler.Json(RecordingHandler.Fixture(Provider, "transactions-answer.json"));
        using var client = Client(handler);
        await client.CreateTransactionAsync(Agreement(new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n"))), Ct);

        var sent = Assert.Single(handler.Requests);
        Assert.Equal("https://esign.example.com/rest/api/v5/transactions/create", sent.Uri.AbsoluteUri);
        Assert.Empty(JsonCompare.Missing(RecordingHandler.Fixture(Provider, "transaction-create.sdk-models.json"), sent.Body!));
    }

    [Fact]
    public async Task A_Control_Panel_workflow_is_launched_by_ProntoId_with_injected_data_and_no_documents()
    {
        var handler = RecordingHandler.Json(RecordingHandler.Fixture(Provider, "transactions-answer.json"));
        using var client = Client(handler);
        var transaction = TransactionCreate.FromWorkflow("WF-1001", new Dictionary<string, string> { ["CustomerName"] = "Jane Roe", ["AccountNumber"] = "000123" });
        transaction.Description = "Onboarding";

        var created = await client.CreateTransactionAsync(transaction, Ct);

        Assert.Equal(9001, created.Id);
        Assert.Empty(JsonCompare.Differences(RecordingHandler.Fixture(Provider, "transaction-create.control-panel.json"), Assert.Single(handler.Requests).Body!));
    }

    [Fact]
    public async Task Workflow_data_member_name_is_an_option()
    {
        var handler = RecordingHandler.Json(RecordingHandler.Fixture(Provider, "transactions-answer.json"));
        using var client = Client(handler, o => o.WireNames.WorkflowData = "FieldValues");
        await client.CreateTransactionAsync(TransactionCreate.FromWorkflow("WF-1", new Dictionary<string, string> { ["A"] = "1" }), Ct);
        using var body = JsonDocument.Parse(Assert.Single(handler.Requests).Body!);
        var sent = body.RootElement.GetProperty("Transactions")[0];
        Assert.Equal("1", sent.GetProperty("FieldValues").GetProperty("A").GetString());
        Assert.False(sent.TryGetProperty("Data", out _));
    }

    [Fact]
    public async Task Registered_visual_signature_is_written_on_the_participant_signature()
    {
        var handler = RecordingHandler.Json(RecordingHandler.Fixture(Provider, "transactions-answer.json"));
        using var client = Client(handler);
        var transaction = Agreement(new MemoryStream(TestPdf.Create()));
        transaction.Participants[0].SignatureApplicationType = SignatureApplicationType.Registered;
        await client.CreateTransactionAsync(transaction, Ct);

        using var body = JsonDocument.Parse(Assert.Single(handler.Requests).Body!);
        var participant = body.RootElement.GetProperty("Transactions")[0].GetProperty("Participants")[0];
        Assert.Equal("Registered", participant.GetProperty("Signature").GetProperty("ApplicationType").GetString());

        var renamed = RecordingHandler.Json(RecordingHandler.Fixture(Provider, "transactions-answer.json"));
        using var other = Client(renamed, o => { o.WireNames.ParticipantSignature = "ParticipantSignature"; o.WireNames.SignatureApplicationType = "Application"; });
        var again = Agreement(new MemoryStream(TestPdf.Create()));
        again.Participants[0].SignatureApplicationType = SignatureApplicationType.Registered;
        await other.CreateTransactionAsync(again, Ct);
        using var renamedBody = JsonDocument.Parse(Assert.Single(renamed.Requests).Body!);
        Assert.Equal("Registered", renamedBody.RootElement.GetProperty("Transactions")[0].GetProperty("Participants")[0].GetProperty("ParticipantSignature").GetProperty("Application").GetString());
    }

    [Fact]
    public async Task Transactions_answer_parses_and_round_trips_every_member()
    {
        string fixture = RecordingHandler.Fixture(Provider, "transactions-answer.json");
        using var client = Client(RecordingHandler.Json(fixture));
        var transaction = await client.GetTransactionAsync(9001, Ct);

        Assert.NotNull(transaction);
        Assert.Equal(TransactionStatus.Pending, transaction!.Status);
        Assert.Equal(1234567890, transaction.Documents[0].Tasks[0].Id);
        using var expected = JsonDocument.Parse(fixture);
        Assert.Empty(JsonCompare.Differences(expected.RootElement.GetProperty("Transactions")[0].GetRawText(), JsonSerializer.Serialize(transaction, UserSerializer)));
    }

    [Fact]
    public async Task A_model_factory_result_can_be_returned_by_a_substitute()
    {
        var client = Substitute.For<IAlphaTrustClient>();
        client.RemoteSignAsync(Arg.Any<RemoteSignTask>(), Arg.Any<System.Threading.CancellationToken>())
            .Returns(AlphaTrustModelFactory.RemoteSignResult(new long[] { 42 }, new[] { AlphaTrustModelFactory.RemoteSignTaskOutcome(42, isSuccessful: false, message: "locked") }));

        var result = await client.RemoteSignAsync(new RemoteSignTask(42, "10.0.0.1"), Ct);

        Assert.Equal(42, result.RequestedTaskIds.Single());
        Assert.Equal("locked", Assert.Single(result.GetFailedTasks()).Message);
        var transaction = AlphaTrustModelFactory.Transaction(7, TransactionStatus.Pending, documents: new[] { AlphaTrustModelFactory.Document(1, "A", new[] { AlphaTrustModelFactory.TransactionTask(9, TaskType.Signature, TransactionTaskStatus.Pending, 1, 2) }) });
        Assert.Equal(9, transaction.Documents[0].Tasks[0].Id);
    }
}
