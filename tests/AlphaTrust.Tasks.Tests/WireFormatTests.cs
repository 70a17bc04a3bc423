using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks.Models;
using SigningClients.Testing;
using SigningClients.TestSupport;
using Xunit;

namespace AlphaTrust.Tasks.Tests;

/// <summary>Snapshots of what goes on the wire: PascalCase bodies and the four credential headers (values scrubbed).</summary>
public sealed partial class WireFormatTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RemoteSign_request()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;

        await Assert.ThrowsAnyAsync<Exception>(() => client.RemoteSignAsync(
        [
            new RemoteSignTask(1234567890, "123.45.67.89"),
            new RemoteSignTask(1234567891, "123.45.67.89", TaskAuthentication.Password("p@ssword123")),
            new RemoteSignTask(9007199254740993, "2001:db8::1", TaskAuthentication.RegisteredUser("johnsmith", "js-pass-9")),
        ], Ct));

        var entry = Assert.Single(sim.Journal.Entries);
        Approvals.VerifyText(Describe(entry, sim), suffix: "headers");
        Approvals.VerifyJson(entry.BodyText);
    }

    [Fact]
    public async Task CreateTransaction_request()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;

        await client.CreateTransactionAsync(new TransactionCreate
        {
            Description = "Loan 42",
            IsTest = true,
            ProntoId = "loan-workflow",
            Participants =
            [
                new ParticipantInsert { FullName = "Ada Lovelace", EmailAddress = "ada@example.com", SendRequestViaEmail = true, Authentication = ParticipantAuthentication.Password("ada-pass-1") },
                new ParticipantInsert { FullName = "Exec Signer", Authentication = ParticipantAuthentication.RegisteredUser("exec") },
            ],
            Documents = [new DocumentInsert { Title = "Loan", Content = new System.IO.MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4 tiny")), Tasks = [new TaskInsert(TaskType.Signature, 0), new TaskInsert(TaskType.Acknowledgement, 1)] }],
        }, Ct);

        var entry = Assert.Single(sim.Journal.Entries);
        Approvals.VerifyText(Describe(entry, sim), suffix: "headers");
        Approvals.VerifyJson(entry.BodyText);
    }

    [Fact]
    public async Task Task_and_transaction_management_requests()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;

        await Assert.ThrowsAnyAsync<Exception>(() => client.AddTasksAsync(11, [new TaskCreate(12, 13, TaskType.Initial)], Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => client.UpdateTasksAsync([new TaskUpdate(14) { Type = TaskType.Delivery }, new TaskUpdate(15) { ParticipantId = 16 }], Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => client.CloseTransactionsAsync([11, 17], Ct));
        await client.GetUpdateableTransactionsAsync([11], Ct);

        var text = new StringBuilder();
        foreach (var entry in sim.Journal.Entries)
        {
            text.Append(entry.Method).Append(' ').Append(entry.Path).Append('\n').Append(entry.BodyText).Append("\n\n");
        }

        Approvals.VerifyText(text.ToString());
    }

    [Fact]
    public async Task Credential_header_names_and_paths_come_from_options()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(
            s =>
            {
                s.ApiKeyHeader = "X-AT-Key";
                s.ApiSecretHeader = "X-AT-Secret";
                s.ApiUsernameHeader = "X-AT-User";
                s.ApiPasswordHeader = "X-AT-Password";
            },
            o =>
            {
                o.CredentialHeaders.ApiKey = "X-AT-Key";
                o.CredentialHeaders.ApiSecret = "X-AT-Secret";
                o.CredentialHeaders.ApiUsername = "X-AT-User";
                o.CredentialHeaders.ApiPassword = "X-AT-Password";
                o.Paths.RemoteSign = "api/v6/tasks/remote-sign";
            },
            cancellationToken: Ct);
        var (sim, client) = harness;

        await client.GetUpdateableTransactionsAsync([1], Ct); // accepted: the simulator checks the renamed headers
        var ex = await Assert.ThrowsAsync<SigningClients.Core.SigningApiException>(() => client.RemoteSignAsync(new RemoteSignTask(1, "10.0.0.1"), Ct));

        Assert.Equal(404, ex.Status); // the simulator has no such route: the configured path was used
        var entry = sim.Journal.Entries[^1];
        Assert.Equal("/api/v6/tasks/remote-sign", entry.Path);
        Assert.Equal(sim.Settings.ApiSecret, entry.GetHeader("X-AT-Secret"));
        Assert.Null(entry.GetHeader("apiSecret"));
    }

    private static string Describe(JournalEntry entry, AlphaTrustSimulator sim)
    {
        var secrets = new[] { sim.Settings.ApiKey, sim.Settings.ApiSecret, sim.Settings.ApiUsername, sim.Settings.ApiPassword };
        var lines = new List<string> { entry.Method + " " + entry.Path, "Content-Type: " + entry.ContentType };
        foreach (var name in new[] { "apiKey", "apiSecret", "apiUsername", "apiPassword" })
        {
            var value = entry.GetHeader(name);
            Assert.NotNull(value);
            Assert.Contains(value, secrets);
            lines.Add(name + ": " + (value.Length > 0 ? "<scrubbed " + Array.IndexOf(secrets, value) + ">" : "<empty>"));
        }

        var userAgent = entry.GetHeader("User-Agent") ?? string.Empty;
        lines.Add("User-Agent: " + VersionPattern().Replace(userAgent, "<version>"));
        return string.Join("\n", lines) + "\n";
    }

    [GeneratedRegex("[0-9]+\\.[0-9]+\\.[0-9]+")]
    private static partial Regex VersionPattern();
}
