using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SigningClients.Core;
using SigningClients.Testing;

namespace SigningClients.Reliability.Tests.Infrastructure;

/// <summary>How the suite builds a client: endpoint, retry tuning, logging, clock, transport.</summary>
internal sealed class ClientSettings
{
    public required Uri Endpoint { get; init; }

    public Action<RetryOptions>? Retry { get; init; }

    public ILoggerFactory LoggerFactory { get; init; } = Recorder.LoggerFactory;

    public TimeProvider? TimeProvider { get; init; }

    public HttpClient? HttpClient { get; init; }

    /// <summary>The fast retry settings every suite client uses: 5 ms backoff, no jitter, Retry-After honoured up to 2 s.</summary>
    public static void FastRetry(RetryOptions retry)
    {
        retry.MaxRetries = 3;
        retry.InitialDelay = TimeSpan.FromMilliseconds(5);
        retry.MaxDelay = TimeSpan.FromMilliseconds(40);
        retry.UseJitter = false;
        retry.MaxRetryAfter = TimeSpan.FromSeconds(2);
        retry.AttemptTimeout = TimeSpan.FromSeconds(30);
    }
}

/// <summary>
/// One public operation of a client, ready for the matrix: a setup that brings the simulator into the state the
/// operation needs (run with a separate, healthy client), the route the fault is aimed at, and the call itself.
/// </summary>
internal sealed class OperationCase
{
    public required string Name { get; init; }

    public required Idempotency Idempotency { get; init; }

    public required string Method { get; init; }

    /// <summary>Brings the simulator into the needed state; returns what the call needs (ids...).</summary>
    public required Func<object, SimulatorHost, CancellationToken, Task<object?>> Setup { get; init; }

    /// <summary>The route (path or path prefix) the operation calls, given the setup's state.</summary>
    public required Func<object?, string> Route { get; init; }

    /// <summary>The call under test; consumes the whole result (downloads are read to their end).</summary>
    public required Func<object, object?, CancellationToken, Task> Call { get; init; }

    /// <summary>Whether a documented, non-<see cref="SigningApiException"/> exception type is this operation's answer to a malformed body.</summary>
    public Func<Exception, bool>? IsDocumentedException { get; init; }

    /// <summary>
    /// A long-running wait helper that keeps polling through transient failures until its own timeout: outlasting a
    /// persistent (20-request) fault and then succeeding is an allowed outcome.
    /// </summary>
    public bool PollsThroughFaults { get; set; }

    /// <summary>For writes: counts the write's effect in the simulator's state (not the journal), given the setup's state.</summary>
    public Func<SimulatorHost, object?, int>? Effect { get; init; }

    public override string ToString() => Name;
}

/// <summary>Everything the suite needs to know about one provider.</summary>
internal abstract class ProviderKit
{
    public abstract string Provider { get; }

    /// <summary>A broken body in the provider's own format (cut JSON, cut XML).</summary>
    public abstract string BrokenBody { get; }

    /// <summary>The content type of <see cref="BrokenBody"/>.</summary>
    public abstract string BrokenBodyContentType { get; }

    /// <summary>Whether the provider speaks SOAP (SOAP Fault cells apply).</summary>
    public virtual bool IsSoap => false;

    public abstract IReadOnlyList<OperationCase> Operations { get; }

    public abstract Task<SimulatorHost> StartSimulatorAsync(SimulatorHostOptions host, CancellationToken cancellationToken);

    /// <summary>Creates a client for the simulator (credentials from it), at <see cref="ClientSettings.Endpoint"/>.</summary>
    public abstract object CreateClient(SimulatorHost simulator, ClientSettings settings);

    /// <summary>Per operation, each documented required argument missing or invalid: must throw ArgumentException before any request.</summary>
    public virtual IReadOnlyList<BadArgumentCase> BadArguments => Array.Empty<BadArgumentCase>();

    /// <summary>The response parsers to fuzz: a valid call whose response body gets mutated.</summary>
    public virtual IReadOnlyList<FuzzTarget> FuzzTargets => Array.Empty<FuzzTarget>();

    /// <summary>Every secret the simulator and its clients use.</summary>
    public abstract IEnumerable<string> Secrets(SimulatorHost simulator);

    /// <summary>Creates a client at the simulator with the fast retry settings.</summary>
    public object CreateHealthyClient(SimulatorHost simulator)
        => CreateClient(simulator, new ClientSettings { Endpoint = simulator.BaseAddress, Retry = ClientSettings.FastRetry });

    /// <summary>Builds a case from typed delegates.</summary>
    protected static OperationCase Op<TClient, TSim, TState>(
        string name,
        Idempotency idempotency,
        string method,
        Func<TClient, TSim, CancellationToken, Task<TState>> setup,
        Func<TState, string> route,
        Func<TClient, TState, CancellationToken, Task> call,
        Func<Exception, bool>? documented = null,
        Func<TSim, TState, int>? effect = null)
        where TSim : SimulatorHost
        => new()
        {
            Effect = effect is null ? null : (sim, state) => effect((TSim)sim, (TState)state!),
            Name = name,
            Idempotency = idempotency,
            Method = method,
            Setup = async (client, sim, ct) => await setup((TClient)client, (TSim)sim, ct).ConfigureAwait(false),
            Route = state => route((TState)state!),
            Call = (client, state, ct) => call((TClient)client, (TState)state!, ct),
            IsDocumentedException = documented,
        };
}

/// <summary>One invalid-argument call.</summary>
internal sealed record BadArgumentCase(string Operation, string Case, Func<object, CancellationToken, Task> Call);

/// <summary>
/// A response parser to fuzz: <see cref="Setup"/> prepares state with a healthy client, <see cref="Call"/> is the
/// call whose response (method + route, with status <see cref="Status"/>) is replaced by mutated bodies.
/// </summary>
internal sealed record FuzzTarget(
    string Parser,
    string Method,
    Func<object?, string> Route,
    int Status,
    Func<object, SimulatorHost, CancellationToken, Task<object?>> Setup,
    Func<object, object?, CancellationToken, Task> Call,
    Func<Exception, bool>? Documented = null,
    string? ContentType = null,
    string? Seed = null);
