using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks.Models;
using SigningClients.Testing;
using Xunit;

namespace AlphaTrust.Tasks.Tests;

public sealed class ValidationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("123.45.67.890")] // the AlphaTrust documentation's own example: 890 is not an octet
    [InlineData("")]
    [InlineData("10.1")]
    [InlineData("0x7f.0.0.1")]
    [InlineData("1.2.3.4.5")]
    [InlineData(" 1.2.3.4")]
    [InlineData("not-an-ip")]
    [InlineData("256.1.1.1")]
    public async Task An_invalid_client_ip_is_rejected_before_any_request(string ip)
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.RemoteSignAsync(new RemoteSignTask(1, ip), Ct));

        Assert.Equal("tasks", ex.ParamName);
        Assert.Contains("IpAddress", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, sim.Journal.Count);
    }

    [Theory]
    [InlineData("123.45.67.89")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("2001:db8::8a2e:370:7334")]
    public void Valid_addresses_are_accepted(string ip) => Assert.True(AlphaTrustClient.IsValidIpAddress(ip));

    [Fact]
    public async Task An_empty_batch_is_rejected_before_any_request()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.RemoteSignAsync(Array.Empty<RemoteSignTask>(), Ct));

        Assert.Equal("tasks", ex.ParamName);
        Assert.Equal(0, sim.Journal.Count);
    }

    [Fact]
    public async Task A_batch_above_the_limit_is_rejected_with_advice_before_any_request()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(configureClient: o => o.MaxRemoteSignBatchSize = 3, cancellationToken: Ct);
        var (sim, client) = harness;

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.RemoteSignAsync(Enumerable.Range(1, 4).Select(i => new RemoteSignTask(i, AlphaTrustHarness.ClientIp)), Ct));

        Assert.Contains("at most 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("within one transaction", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, sim.Journal.Count);
    }

    [Fact]
    public async Task A_task_repeated_in_a_batch_and_a_null_item_are_rejected_before_any_request()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;

        await Assert.ThrowsAsync<ArgumentException>(() =>
            client.RemoteSignAsync([new RemoteSignTask(5, AlphaTrustHarness.ClientIp), new RemoteSignTask(5, AlphaTrustHarness.ClientIp)], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.RemoteSignAsync(new RemoteSignTask[] { null! }, Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.RemoteSignAsync((RemoteSignTask)null!, Ct));

        Assert.Equal(0, sim.Journal.Count);
    }

    [Fact]
    public void Task_authentication_cannot_be_built_incomplete()
    {
        Assert.Throws<ArgumentException>(() => TaskAuthentication.Password(""));
        Assert.Throws<ArgumentException>(() => TaskAuthentication.RegisteredUser("", "pw"));
        Assert.Throws<ArgumentException>(() => TaskAuthentication.RegisteredUser("user", ""));
        Assert.Throws<ArgumentException>(() => ParticipantAuthentication.Password(" "));
        Assert.Throws<ArgumentException>(() => ParticipantAuthentication.RegisteredUser(""));
        Assert.Equal("RegisteredUser(jsmith, ***)", TaskAuthentication.RegisteredUser("jsmith", "hidden-pass").ToString());
        Assert.Equal("Password(***)", TaskAuthentication.Password("hidden-pass").ToString());
        Assert.Equal("Password(***)", ParticipantAuthentication.Password("hidden-pass").ToString());
    }

    [Fact]
    public async Task Incomplete_transactions_are_rejected_before_any_request()
    {
        await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: Ct);
        var (sim, client) = harness;
        var participant = new ParticipantInsert { FullName = "A" };
        DocumentInsert Doc(params TaskInsert[] tasks) => new() { Title = "D", Content = new MemoryStream([1]), Tasks = tasks };

        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateTransactionAsync(new TransactionCreate { Participants = [], Documents = [Doc(new TaskInsert(TaskType.Signature, 0))] }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateTransactionAsync(new TransactionCreate { Participants = [participant], Documents = [] }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateTransactionAsync(new TransactionCreate { Participants = [participant], Documents = [Doc()] }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.CreateTransactionAsync(new TransactionCreate { Participants = [participant], Documents = [Doc(new TaskInsert(TaskType.Signature, 1))] }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.AddTasksAsync(1, [], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.UpdateTasksAsync([new TaskUpdate(1)], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.CloseTransactionsAsync([], Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetUpdateableTransactionsAsync([], Ct));

        Assert.Equal(0, sim.Journal.Count);
    }

    [Fact]
    public void Options_require_every_credential_and_sane_settings()
    {
        static AlphaTrustClientOptions Valid() => new()
        {
            Endpoint = new Uri("https://esign.example.com/rest"),
            ApiKey = "k-1234",
            ApiSecret = "s-1234",
            ApiUsername = "robot",
            ApiPassword = "p-1234",
        };

        Valid().Validate();
        Assert.Throws<ArgumentException>(() => { var o = Valid(); o.ApiKey = null; o.Validate(); });
        Assert.Throws<ArgumentException>(() => { var o = Valid(); o.ApiSecret = " "; o.Validate(); });
        Assert.Throws<ArgumentException>(() => { var o = Valid(); o.ApiUsername = ""; o.Validate(); });
        Assert.Throws<ArgumentException>(() => { var o = Valid(); o.ApiPassword = null; o.Validate(); });
        Assert.Throws<ArgumentException>(() => { var o = Valid(); o.Endpoint = new Uri("http://esign.example.com/rest"); o.Validate(); });
        Assert.Throws<ArgumentException>(() => { var o = Valid(); o.MaxRemoteSignBatchSize = 0; o.Validate(); });
        Assert.Throws<ArgumentException>(() => { var o = Valid(); o.CredentialHeaders.ApiKey = "bad header"; o.Validate(); });
        Assert.Throws<ArgumentException>(() => { var o = Valid(); o.Paths.RemoteSign = "https://evil.example.com/x"; o.Validate(); });
        Assert.Throws<ArgumentException>(() => new AlphaTrustClient(new AlphaTrustClientOptions { Endpoint = new Uri("https://x.example.com") }));
    }
}
