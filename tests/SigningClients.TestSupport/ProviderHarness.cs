using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SigningClients.Core;
using SigningClients.Testing;

namespace SigningClients.TestSupport;

/// <summary>
/// The one shape of a provider test harness: a running simulator, a client pointed at it, the options both were built
/// with, the client logs, and more clients on the same simulator. Every provider test project has exactly one
/// <c>{Provider}Harness</c> in <c>{Provider}Harness.cs</c> deriving from this (the conventions tests check it), so a
/// test of one provider reads like a test of the other four:
/// <code>
/// await using var harness = await AlphaTrustHarness.StartAsync(cancellationToken: ct);
/// var (simulator, client) = harness;
/// </code>
/// A derived harness says only what differs per provider: how its simulator starts and its client is constructed (the
/// constructor's three delegates) and how its options point at the simulator (<c>UseSimulator</c> plus fast test
/// timings, <see cref="PointAtSimulator"/>). Provider-specific
/// conveniences (sample requests, a browser, a second kind of client) are members of that harness.
/// </summary>
/// <typeparam name="THarness">The derived harness (what <see cref="StartAsync"/> returns).</typeparam>
/// <typeparam name="TSimulator">The provider's simulator.</typeparam>
/// <typeparam name="TSimulatorOptions">The simulator's options type.</typeparam>
/// <typeparam name="TClient">The provider's client.</typeparam>
/// <typeparam name="TClientOptions">The client's options type.</typeparam>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "StartAsync is the one factory of every derived harness: XxxHarness.StartAsync(...).")]
public abstract class ProviderHarness<THarness, TSimulator, TSimulatorOptions, TClient, TClientOptions> : IAsyncDisposable
    where THarness : ProviderHarness<THarness, TSimulator, TSimulatorOptions, TClient, TClientOptions>, new()
    where TSimulator : SimulatorHost
    where TSimulatorOptions : class, new()
    where TClient : class, IDisposable
    where TClientOptions : SigningClientOptions, new()
{
    private readonly Func<TSimulatorOptions, SimulatorHostOptions> _hostOptions;
    private readonly Func<TSimulatorOptions, CancellationToken, Task<TSimulator>> _startSimulator;
    private readonly Func<TClientOptions, HttpClient?, ILoggerFactory, TimeProvider?, TClient> _newClient;
    private readonly List<IDisposable> _owned = new();
    private TSimulator? _simulator;
    private TSimulatorOptions? _simulatorOptions;
    private TClient? _client;
    private TClientOptions? _options;

    /// <summary>Says how the provider's simulator starts and how its client is constructed.</summary>
    /// <param name="hostOptions">The host options inside the simulator's options (<c>o =&gt; o.Host</c>).</param>
    /// <param name="startSimulator">The simulator's <c>StartAsync(options, cancellationToken)</c>.</param>
    /// <param name="newClient">The client's standard constructor <c>(options, httpClient, loggerFactory, timeProvider)</c>.</param>
    protected ProviderHarness(
        Func<TSimulatorOptions, SimulatorHostOptions> hostOptions,
        Func<TSimulatorOptions, CancellationToken, Task<TSimulator>> startSimulator,
        Func<TClientOptions, HttpClient?, ILoggerFactory, TimeProvider?, TClient> newClient)
    {
        _hostOptions = hostOptions;
        _startSimulator = startSimulator;
        _newClient = newClient;
    }

    /// <summary>The running simulator.</summary>
    public TSimulator Simulator => _simulator ?? throw NotStarted();

    /// <summary>The options the simulator was started with (after the harness defaults and the caller's changes).</summary>
    public TSimulatorOptions SimulatorOptions => _simulatorOptions ?? throw NotStarted();

    /// <summary>The client pointed at <see cref="Simulator"/>, built with <see cref="Options"/>.</summary>
    public TClient Client => _client ?? throw NotStarted();

    /// <summary>The options <see cref="Client"/> was built with.</summary>
    public TClientOptions Options => _options ?? throw NotStarted();

    /// <summary>The client clock passed to <see cref="StartAsync"/> (also the simulator's, unless changed), or <see langword="null"/> for the system clock.</summary>
    public TimeProvider? Clock { get; private set; }

    /// <summary>The logs of every client the harness built (unless a test passed its own logger factory).</summary>
    public LogCapture Logs { get; } = new();

    /// <summary>
    /// Starts the simulator and builds <see cref="Client"/> pointed at it.
    /// </summary>
    /// <param name="configureSimulator">Changes to the simulator's options (its host clock is already <paramref name="clock"/>).</param>
    /// <param name="configureClient">Changes to the client's options, applied after <c>UseSimulator</c> and the test timings.</param>
    /// <param name="clock">The clock of the client and of the simulator, or <see langword="null"/> for the system clock.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started harness; dispose it to stop the simulator and the clients.</returns>
    public static async Task<THarness> StartAsync(
        Action<TSimulatorOptions>? configureSimulator = null,
        Action<TClientOptions>? configureClient = null,
        TimeProvider? clock = null,
        CancellationToken cancellationToken = default)
    {
        var harness = new THarness { Clock = clock };
        var simulatorOptions = new TSimulatorOptions();
        harness._hostOptions(simulatorOptions).TimeProvider = clock;
        configureSimulator?.Invoke(simulatorOptions);
        harness._simulatorOptions = simulatorOptions;
        harness._simulator = await harness._startSimulator(simulatorOptions, cancellationToken).ConfigureAwait(false);
        try
        {
            harness._options = harness.CreateOptions(configureClient);
            harness._client = harness.CreateClient(harness._options);
        }
        catch
        {
            await harness.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return harness;
    }

    /// <summary>Lets a test write <c>var (simulator, client) = harness;</c>.</summary>
    /// <param name="simulator">The simulator.</param>
    /// <param name="client">The client.</param>
    public void Deconstruct(out TSimulator simulator, out TClient client)
    {
        simulator = Simulator;
        client = Client;
    }

    /// <summary>New client options pointed at <see cref="Simulator"/> with the harness's test timings, then <paramref name="configure"/>.</summary>
    /// <param name="configure">Changes to the options, or <see langword="null"/>.</param>
    /// <returns>The options (not yet used by any client).</returns>
    public TClientOptions CreateOptions(Action<TClientOptions>? configure = null)
    {
        var options = new TClientOptions();
        PointAtSimulator(options, Simulator);
        configure?.Invoke(options);
        return options;
    }

    /// <summary>Another client on the same simulator (from <see cref="CreateOptions"/>), disposed with the harness.</summary>
    /// <param name="configure">Changes to the options, or <see langword="null"/>.</param>
    /// <param name="clock">The client's clock, or <see langword="null"/> for <see cref="Clock"/>.</param>
    /// <param name="handler">The HTTP handler under the client's <see cref="HttpClient"/>, or <see langword="null"/> for the client's own.</param>
    /// <param name="loggerFactory">The client's logger factory, or <see langword="null"/> to log into <see cref="Logs"/>.</param>
    /// <returns>The client.</returns>
    public TClient CreateClient(Action<TClientOptions>? configure = null, TimeProvider? clock = null, HttpMessageHandler? handler = null, ILoggerFactory? loggerFactory = null) =>
        CreateClient(CreateOptions(configure), clock, handler, loggerFactory);

    /// <summary>Another client on the same simulator built with <paramref name="options"/>, disposed with the harness.</summary>
    /// <param name="options">The options (usually from <see cref="CreateOptions"/>).</param>
    /// <param name="clock">The client's clock, or <see langword="null"/> for <see cref="Clock"/>.</param>
    /// <param name="handler">The HTTP handler under the client's <see cref="HttpClient"/>, or <see langword="null"/> for the client's own.</param>
    /// <param name="loggerFactory">The client's logger factory, or <see langword="null"/> to log into <see cref="Logs"/>.</param>
    /// <returns>The client.</returns>
    public TClient CreateClient(TClientOptions options, TimeProvider? clock = null, HttpMessageHandler? handler = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        HttpClient? http = null;
        if (handler is not null)
        {
            http = Own(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan });
        }

        var client = _newClient(options, http, loggerFactory ?? Own(Logs.CreateFactory()), clock ?? Clock);
        return Own(client);
    }

    /// <summary>Disposes the clients (and their HTTP clients and logger factories), then stops the simulator.</summary>
    /// <returns>A task that completes when the simulator has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        for (int i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
        Logs.Dispose();
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Points fresh options at the simulator (<c>UseSimulator</c>) and sets the harness's fast test timings.</summary>
    /// <param name="options">Fresh client options.</param>
    /// <param name="simulator">The running simulator.</param>
    protected abstract void PointAtSimulator(TClientOptions options, TSimulator simulator);

    /// <summary>Disposes <paramref name="disposable"/> with the harness (before the simulator stops).</summary>
    /// <typeparam name="T">The type of the disposable.</typeparam>
    /// <param name="disposable">What to dispose.</param>
    /// <returns><paramref name="disposable"/>.</returns>
    protected T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    private static InvalidOperationException NotStarted() => new("The harness was not started: use " + typeof(THarness).Name + ".StartAsync.");
}
