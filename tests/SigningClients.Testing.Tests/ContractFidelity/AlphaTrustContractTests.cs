using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks;
using AlphaTrust.Tasks.Models;
using SigningClients.Testing.AlphaTrust;
using SigningClients.TestSupport;
using Xunit;

namespace SigningClients.Testing.Tests.ContractFidelity;

/// <summary>
/// The AlphaTrust simulator follows the corrected contracts (issue 15), checked end to end through the real
/// <see cref="AlphaTrustClient"/>: Control Panel workflows by ProntoID with injected data, the stored signature image
/// only for <c>ApplicationType = Registered</c>, PDF-only documents and per-task remote-sign outcomes.
/// </summary>
public sealed class AlphaTrustContractTests
{
    private static readonly byte[] Image = { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_Control_Panel_workflow_is_launched_by_ProntoID_without_documents_and_keeps_the_injected_Data()
    {
        await using var sim = await AlphaTrustSimulator.StartAsync(cancellationToken: Ct);
        using var client = Client(sim);
        var data = new Dictionary<string, string> { ["CustomerName"] = "Ann Lee", ["Amount"] = "1200" };

        var created = await client.CreateTransactionAsync(TransactionCreate.FromWorkflow("WF-42", data), Ct);

        var stored = sim.GetTransaction(created.Id)!;
        Assert.Equal("WF-42", stored.ProntoId);
        Assert.Equal(data, stored.Data);
        Assert.Empty(stored.Documents);
        Assert.Equal("WF-42", created.ProntoId);
        var echoed = JsonNode.Parse(created.AdditionalProperties!["Data"].GetRawText())!.AsObject();
        Assert.Equal("Ann Lee", (string?)echoed["CustomerName"]);
    }

    [Fact]
    public async Task Injected_Data_without_a_ProntoID_is_refused_by_the_server()
    {
        await using var sim = await AlphaTrustSimulator.StartAsync(cancellationToken: Ct);
        using var http = RawClient(sim);
        var body = """{"Transactions":[{"Data":{"a":"b"},"Participants":[{"FullName":"A"}],"Documents":[]}]}""";

        using var response = await http.PostAsync(new Uri(sim.BaseAddress, AlphaTrustSimulator.CreateTransactionsPath), new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.False((bool)answer["IsSuccessful"]!);
        Assert.Contains("ProntoID", (string?)answer["Message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_stored_signature_image_is_applied_only_for_ApplicationType_Registered(bool registered)
    {
        await using var sim = await AlphaTrustSimulator.StartAsync(cancellationToken: Ct);
        sim.AddRegisteredUser("ann", "Ann-Passw0rd!", Image);
        using var client = Client(sim);
        var participant = new ParticipantInsert("Ann Lee")
        {
            Authentication = ParticipantAuthentication.RegisteredUser("ann"),
            SignatureApplicationType = registered ? SignatureApplicationType.Registered : null,
        };
        var created = await client.CreateTransactionAsync(Transaction(participant), Ct);
        long taskId = created.Documents.Single().Tasks.Single().Id;

        await client.RemoteSignAsync(new RemoteSignTask(taskId, "203.0.113.7", TaskAuthentication.RegisteredUser("ann", "Ann-Passw0rd!")), Ct);

        var task = sim.GetTask(taskId)!;
        Assert.Equal(AlphaTrustTaskStatus.Completed, task.Status);
        if (registered)
        {
            Assert.Equal(Image, task.AppliedSignatureImage);
        }
        else
        {
            Assert.Null(task.AppliedSignatureImage);
        }
    }

    [Fact]
    public async Task The_server_refuses_FileBytes_that_are_not_a_PDF()
    {
        await using var sim = await AlphaTrustSimulator.StartAsync(cancellationToken: Ct);
        using var http = RawClient(sim);
        var hello = Convert.ToBase64String(Encoding.ASCII.GetBytes("hello"));
        var body = "{\"Transactions\":[{\"Participants\":[{\"FullName\":\"A\"}],\"Documents\":[{\"Title\":\"T\",\"Source\":{\"FileBytes\":\"" + hello + "\"},\"Tasks\":[{\"Type\":\"Signature\",\"ParticipantIndex\":0}]}]}]}";

        using var response = await http.PostAsync(new Uri(sim.BaseAddress, AlphaTrustSimulator.CreateTransactionsPath), new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.False((bool)answer["IsSuccessful"]!);
        Assert.Contains("not a PDF", (string?)answer["Message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remote_sign_answers_a_per_task_outcome_list_the_client_surfaces()
    {
        await using var sim = await AlphaTrustSimulator.StartAsync(cancellationToken: Ct);
        using var client = Client(sim);
        var participant = new ParticipantInsert("Ann Lee") { Authentication = ParticipantAuthentication.Password("Task-Passw0rd!") };
        var transaction = Transaction(participant);
        transaction.Documents[0].Tasks.Add(new TaskInsert(TaskType.Initial, 0));
        var created = await client.CreateTransactionAsync(transaction, Ct);
        var ids = created.Documents.Single().Tasks.Select(t => t.Id).ToArray();

        var result = await client.RemoteSignAsync(ids.Select(id => new RemoteSignTask(id, "203.0.113.7", TaskAuthentication.Password("Task-Passw0rd!"))), Ct);

        Assert.Equal(ids, result.Tasks.Select(t => t.TaskId!.Value));
        Assert.All(result.Tasks, t => Assert.True(t.IsSuccessful));
        Assert.All(result.Tasks, t => Assert.Equal(TransactionTaskStatus.Completed, t.Status));
        Assert.Empty(result.GetFailedTasks());
    }

    private static TransactionCreate Transaction(ParticipantInsert participant) => new()
    {
        Description = "Contract",
        Participants = { participant },
        Documents = { new DocumentInsert("Contract", new MemoryStream(TestPdf.Create())) { Tasks = { new TaskInsert(TaskType.Signature, 0) } } },
    };

    /// <summary>A plain HTTP client with the API credentials (the real client refuses these bodies before sending them).</summary>
    private static HttpClient RawClient(AlphaTrustSimulator sim)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Add(sim.Settings.ApiKeyHeader, sim.Settings.ApiKey);
        http.DefaultRequestHeaders.Add(sim.Settings.ApiSecretHeader, sim.Settings.ApiSecret);
        http.DefaultRequestHeaders.Add(sim.Settings.ApiUsernameHeader, sim.Settings.ApiUsername);
        http.DefaultRequestHeaders.Add(sim.Settings.ApiPasswordHeader, sim.Settings.ApiPassword);
        return http;
    }

    private static AlphaTrustClient Client(AlphaTrustSimulator sim) => new(new AlphaTrustClientOptions().UseSimulator(sim));
}
