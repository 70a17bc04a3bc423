using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SigningClients.Testing.Internal;

namespace SigningClients.Testing;

/// <summary>
/// An in-process HTTP server (Kestrel on <c>127.0.0.1</c>, a free port) with a <see cref="RequestJournal"/> and a
/// <see cref="FaultInjector"/> in front of its routes. Use <see cref="StartAsync"/> for an ad-hoc server in a test,
/// or derive from it to build a provider simulator: override <see cref="MapRoutes"/> and call
/// <see cref="StartHostAsync"/> from the simulator's own static <c>StartAsync</c>. Dispose it to stop the server.
/// </summary>
/// <example>
/// <code>
/// await using var host = await SimulatorHost.StartAsync(routes => routes.MapGet("/ping", () => "pong"));
/// host.Faults.Enqueue(SimulatedFault.Status(503, retryAfter: "2"));
/// using var http = new HttpClient { BaseAddress = host.BaseAddress };
/// var first = await http.GetAsync("ping");   // 503, Retry-After: 2
/// var second = await http.GetAsync("ping");  // 200 "pong"
/// Assert.Equal(2, host.Journal.CountOf("GET", "/ping"));
/// </code>
/// </example>
public class SimulatorHost : IAsyncDisposable
{
    private readonly SimulatorHostOptions _options;
    private readonly Action<IEndpointRouteBuilder>? _mapRoutes;
    private WebApplication? _app;
    private Uri? _baseAddress;
    private int _started;
    private int _disposed;

    /// <summary>Creates a simulator that is not started yet; derived simulators call <see cref="StartHostAsync"/> next.</summary>
    /// <param name="options">Settings, or <see langword="null"/> for the defaults.</param>
    protected SimulatorHost(SimulatorHostOptions? options)
    {
        _options = options ?? new SimulatorHostOptions();
        TimeProvider = _options.TimeProvider ?? TimeProvider.System;
        Journal = new RequestJournal();
        Faults = new FaultInjector();
        Callbacks = new SimulatorCallbacks(TimeProvider);
    }

    private SimulatorHost(Action<IEndpointRouteBuilder> mapRoutes, SimulatorHostOptions? options)
        : this(options)
    {
        _mapRoutes = mapRoutes;
    }

    /// <summary>The address the server listens on: <c>http://127.0.0.1:{port}/</c>, with a trailing slash.</summary>
    /// <exception cref="InvalidOperationException">The server has not been started.</exception>
    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The simulator has not been started.");

    /// <summary>Every request the server received, in arrival order.</summary>
    public RequestJournal Journal { get; }

    /// <summary>Faults queued for the next requests.</summary>
    public FaultInjector Faults { get; }

    /// <summary>
    /// The calls the simulator makes to your application the way its provider does (webhooks, event notifications),
    /// with their retries and answers. The ad-hoc host of <see cref="StartAsync"/> makes none.
    /// </summary>
    public SimulatorCallbacks Callbacks { get; }

    /// <summary>The simulator's clock (<see cref="SimulatorHostOptions.TimeProvider"/>, default <see cref="TimeProvider.System"/>).</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// Raised after each status change of the simulator's state model (a workflow launched, a signer signed, a DST
    /// expired, …), outside the simulator's lock, in the order the changes happened. A webhook or callback dispatcher
    /// can hook it. The ad-hoc host of <see cref="StartAsync"/> never raises it.
    /// </summary>
    public event EventHandler<SimulatorStatusChange>? StatusChanged;

    /// <summary>The settings the simulator was created with.</summary>
    protected SimulatorHostOptions Options => _options;

