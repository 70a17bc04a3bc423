using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks;
using AlphaTrust.Tasks.Models;
using Microsoft.Extensions.Configuration;
using SigningClients.Core;
using SigningClients.Testing;

namespace QuickStart.Flows;

/// <summary>
/// AlphaTrust: create a transaction (one password-protected signature task) → remote-sign it → wait until the
/// transaction is Completed → save the completion record. AlphaTrust's remote-signing documentation covers no
/// document download, so the flow saves the completed transaction (IDs, statuses) as JSON instead of a PDF.
/// </summary>
internal sealed class AlphaTrustFlow : IProviderFlow
{
    private const string SignerPassword = "QuickStart-Pass-7";

    public string Provider => "AlphaTrust";

    public async Task<string> RunAgainstSimulatorAsync(FlowContext context, CancellationToken cancellationToken)
    {
        await using var simulator = await AlphaTrustSimulator.StartAsync(cancellationToken: cancellationToken);
        context.Step($"simulator at {simulator.BaseAddress}");
        using var client = new AlphaTrustClient(new AlphaTrustClientOptions
        {
            Endpoint = simulator.BaseAddress,
            AllowHttpOnLoopback = true,
            ApiKey = simulator.Settings.ApiKey,
            ApiSecret = simulator.Settings.ApiSecret,
            ApiUsername = simulator.Settings.ApiUsername,
            ApiPassword = simulator.Settings.ApiPassword,
        });
        return await RunAsync(client, context, SignerPassword, "203.0.113.10", cancellationToken);
    }

    public async Task<string> RunAgainstProviderAsync(FlowContext context, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var options = new AlphaTrustClientOptions();
        configuration.Bind(options);
        using var client = new AlphaTrustClient(options);
        return await RunAsync(client, context, configuration["Sample:SignerPassword"] ?? SignerPassword, configuration["Sample:ClientIp"] ?? "203.0.113.10", cancellationToken);
    }

    private static async Task<string> RunAsync(IAlphaTrustClient client, FlowContext context, string password, string clientIp, CancellationToken cancellationToken)
    {
        using var pdf = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"));
        var transaction = await client.CreateTransactionAsync(new TransactionCreate
        {
            Description = "SigningClients QuickStart",
            IsTest = true,
            Participants = [new ParticipantInsert { FullName = "Quick Start", EmailAddress = "quickstart@example.com", Authentication = ParticipantAuthentication.Password(password) }],
            Documents = [new DocumentInsert { Title = "QuickStart agreement", Content = pdf, Tasks = [new TaskInsert(TaskType.Signature, 0)] }],
        }, cancellationToken);
        var taskId = transaction.Documents.SelectMany(d => d.Tasks).Single().Id;
        context.Step($"created transaction {transaction.Id} with signature task {taskId}");

        await client.RemoteSignAsync(new RemoteSignTask(taskId, clientIp, TaskAuthentication.Password(password)), cancellationToken);
        context.Step($"remote-signed task {taskId} (password authentication, client IP {clientIp})");

        var completed = await Poller.PollAsync(
            async ct =>
            {
                var current = await client.GetTransactionAsync(transaction.Id, ct);
                return current is { } t && t.Status == TransactionStatus.Completed
                    ? PollStep<Transaction>.Complete(t)
                    : PollStep<Transaction>.Continue(current!, null);
            },
            new PollingOptions { InitialInterval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromMinutes(2) },
            TimeProvider.System,
            cancellationToken);
        context.Step($"transaction {completed.Id} is {completed.Status}");

        var path = context.OutputPath($"alphatrust-transaction-{completed.Id}.json");
        using (var writer = new Utf8JsonWriter(File.Create(path), new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("TransactionId", completed.Id);
            writer.WriteString("Status", completed.Status.Value);
            writer.WriteStartArray("Tasks");
            foreach (var task in completed.Documents.SelectMany(d => d.Tasks))
            {
                writer.WriteStartObject();
                writer.WriteNumber("Id", task.Id);
                writer.WriteString("Type", task.Type.Value);
                writer.WriteString("Status", task.Status.Value);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        context.Step($"saved the completion record to {path} (no document download in AlphaTrust's remote-signing docs)");
        return path;
    }
}
