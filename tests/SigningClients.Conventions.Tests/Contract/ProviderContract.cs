using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlphaTrust.Tasks;
using ConsignO.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Signant.InstantSign;
using SigningClients.Core;
using SigningClients.Core.DependencyInjection;
using SigningClients.Testing;
using SigningToday.Dst;
using Trident.SignerProcess;

namespace SigningClients.Conventions.Tests.Contract;

/// <summary>
/// One provider as the shared contract tests see it: its simulator, its options pointed at the simulator, its DI
/// registrations, a way to break its credentials, and its secrets. The contract itself (one theory per rule, run for
/// every provider) is in <see cref="ProviderContractTests"/>; the safe authenticated call each test makes is the
/// provider's registered <see cref="SigningClientHealthProbe"/>.
/// </summary>
public abstract class ProviderContract
{
    /// <summary>Every provider's contract.</summary>
    public static readonly IReadOnlyList<ProviderContract> All =
    [
        new ProviderContract<IAlphaTrustClient, AlphaTrustClientOptions, AlphaTrustSimulator>(
            "AlphaTrust",
            ct => AlphaTrustSimulator.StartAsync(null, ct),
            (o, sim) => o.UseSimulator(sim),
            o => new AlphaTrustClient(o),
            (s, name, configure) => s.AddAlphaTrustClient(name, configure),
            (s, section) => s.AddAlphaTrustClient(section),
            o => [("ApiKey", o.ApiKey), ("ApiSecret", o.ApiSecret), ("ApiUsername", o.ApiUsername), ("ApiPassword", o.ApiPassword), ("MaxRemoteSignBatchSize", "7"), ("Paths:RemoteSign", "api/v5/custom/remotesign")],
            o => o.MaxRemoteSignBatchSize == 7 && o.Paths.RemoteSign == "api/v5/custom/remotesign",
            o => o.ApiSecret = "wrong-api-secret-000",
            o => [o.ApiKey, o.ApiSecret, o.ApiPassword]),
        new ProviderContract<IConsignOClient, ConsignOClientOptions, ConsignOSimulator>(
            "ConsignO",
            ct => ConsignOSimulator.StartAsync(null, ct),
            (o, sim) => o.UseSimulator(sim),
            o => new ConsignOClient(o),
            (s, name, configure) => s.AddConsignOClient(name, configure),
            (s, section) => s.AddConsignOClient(section),
            o => [("Username", o.Username), ("Password", o.Password), ("SessionIdleTimeout", "00:20:00")],
            o => o.SessionIdleTimeout == TimeSpan.FromMinutes(20),
            o => o.Password = "wrong-password-000",
            o => [o.Password, o.ClientSecret]),
        new ProviderContract<ISignantClient, SignantClientOptions, SignantSimulator>(
            "Signant",
            ct => SignantSimulator.StartAsync(null, ct),
            (o, sim) => o.UseSimulator(sim),
            o => new SignantClient(o),
            (s, name, configure) => s.AddSignantClient(name, configure),
            (s, section) => s.AddSignantClient(section),
            o => [("DistributorId", o.DistributorId), ("AccessCode", o.AccessCode), ("MaxAttachmentBytes", "1048576")],
            o => o.MaxAttachmentBytes == 1048576,
            o => o.AccessCode = "wrong-access-code-000",
            o => [o.AccessCode]),
        new ProviderContract<ISigningTodayClient, SigningTodayClientOptions, SigningTodaySimulator>(
            "SigningToday",
            ct => SigningTodaySimulator.StartAsync(null, ct),
            (o, sim) => o.UseSimulator(sim),
            o => new SigningTodayClient(o),
            (s, name, configure) => s.AddSigningTodayClient(name, configure),
            (s, section) => s.AddSigningTodayClient(section),
            o => [("AuthenticationMode", o.AuthenticationMode.ToString()), ("RobotToken", o.RobotToken), ("DefaultPageSize", "42")],
            o => o.DefaultPageSize == 42,
            o => o.RobotToken = "wrong-robot-token-000",
            o => [o.RobotToken]),
        new ProviderContract<ITridentClient, TridentClientOptions, TridentSimulator>(
            "Trident",
            ct => TridentSimulator.StartAsync(null, ct),
            (o, sim) => o.UseSimulator(sim),
            o => new TridentClient(o),
            (s, name, configure) => s.AddTridentClient(name, configure),
            (s, section) => s.AddTridentClient(section),
            o => [("ClientId", o.ClientId), ("ClientSecret", o.ClientSecret), ("AuthServer", o.AuthServer), ("TokenRefreshMargin", "00:00:42")],
            o => o.TokenRefreshMargin == TimeSpan.FromSeconds(42),
            o => o.ClientSecret = "wrong-client-secret-000",
            o => [o.ClientSecret]),
    ];

    /// <summary>The provider name (the client's <c>ProviderName</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The client interface the DI registrations resolve.</summary>
    public abstract Type ClientInterface { get; }

    /// <summary>Gets a provider's contract by name.</summary>
    public static ProviderContract Get(string name) => All.Single(p => p.Name == name);

    /// <summary>Starts the provider's simulator.</summary>
    public abstract Task<SimulatorHost> StartAsync(CancellationToken cancellationToken);

    /// <summary>Registers a client named <paramref name="name"/> (empty: the default client) pointed at the simulator; <paramref name="adjust"/> runs last.</summary>
    public abstract IHttpClientBuilder Register(IServiceCollection services, SimulatorHost simulator, string name, Action<SigningClientOptions>? adjust = null);