    /// <summary>
    /// Starts an ad-hoc server whose routes are mapped by <paramref name="mapRoutes"/> (minimal APIs such as
    /// <c>routes.MapPost("/items", handler)</c>), with the journal and fault injection in front of them.
    /// </summary>
    /// <param name="mapRoutes">Maps the routes; called once, before the server starts.</param>
    /// <param name="options">Settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started server; dispose it to stop it.</returns>
    public static Task<SimulatorHost> StartAsync(Action<IEndpointRouteBuilder> mapRoutes, SimulatorHostOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapRoutes);
        return StartSimulatorAsync(new SimulatorHost(mapRoutes, options), cancellationToken);
    }

    /// <summary>Starts <paramref name="simulator"/> and returns it; if the start fails, disposes it and rethrows.</summary>
    /// <typeparam name="TSimulator">The simulator type.</typeparam>
    /// <param name="simulator">A simulator that has not been started.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running simulator.</returns>
    protected static async Task<TSimulator> StartSimulatorAsync<TSimulator>(TSimulator simulator, CancellationToken cancellationToken)
        where TSimulator : SimulatorHost
    {
        ArgumentNullException.ThrowIfNull(simulator);
        try
        {
            await simulator.StartHostAsync(cancellationToken).ConfigureAwait(false);
            return simulator;
        }
        catch
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Returns an address on the loopback interface where nothing listens, so connecting to it is refused at once.
    /// Use it to test connection failures. The port is taken below every operating system's ephemeral range, so no
    /// simulator (which listens on an OS-assigned port) can be started on it later.
    /// </summary>
    /// <returns>An <c>http://127.0.0.1:{port}/</c> address.</returns>
    public static Uri GetUnusedLoopbackAddress()
    {
        // Ephemeral ranges: Linux 32768-60999, Windows and macOS 49152-65535. Ports below them are only used by
        // services that ask for them explicitly.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = Random.Shared.Next(20000, 32000);
            if (IsFree(port))
            {
                return LoopbackUri(port);
            }
        }

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return LoopbackUri(((IPEndPoint)socket.LocalEndPoint!).Port);

        static bool IsFree(int port)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Builds and starts the server: Kestrel on <c>127.0.0.1:0</c> with no request body size limit, the journal and
    /// fault middleware first, then the routes from <see cref="MapRoutes"/>. Call it once.
    /// </summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the server accepts connections.</returns>
    /// <exception cref="InvalidOperationException">The server was already started.</exception>
    protected async Task StartHostAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The simulator has already been started.");
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = GetType().Assembly.GetName().Name,
            EnvironmentName = Environments.Production,
        });

        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
        });

        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = _options.ShutdownTimeout);
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(form =>
        {
            form.MultipartBodyLengthLimit = long.MaxValue;
            form.ValueLengthLimit = int.MaxValue;
        });
        builder.Services.AddSingleton(TimeProvider);
        builder.Logging.ClearProviders();
        if (_options.LoggerProvider is { } provider)
        {
            builder.Logging.AddProvider(new NonDisposingLoggerProvider(provider));
        }

        _options.ConfigureLogging?.Invoke(builder.Logging);
        ConfigureServices(builder.Services);

        var app = builder.Build();
        _app = app;

        var middleware = new SimulatorMiddleware(
            Journal,
            Faults,
            TimeProvider,
            _options.JournalBodyLimit,
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(GetType().FullName ?? nameof(SimulatorHost)));
        app.Use(middleware.InvokeAsync);
        app.UseRouting();
        MapRoutes(app);

        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel did not report the address it listens on.");
        _baseAddress = LoopbackUri(new Uri(address).Port);
    }

    /// <summary>Raises <see cref="StatusChanged"/>; derived simulators forward their state model's changes here.</summary>
    /// <param name="change">The change.</param>
    protected void OnStatusChanged(SimulatorStatusChange change) => StatusChanged?.Invoke(this, change);

    /// <summary>Forwards a state model's status changes to <see cref="StatusChanged"/> and returns the model.</summary>
    /// <typeparam name="TState">The state model's type.</typeparam>
    /// <param name="state">The simulator's state model.</param>
    /// <returns><paramref name="state"/>.</returns>
    private protected TState Track<TState>(TState state)
        where TState : Simulation.SimulatorState
    {
        state.StatusChanged += (_, change) => OnStatusChanged(change);
        return state;
    }

    /// <summary>Maps the simulator's routes. The base implementation maps the routes given to <see cref="StartAsync"/>.</summary>
    /// <param name="routes">The route builder (minimal APIs: <c>MapGet</c>, <c>MapPost</c>, <c>MapGroup</c>, …).</param>
    protected virtual void MapRoutes(IEndpointRouteBuilder routes) => _mapRoutes?.Invoke(routes);

    /// <summary>Registers services the simulator's routes need. The base implementation adds nothing.</summary>
    /// <param name="services">The server's service collection.</param>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Stops the server (in-flight requests get <see cref="SimulatorHostOptions.ShutdownTimeout"/>, then are aborted) and releases it.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    protected virtual async ValueTask DisposeAsyncCore()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await Callbacks.DisposeAsync().ConfigureAwait(false);
        var app = _app;
        if (app is null)
        {
            return;
        }

        using (var timeout = new CancellationTokenSource(_options.ShutdownTimeout))
        {
            try
            {
                await app.StopAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Remaining connections were aborted.
            }
        }

        await app.DisposeAsync().ConfigureAwait(false);
    }

    private static Uri LoopbackUri(int port) => new(FormattableString.Invariant($"http://127.0.0.1:{port}/"));

    private sealed class NonDisposingLoggerProvider : ILoggerProvider
    {
        private readonly ILoggerProvider _inner;

        public NonDisposingLoggerProvider(ILoggerProvider inner) => _inner = inner;

        public ILogger CreateLogger(string categoryName) => _inner.CreateLogger(categoryName);

        public void Dispose()
        {
        }
    }
}
