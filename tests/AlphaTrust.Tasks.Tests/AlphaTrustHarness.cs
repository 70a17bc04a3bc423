using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks.Models;
using Microsoft.Extensions.Logging;
using SigningClients.Testing;
using SigningClients.Testing.AlphaTrust;
using SigningClients.TestSupport;
using Xunit;

namespace AlphaTrust.Tasks.Tests;

/// <summary>The AlphaTrust simulator and a client pointed at it (the shape of every provider harness: <see cref="ProviderHarness{THarness, TSimulator, TSimulatorOptions, TClient, TClientOptions}"/>).</summary>
internal sealed class AlphaTrustHarness : ProviderHarness<AlphaTrustHarness, AlphaTrustSimulator, AlphaTrustSimulatorOptions, AlphaTrustClient, AlphaTrustClientOptions>
{
    /// <summary>The client IP address the tests sign from.</summary>
    public const string ClientIp = "203.0.113.7";

    public AlphaTrustHarness()
        : base(o => o.Host, AlphaTrustSimulator.StartAsync, (options, http, logs, clock) => new(options, http, logs, clock))
    {
    }

    /// <summary>Creates a transaction with one participant per authentication and one document holding one task per (type, participant index).</summary>
    public Task<Transaction> CreateTransactionAsync(
        IReadOnlyList<ParticipantAuthentication> participants,
        params (TaskType Type, int Participant)[] tasks)
    {
        return Client.CreateTransactionAsync(
            new TransactionCreate
            {
                Description = "Loan agreement",
                IsTest = true,
                Participants = participants.Select((auth, i) => new ParticipantInsert
                {
                    FullName = "Signer " + i,
                    EmailAddress = "signer" + i + "@example.com",
                    Authentication = auth,
                }).ToList(),
                Documents = new List<DocumentInsert>
                {
                    new()
                    {
                        Title = "Agreement",
                        Content = new MemoryStream(TestPdf.Create("Agreement")),
                        Tasks = tasks.Select(t => new TaskInsert(t.Type, t.Participant)).ToList(),
                    },
                },
            },
            TestContext.Current.CancellationToken);
    }

    protected override void PointAtSimulator(AlphaTrustClientOptions options, AlphaTrustSimulator simulator)
    {
        options.UseSimulator(simulator);
        options.Retry.InitialDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
    }
}

/// <summary>Conveniences over AlphaTrust results.</summary>
internal static class AlphaTrustHarnessExtensions
{
    /// <summary>Every task of every document of the transaction.</summary>
    public static IReadOnlyList<TransactionTask> AllTasks(this Transaction transaction) =>
        transaction.Documents.SelectMany(d => d.Tasks).ToList();
}