    /// <summary>Registers a client with its credentials broken (refused by the simulator).</summary>
    public abstract IHttpClientBuilder RegisterWithBrokenCredentials(IServiceCollection services, SimulatorHost simulator, string name);

    /// <summary>Registers the default client with options that lack their credentials (invalid).</summary>
    public abstract IHttpClientBuilder RegisterWithoutCredentials(IServiceCollection services);

    /// <summary>Registers the default client from a configuration section holding the simulator's endpoint, credentials and <paramref name="common"/>.</summary>
    public abstract IHttpClientBuilder RegisterFromConfiguration(IServiceCollection services, SimulatorHost simulator, IEnumerable<(string Key, string? Value)> common);

    /// <summary>Whether the provider-specific settings of the configuration section were bound into the options.</summary>
    public abstract bool ProviderSettingsBound(SigningClientOptions options);

    /// <summary>Builds a client in code (no DI) from options pointed at the simulator, after <paramref name="adjust"/>.</summary>
    public abstract IDisposable Construct(SimulatorHost simulator, Action<SigningClientOptions> adjust);

    /// <summary>The secrets of the options pointed at the simulator, and of the broken ones.</summary>
    public abstract IReadOnlyList<string> Secrets(SimulatorHost simulator);

    /// <summary>The client registered under <paramref name="name"/>, from <see cref="ISigningClientFactory{TClient}"/>.</summary>
    public abstract object GetNamedClient(IServiceProvider services, string name);

    /// <summary>The options registered under <paramref name="name"/>.</summary>
    public abstract SigningClientOptions Options(IServiceProvider services, string name);

    /// <summary>Runs the health probe (a safe authenticated read) of the client registered under <paramref name="name"/>.</summary>
    public static Task ProbeAsync(IServiceProvider services, string name, CancellationToken cancellationToken) =>
        services.GetServices<SigningClientHealthProbe>().Single(p => p.Name == name).ProbeAsync(services, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>A provider's contract from its typed parts.</summary>
public sealed class ProviderContract<TClient, TOptions, TSimulator>(
    string name,
    Func<CancellationToken, Task<TSimulator>> start,
    Action<TOptions, TSimulator> useSimulator,
    Func<TOptions, IDisposable> construct,
    Func<IServiceCollection, string, Action<TOptions>, IHttpClientBuilder> addNamed,
    Func<IServiceCollection, IConfiguration, IHttpClientBuilder> addFromSection,
    Func<TOptions, IEnumerable<(string Key, string? Value)>> settings,
    Func<TOptions, bool> providerSettingsBound,
    Action<TOptions> breakCredentials,
    Func<TOptions, IEnumerable<string?>> secrets) : ProviderContract
    where TClient : class
    where TOptions : SigningClientOptions, new()
    where TSimulator : SimulatorHost
{
    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override Type ClientInterface => typeof(TClient);

    /// <inheritdoc />
    public override async Task<SimulatorHost> StartAsync(CancellationToken cancellationToken) => await start(cancellationToken);

    /// <inheritdoc />
    public override IHttpClientBuilder Register(IServiceCollection services, SimulatorHost simulator, string name, Action<SigningClientOptions>? adjust = null) =>
        addNamed(services, name, o =>
        {
            useSimulator(o, (TSimulator)simulator);
            FastRetry(o.Retry);
            adjust?.Invoke(o);
        });

    /// <inheritdoc />
    public override IHttpClientBuilder RegisterWithBrokenCredentials(IServiceCollection services, SimulatorHost simulator, string name) =>
        Register(services, simulator, name, o => breakCredentials((TOptions)o));

    /// <inheritdoc />
    public override IHttpClientBuilder RegisterWithoutCredentials(IServiceCollection services) =>
        addNamed(services, string.Empty, o => o.Endpoint = new Uri("https://signing.example/api/"));

    /// <inheritdoc />
    public override IHttpClientBuilder RegisterFromConfiguration(IServiceCollection services, SimulatorHost simulator, IEnumerable<(string Key, string? Value)> common)
    {
        var options = SimulatorOptions(simulator);
        var entries = new Dictionary<string, string?> { [name + ":Endpoint"] = options.Endpoint!.AbsoluteUri, [name + ":AllowHttpOnLoopback"] = "true" };
        foreach (var (key, value) in settings(options).Concat(common))
        {
            entries[name + ":" + key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(entries).Build();
        return addFromSection(services, configuration.GetSection(name));
    }

    /// <inheritdoc />
    public override bool ProviderSettingsBound(SigningClientOptions options) => providerSettingsBound((TOptions)options);

    /// <inheritdoc />
    public override IDisposable Construct(SimulatorHost simulator, Action<SigningClientOptions> adjust)
    {
        var options = SimulatorOptions(simulator);
        adjust(options);
        return construct(options);
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> Secrets(SimulatorHost simulator)
    {
        var good = SimulatorOptions(simulator);
        var broken = SimulatorOptions(simulator);
        breakCredentials(broken);
        return secrets(good).Concat(secrets(broken)).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public override object GetNamedClient(IServiceProvider services, string name) =>
        services.GetRequiredService<ISigningClientFactory<TClient>>().GetClient(name);

    /// <inheritdoc />
    public override SigningClientOptions Options(IServiceProvider services, string name) =>
        services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<TOptions>>().Get(name);

    private TOptions SimulatorOptions(SimulatorHost simulator)
    {
        var options = new TOptions();
        useSimulator(options, (TSimulator)simulator);
        return options;
    }

    private static void FastRetry(RetryOptions retry)
    {
        retry.MaxRetries = 1;
        retry.InitialDelay = TimeSpan.FromMilliseconds(1);
        retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        retry.UseJitter = false;
    }
}
