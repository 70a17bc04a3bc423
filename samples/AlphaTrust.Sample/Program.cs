using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using AlphaTrust.Tasks;
using AlphaTrust.Tasks.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SigningClients.Core;
using SigningClients.Testing;

// AlphaTrust sample: create a transaction with one signature task protected by a password, remote-sign it with
// password authentication, and show the completed state.
// By default it runs against the in-process AlphaTrustSimulator. To use a real installation, set the section
// "AlphaTrust" (Endpoint, ApiKey, ApiSecret, ApiUsername, ApiPassword; e.g. AlphaTrust__Endpoint=https://my-esign-domain.com/rest)
// plus AlphaTrust:Sample:SignerPassword and AlphaTrust:Sample:ClientIp.
var builder = Host.CreateApplicationBuilder(args);
AlphaTrustSimulator? simulator = null;
if (string.IsNullOrEmpty(builder.Configuration["AlphaTrust:Endpoint"]))
{
    simulator = await AlphaTrustSimulator.StartAsync();
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["AlphaTrust:Endpoint"] = simulator.BaseAddress.ToString(),
        ["AlphaTrust:AllowHttpOnLoopback"] = "true",
        ["AlphaTrust:ApiKey"] = simulator.Settings.ApiKey,
        ["AlphaTrust:ApiSecret"] = simulator.Settings.ApiSecret,
        ["AlphaTrust:ApiUsername"] = simulator.Settings.ApiUsername,
        ["AlphaTrust:ApiPassword"] = simulator.Settings.ApiPassword,
    });
    Console.WriteLine($"Using the AlphaTrust simulator at {simulator.BaseAddress}");
}

builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
builder.Services.AddAlphaTrustClient(builder.Configuration.GetSection("AlphaTrust"));
using var host = builder.Build();
var client = host.Services.GetRequiredService<IAlphaTrustClient>();
string signerPassword = builder.Configuration["AlphaTrust:Sample:SignerPassword"] ?? "Correct-Horse-42";
string clientIp = builder.Configuration["AlphaTrust:Sample:ClientIp"] ?? "203.0.113.10";

try
{
    using var pdf = new MemoryStream(Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"));
    var transaction = await client.CreateTransactionAsync(new TransactionCreate
    {
        Description = "SigningClients sample: service agreement",
        IsTest = true,
        Participants = [new ParticipantInsert { FullName = "Ada Lovelace", EmailAddress = "ada@example.com", Authentication = ParticipantAuthentication.Password(signerPassword) }],
        Documents = [new DocumentInsert { Title = "Service agreement", Content = pdf, Tasks = [new TaskInsert(TaskType.Signature, 0)] }],
    });
    var task = transaction.Documents.SelectMany(d => d.Tasks).Single();
    Console.WriteLine($"Created transaction {transaction.Id} ({transaction.Status}) with {task.Type} task {task.Id} ({task.Status}).");

    await client.RemoteSignAsync(new RemoteSignTask(task.Id, clientIp, TaskAuthentication.Password(signerPassword)));
    Console.WriteLine($"Remote-signed task {task.Id} from {clientIp}.");

    var completed = await client.GetTransactionAsync(transaction.Id)
        ?? throw new InvalidOperationException($"Transaction {transaction.Id} was not found after signing.");
    var signed = completed.Documents.SelectMany(d => d.Tasks).Single(t => t.Id == task.Id);
    Console.WriteLine($"Transaction {completed.Id} is {completed.Status}; task {signed.Id} is {signed.Status}.");
    return completed.Status == TransactionStatus.Completed && signed.Status == TransactionTaskStatus.Completed ? 0 : 1;
}
catch (SigningApiException ex)
{
    Console.Error.WriteLine($"AlphaTrust call failed: {ex.Message}");
    return 1;
}
finally
{
    if (simulator is not null)
    {
        await simulator.DisposeAsync();
    }
}
