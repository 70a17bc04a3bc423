using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using AlphaTrust.Tasks;
using AlphaTrust.Tasks.Models;
using Microsoft.Extensions.Logging;
using SigningClients.Testing;
using SigningClients.Testing.AlphaTrust;
using SigningClients.TestSupport;
using Xunit;

namespace AlphaTrust.Tasks.Tests;

internal static class TestHelpers
{
    public const string ClientIp = "203.0.113.7";

    public static AlphaTrustClientOptions Options(AlphaTrustSimulator simulator, Action<AlphaTrustClientOptions>? configure = null)
    {
        var options = new AlphaTrustClientOptions
        {
            Endpoint = simulator.BaseAddress,
            AllowHttpOnLoopback = true,
            ApiKey = simulator.Settings.ApiKey,
            ApiSecret = simulator.Settings.ApiSecret,
            ApiUsername = simulator.Settings.ApiUsername,
            ApiPassword = simulator.Settings.ApiPassword,
        };
        options.Retry.InitialDelay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        configure?.Invoke(options);
        return options;
    }

    public static AlphaTrustClient Client(AlphaTrustSimulator simulator, Action<AlphaTrustClientOptions>? configure = null, ILoggerFactory? loggerFactory = null) =>
        new(Options(simulator, configure), httpClient: null, loggerFactory: loggerFactory);

    /// <summary>Creates a transaction with one participant per authentication and one document holding one task per (type, participant index).</summary>
    public static Task<Transaction> CreateTransactionAsync(
        IAlphaTrustClient client,
        IReadOnlyList<ParticipantAuthentication> participants,
        params (TaskType Type, int Participant)[] tasks)
    {
        return client.CreateTransactionAsync(
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

    public static IReadOnlyList<TransactionTask> AllTasks(this Transaction transaction) =>
        transaction.Documents.SelectMany(d => d.Tasks).ToList();
}
