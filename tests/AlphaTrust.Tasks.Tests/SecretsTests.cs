using System;
using System.Collections.Generic;
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

public sealed class SecretsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Credentials_and_task_passwords_never_reach_logs_exceptions_or_ToString()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(s => s.UseHttpErrorStatuses = true, o => o.Retry.MaxRetries = 1, cancellationToken: Ct);
        var (sim, client) = harness;
        sim.AddRegisteredUser("jsmith", "registered-pass-55");
        var capture = harness.Logs;
        var options = harness.Options;
        var texts = new List<string> { options.ToString(), TaskAuthentication.Password("task-pass-3141").ToString(), TaskAuthentication.RegisteredUser("jsmith", "registered-pass-55").ToString() };

        var transaction = await harness.CreateTransactionAsync([ParticipantAuthentication.Password("task-pass-3141"), ParticipantAuthentication.RegisteredUser("jsmith")],
            (TaskType.Signature, 0), (TaskType.Signature, 1));
        var tasks = transaction.AllTasks();
        sim.Faults.Enqueue(SimulatedFault.Status(400, body: "{\"IsSuccessful\":false,\"Message\":\"Echo: task-pass-3141 " + sim.Settings.ApiSecret + "\"}"));
        texts.Add((await Assert.ThrowsAsync<SigningApiException>(() => client.GetTransactionAsync(transaction.Id, Ct))).ToString());
        texts.Add((await Assert.ThrowsAsync<SigningApiException>(() =>
            client.RemoteSignAsync(new RemoteSignTask(tasks[0].Id, AlphaTrustHarness.ClientIp, TaskAuthentication.Password("wrong-pass-2718")), Ct))).ToString());
        await client.RemoteSignAsync(
            [new RemoteSignTask(tasks[0].Id, AlphaTrustHarness.ClientIp, TaskAuthentication.Password("task-pass-3141")), new RemoteSignTask(tasks[1].Id, AlphaTrustHarness.ClientIp, TaskAuthentication.RegisteredUser("jsmith", "registered-pass-55"))], Ct);
        sim.Faults.Enqueue(SimulatedFault.DropAfterProcessing());
        texts.Add((await Assert.ThrowsAsync<SigningApiException>(() => client.RemoteSignAsync(new RemoteSignTask(tasks[0].Id, AlphaTrustHarness.ClientIp), Ct))).ToString());

        Assert.NotEmpty(capture.Lines);
        SecretScanner.AssertNoSecrets(
            capture.AllText.Concat(texts),
            sim.Settings.ApiKey, sim.Settings.ApiSecret, sim.Settings.ApiUsername, sim.Settings.ApiPassword, "task-pass-3141", "wrong-pass-2718", "registered-pass-55");
        Assert.Contains(texts, t => t.Contains("Echo: ***", StringComparison.Ordinal)); // the echoed secrets were masked, the rest kept
    }
}
