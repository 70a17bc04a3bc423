using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SigningClients.Core;
using SigningClients.Core.DependencyInjection;
using SigningClients.Testing;
using SigningClients.Testing.AlphaTrust;
using SigningClients.TestSupport;
using Xunit;

namespace AlphaTrust.Tasks.Tests;

public sealed class SecretsAndDependencyInjectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Credentials_and_task_passwords_never_reach_logs_exceptions_or_ToString()
    {
        await using var sim = await AlphaTrustSimulator.StartAsync(new AlphaTrustSimulatorOptions { UseHttpErrorStatuses = true }, Ct);
        sim.AddRegisteredUser("jsmith", "registered-pass-55");
        using var capture = new LogCapture();
        using var factory = capture.CreateFactory();
        var options = TestHelpers.Options(sim, o => o.Retry.MaxRetries = 1);
        using var client = new AlphaTrustClient(options, loggerFactory: factory);
        var texts = new List<string> { options.ToString(), TaskAuthentication.Password("task-pass-3141").ToString(), TaskAuthentication.RegisteredUser("jsmith", "registered-pass-55").ToString() };

        var transaction = await TestHelpers.CreateTransactionAsync(client,
            [ParticipantAuthentication.Password("task-pass-3141"), ParticipantAuthentication.RegisteredUser("jsmith")],
            (TaskType.Signature, 0), (TaskType.Signature, 1));
        var tasks = transaction.AllTasks();
        sim.Faults.Enqueue(SimulatedFault.Status(400, body: "{\"IsSuccessful\":false,\"Message\":\"Echo: task-pass-3141 " + sim.Settings.ApiSecret + "\"}"));
        texts.Add((await Assert.ThrowsAsync<SigningApiException>(() => client.GetTransactionAsync(transaction.Id, Ct))).ToString());
        texts.Add((await Assert.ThrowsAsync<SigningApiException>(() =>
            client.RemoteSignAsync(new RemoteSignTask(tasks[0].Id, TestHelpers.ClientIp, TaskAuthentication.Password("wrong-pass-2718")), Ct))).ToString());
        await client.RemoteSignAsync(
            [new RemoteSignTask(tasks[0].Id, TestHelpers.ClientIp, TaskAuthentication.Password("task-pass-3141")), new RemoteSignTask(tasks[1].Id, TestHelpers.ClientIp, TaskAuthentication.RegisteredUser("jsmith", "registered-pass-55"))], Ct);
        sim.Faults.Enqueue(SimulatedFault.DropAfterProcessing());
        texts.Add((await Assert.ThrowsAsync<SigningApiException>(() => client.RemoteSignAsync(new RemoteSignTask(tasks[0].Id, TestHelpers.ClientIp), Ct))).ToString());

        Assert.NotEmpty(capture.Lines);
        SecretScanner.AssertNoSecrets(
            capture.AllText.Concat(texts),
            sim.Settings.ApiKey, sim.Settings.ApiSecret, sim.Settings.ApiUsername, sim.Settings.ApiPassword, "task-pass-3141", "wrong-pass-2718", "registered-pass-55");
        Assert.Contains(texts, t => t.Contains("Echo: ***", StringComparison.Ordinal)); // the echoed secrets were masked, the rest kept
    }

    [Fact]
    public async Task AddAlphaTrustClient_binds_a_configuration_section_and_resolves_a_working_client()
    {
        await using var sim = await AlphaTrustSimulator.StartAsync(cancellationToken: Ct);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AlphaTrust:Endpoint"] = sim.BaseAddress.ToString(),
            ["AlphaTrust:AllowHttpOnLoopback"] = "true",
            ["AlphaTrust:ApiKey"] = sim.Settings.ApiKey,
            ["AlphaTrust:ApiSecret"] = sim.Settings.ApiSecret,
            ["AlphaTrust:ApiUsername"] = sim.Settings.ApiUsername,
            ["AlphaTrust:ApiPassword"] = sim.Settings.ApiPassword,
            ["AlphaTrust:MaxRemoteSignBatchSize"] = "7",
            ["AlphaTrust:Paths:RemoteSign"] = "api/v5/tasks/remotesign",
        }).Build();
        var services = new ServiceCollection();
        services.AddAlphaTrustClient(configuration.GetSection("AlphaTrust"));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<AlphaTrustClientOptions>>().Get(Options.DefaultName);
        var client = provider.GetRequiredService<IAlphaTrustClient>();
        var found = await client.GetUpdateableTransactionsAsync([1], Ct);

        Assert.Equal(7, options.MaxRemoteSignBatchSize);
        Assert.Empty(found);
        Assert.Same(client, provider.GetRequiredService<IAlphaTrustClient>());
    }

    [Fact]
    public async Task Named_clients_use_their_own_credentials_and_invalid_options_fail_at_start()
    {
        await using var sim = await AlphaTrustSimulator.StartAsync(cancellationToken: Ct);
        var services = new ServiceCollection();
        services.AddAlphaTrustClient("good", o => Copy(TestHelpers.Options(sim), o));
        services.AddAlphaTrustClient("bad-secret", o => { Copy(TestHelpers.Options(sim), o); o.ApiSecret = "wrong-secret-000"; });
        await using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<ISigningClientFactory<IAlphaTrustClient>>();

        await factory.GetClient("good").GetUpdateableTransactionsAsync([1], Ct);
        var ex = await Assert.ThrowsAsync<SigningApiException>(() => factory.GetClient("bad-secret").GetUpdateableTransactionsAsync([1], Ct));
        Assert.Equal("Invalid or missing API credentials.", ex.ProviderMessage);

        var invalid = new ServiceCollection();
        invalid.AddAlphaTrustClient(o => o.Endpoint = new Uri("https://esign.example.com/rest"));
        await using var invalidProvider = invalid.BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => invalidProvider.GetRequiredService<IAlphaTrustClient>());
    }

    private static void Copy(AlphaTrustClientOptions from, AlphaTrustClientOptions to)
    {
        to.Endpoint = from.Endpoint;
        to.AllowHttpOnLoopback = true;
        to.ApiKey = from.ApiKey;
        to.ApiSecret = from.ApiSecret;
        to.ApiUsername = from.ApiUsername;
        to.ApiPassword = from.ApiPassword;
    }
}
