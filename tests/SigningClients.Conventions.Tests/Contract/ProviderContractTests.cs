using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SigningClients.Core;
using SigningClients.Core.DependencyInjection;
using SigningClients.Testing;
using SigningClients.TestSupport;
using Xunit;

namespace SigningClients.Conventions.Tests.Contract;

/// <summary>
/// The behaviour every provider client shares — DI binding, named clients, option validation, plain-http refusal,
/// redaction, cancellation — written once and run for each provider (<see cref="ProviderContract.All"/>). The
/// provider test projects test only what is the provider's own.
/// </summary>
public sealed class ProviderContractTests
{
    public static TheoryData<string> Providers => new(ProviderContract.All.Select(p => p.Name));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_configuration_section_binds_and_resolves_one_working_client(string provider)
    {
        var contract = ProviderContract.Get(provider);
        await using var sim = await contract.StartAsync(Ct);
        var services = new ServiceCollection();
        contract.RegisterFromConfiguration(services, sim, [("Retry:MaxRetries", "1"), ("Polling:InitialInterval", "00:00:00.020")]);
        await using var sp = services.BuildServiceProvider();

        var options = contract.Options(sp, Options.DefaultName);
        Assert.Equal(1, options.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(20), options.Polling.InitialInterval);
        Assert.True(contract.ProviderSettingsBound(options), provider + "-specific settings were not bound from the section");
        await ProviderContract.ProbeAsync(sp, string.Empty, Ct);
        Assert.Same(sp.GetRequiredService(contract.ClientInterface), sp.GetRequiredService(contract.ClientInterface));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Named_clients_use_their_own_options(string provider)
    {
        var contract = ProviderContract.Get(provider);
        await using var sim = await contract.StartAsync(Ct);
        var services = new ServiceCollection();
        contract.Register(services, sim, string.Empty);
        contract.Register(services, sim, "tenant-a");
        contract.RegisterWithBrokenCredentials(services, sim, "tenant-b");
        await using var sp = services.BuildServiceProvider();

        await ProviderContract.ProbeAsync(sp, string.Empty, Ct);
        await ProviderContract.ProbeAsync(sp, "tenant-a", Ct);
        var refused = await Assert.ThrowsAsync<SigningApiException>(() => ProviderContract.ProbeAsync(sp, "tenant-b", Ct));
        Assert.Equal(provider, refused.Provider);

        object a = contract.GetNamedClient(sp, "tenant-a"), b = contract.GetNamedClient(sp, "tenant-b");
        Assert.NotSame(a, b);
        Assert.NotSame(sp.GetRequiredService(contract.ClientInterface), a);
        Assert.Same(a, contract.GetNamedClient(sp, "tenant-a"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Invalid_options_fail_when_the_client_is_resolved_before_any_request(string provider)
    {
        var contract = ProviderContract.Get(provider);
        var services = new ServiceCollection();
        contract.RegisterWithoutCredentials(services);
        await using var sp = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService(contract.ClientInterface));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Plain_http_is_refused_except_on_loopback_when_allowed(string provider)
    {
        var contract = ProviderContract.Get(provider);
        await using var sim = await contract.StartAsync(Ct);

        var remote = Assert.ThrowsAny<ArgumentException>(() => contract.Construct(sim, o => o.Endpoint = new Uri("http://signing.example/api/")));
        Assert.Contains("https", remote.Message, StringComparison.OrdinalIgnoreCase);
        Assert.ThrowsAny<ArgumentException>(() => contract.Construct(sim, o => o.AllowHttpOnLoopback = false));
        contract.Construct(sim, _ => { }).Dispose();

        var services = new ServiceCollection();
        contract.Register(services, sim, string.Empty, o => o.Endpoint = new Uri("http://signing.example/api/"));
        await using var sp = services.BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService(contract.ClientInterface));
        Assert.Equal(0, sim.Journal.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Credentials_never_reach_logs_exceptions_or_ToString(string provider)
    {
        var contract = ProviderContract.Get(provider);
        await using var sim = await contract.StartAsync(Ct);
        using var logs = new LogCapture();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        contract.Register(services, sim, string.Empty);
        contract.RegisterWithBrokenCredentials(services, sim, "broken");
        await using var sp = services.BuildServiceProvider();

        await ProviderContract.ProbeAsync(sp, string.Empty, Ct);
        var refused = await Assert.ThrowsAsync<SigningApiException>(() => ProviderContract.ProbeAsync(sp, "broken", Ct));
        var texts = new List<string> { refused.ToString(), refused.BodyExcerpt ?? string.Empty, refused.RequestUri ?? string.Empty };
        for (Exception? e = refused.InnerException; e is not null; e = e.InnerException)
        {
            texts.Add(e.ToString());
        }

        texts.Add(sp.GetRequiredService(contract.ClientInterface).ToString()!);
        texts.Add(contract.Options(sp, string.Empty).ToString()!);
        texts.Add(contract.Options(sp, "broken").ToString()!);

        Assert.NotEmpty(logs.Lines);
        SecretScanner.AssertNoSecrets(logs.AllText.Concat(texts), [.. contract.Secrets(sim)]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Cancellation_reaches_the_call(string provider)
    {
        var contract = ProviderContract.Get(provider);
        await using var sim = await contract.StartAsync(Ct);
        var services = new ServiceCollection();
        contract.Register(services, sim, string.Empty);
        await using var sp = services.BuildServiceProvider();

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ProviderContract.ProbeAsync(sp, string.Empty, cancelled.Token));
        Assert.Equal(0, sim.Journal.Count);

        sim.Faults.Enqueue(SimulatedFault.Delay(TimeSpan.FromSeconds(30)), count: 10);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(TimeSpan.FromMilliseconds(200));
        var started = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ProviderContract.ProbeAsync(sp, string.Empty, cts.Token));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "the call waited for the delayed answer instead of stopping at cancellation");
    }
}
