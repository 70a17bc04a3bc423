using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core;
using SigningClients.Testing;

namespace SigningClients.Reliability.Tests.Infrastructure;

/// <summary>What a call ended with.</summary>
internal sealed record Observed(OutcomeKind Kind, Exception? Exception, TimeSpan Elapsed)
{
    public SigningApiException? Api => Exception as SigningApiException;

    public string Describe()
    {
        return Kind switch
        {
            OutcomeKind.Success => "success",
            OutcomeKind.Hang => "hang",
            OutcomeKind.SigningApiException => string.Create(CultureInfo.InvariantCulture,
                $"{Api!.Kind} status={Api.Status} transient={Api.IsTransient} outcomeUnknown={Api.OutcomeUnknown}{(Api.ErrorCode is null ? string.Empty : " code=" + Api.ErrorCode)}{(Api.RetryAfter is { } ra ? " retryAfter=" + ra.TotalSeconds + "s" : string.Empty)}"),
            _ => Exception!.GetType().Name + ": " + Exception.Message,
        };
    }
}

/// <summary>Runs the (operation × fault) matrix: lanes of cells, one simulator per lane, cells in a lane sequential.</summary>
internal static class MatrixRunner
{
    public static readonly TimeSpan HangTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Runs a call with hang detection and classifies what it ended with.</summary>
    public static async Task<Observed> ObserveAsync(Func<CancellationToken, Task> call, Func<Exception, bool>? documented, TimeSpan? hangTimeout = null)
    {
        using var cts = new CancellationTokenSource();
        var watch = Stopwatch.StartNew();
        Task task;
        try
        {
            task = call(cts.Token);
        }
        catch (Exception ex)
        {
            task = Task.FromException(ex);
        }

        var finished = await Task.WhenAny(task, Task.Delay(hangTimeout ?? HangTimeout)).ConfigureAwait(false);
        watch.Stop();
        if (finished != task)
        {
            cts.Cancel();
            _ = task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
            return new Observed(OutcomeKind.Hang, null, watch.Elapsed);
        }

        try
        {
            await task.ConfigureAwait(false);
            return new Observed(OutcomeKind.Success, null, watch.Elapsed);
        }
        catch (Exception ex)
        {
            Recorder.AddException(ex);
            return new Observed(Classify(ex, documented), ex, watch.Elapsed);
        }
    }

    public static OutcomeKind Classify(Exception ex, Func<Exception, bool>? documented)
        => ex switch
        {
            SigningApiException => OutcomeKind.SigningApiException,
            ArgumentException => OutcomeKind.ArgumentException,
            _ when documented?.Invoke(ex) == true => OutcomeKind.DocumentedException,
            _ => OutcomeKind.Untyped,
        };

    /// <summary>Whether a journal entry reached the route (so a write took effect).</summary>
    public static bool Processed(JournalEntry entry)
    {
        var fault = entry.FaultApplied;
        if (fault is null)
        {
            return true;
        }

        if (fault.StartsWith("Delay", StringComparison.Ordinal))
        {
            return entry.ResponseStatus is not null;
        }

        return fault.StartsWith("DropAfterProcessing", StringComparison.Ordinal)
            || fault.StartsWith("TruncatedBody", StringComparison.Ordinal)
            || fault.StartsWith("ResetMidBody", StringComparison.Ordinal)
            || fault.StartsWith("MalformedBody", StringComparison.Ordinal);
    }

    public static long Mark(SimulatorHost simulator)
    {
        var entries = simulator.Journal.Entries;
        return entries.Count == 0 ? 0 : entries[entries.Count - 1].Sequence;
    }

    public static int ProcessedSince(SimulatorHost simulator, long mark, string method, string route)
        => simulator.Journal.Entries.Count(e => e.Sequence > mark
            && string.Equals(e.Method, method, StringComparison.OrdinalIgnoreCase)
            && PathMatches(route, e.Path)
            && Processed(e));

    public static int ReceivedSince(SimulatorHost simulator, long mark, string method, string route)
        => simulator.Journal.Entries.Count(e => e.Sequence > mark
            && string.Equals(e.Method, method, StringComparison.OrdinalIgnoreCase)
            && PathMatches(route, e.Path));

    public static int RequestsSince(SimulatorHost simulator, long mark)
        => simulator.Journal.Entries.Count(e => e.Sequence > mark);

    public static bool PathMatches(string prefix, string path)
    {
        prefix = "/" + prefix.Trim('/');
        if (prefix == "/")
        {
            return true;
        }

        return path.Equals(prefix, StringComparison.OrdinalIgnoreCase)
            || (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && path.Length > prefix.Length && path[prefix.Length] == '/');
    }

    /// <summary>Runs every applicable cell of the kits × faults, in parallel lanes.</summary>
    public static async Task<IReadOnlyList<CellResult>> RunAsync(IEnumerable<ProviderKit> kits, IEnumerable<FaultSpec> faults, int parallelism, CancellationToken cancellationToken)
    {
        var lanes = new List<(ProviderKit Kit, FaultSpec Fault, IReadOnlyList<OperationCase> Ops)>();
        foreach (var kit in kits)
        {
            foreach (var fault in faults.Where(f => f.AppliesTo(kit)))
            {
                var chunk = fault.Slow || fault.ShortAttemptTimeout ? 4 : 12;
                foreach (var ops in kit.Operations.Chunk(chunk))
                {
                    lanes.Add((kit, fault, ops));
                }
            }
        }

        var results = new List<CellResult>();
        using var gate = new SemaphoreSlim(parallelism);

        // Slow lanes first so they overlap with the fast ones.
        var tasks = lanes.OrderByDescending(l => l.Fault.Slow || l.Fault.ShortAttemptTimeout).Select(async lane =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await RunLaneAsync(lane.Kit, lane.Fault, lane.Ops, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();

        foreach (var laneResult in await Task.WhenAll(tasks).ConfigureAwait(false))
        {
            results.AddRange(laneResult);
        }

        return results;
    }

    private static async Task<IReadOnlyList<CellResult>> RunLaneAsync(ProviderKit kit, FaultSpec fault, IReadOnlyList<OperationCase> ops, CancellationToken cancellationToken)
    {
        var results = new List<CellResult>();
        await using var simulator = await kit.StartSimulatorAsync(new SimulatorHostOptions(), cancellationToken).ConfigureAwait(false);
        Recorder.AddSecrets(kit.Secrets(simulator).ToArray());
        using var harvest = new WireSecretHarvest(simulator);
        var setupClient = kit.CreateHealthyClient(simulator);
        var endpoint = fault.Class == FaultClass.Refused ? SimulatorHost.GetUnusedLoopbackAddress() : simulator.BaseAddress;
        var cellClient = kit.CreateClient(simulator, new ClientSettings
        {
            Endpoint = endpoint,
            Retry = retry =>
            {
                ClientSettings.FastRetry(retry);
                if (fault.ShortAttemptTimeout)
                {
                    retry.AttemptTimeout = TimeSpan.FromMilliseconds(300);
                }
            },
        });
        try
        {
            foreach (var op in ops)
            {
                var cell = await RunCellAsync(kit, fault, op, simulator, setupClient, cellClient, cancellationToken).ConfigureAwait(false);
                Recorder.Add(cell);
                results.Add(cell);
            }
        }
        finally
        {
            (setupClient as IDisposable)?.Dispose();
            (cellClient as IDisposable)?.Dispose();
        }

        return results;
    }

    private static async Task<CellResult> RunCellAsync(ProviderKit kit, FaultSpec fault, OperationCase op, SimulatorHost simulator, object setupClient, object cellClient, CancellationToken cancellationToken)
    {
        object? state;
        try
        {
            state = await op.Setup(setupClient, simulator, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Recorder.AddException(ex);
            return new CellResult(kit.Provider, op.Name, op.Idempotency, fault.Id, OutcomeKind.Untyped, "setup failed: " + ex.GetType().Name + ": " + ex.Message, 0, false, false, "setup failed", TimeSpan.Zero);
        }

        var route = op.Route(state);
        simulator.Faults.Clear();
        var mark = Mark(simulator);
        if (fault.Create(kit) is { } simulated)
        {
            simulator.Faults.EnqueueFor(op.Method, route, simulated, fault.Count);
        }

        var observed = await ObserveAsync(ct => op.Call(cellClient, state, ct), op.IsDocumentedException).ConfigureAwait(false);
        simulator.Faults.Clear();
        var processed = ProcessedSince(simulator, mark, op.Method, route);
        var duplicate = op.Idempotency == Idempotency.NotIdempotent && processed > 1;
        var received = ReceivedSince(simulator, mark, op.Method, route);
        var why = Judge(kit, fault, op, observed, processed, received);
        return new CellResult(kit.Provider, op.Name, op.Idempotency, fault.Id, observed.Kind, observed.Describe(), processed, duplicate, why is null, why, observed.Elapsed);
    }

    /// <summary>Returns <see langword="null"/> when the outcome is allowed, otherwise why not.</summary>
    public static string? Judge(ProviderKit kit, FaultSpec fault, OperationCase op, Observed observed, int processed, int received = -1)
    {
        var retryable = op.Idempotency != Idempotency.NotIdempotent;
        var write = !retryable;
        var api = observed.Api;
        switch (observed.Kind)
        {
            case OutcomeKind.Untyped:
                return "untyped exception escaped";
            case OutcomeKind.Hang:
                return "hang (no answer within " + HangTimeout.TotalSeconds + " s)";
            case OutcomeKind.ArgumentException:
                return "ArgumentException for a valid call";
            case OutcomeKind.DocumentedException when fault.Class != FaultClass.Malformed:
                return "documented domain exception where a SigningApiException was expected";
        }

        if (write && processed > 1)
        {
            return "DUPLICATE WRITE: the route processed the request " + processed + " times";
        }

        if (api is not null)
        {
            if (api.BodyExcerpt is { Length: > SigningApiException.MaxBodyExcerptLength })
            {
                return "body excerpt longer than 4 KB";
            }

            if (!string.Equals(api.Provider, kit.Provider, StringComparison.Ordinal) || string.IsNullOrEmpty(api.Operation))
            {
                return "exception does not name the provider/operation (" + api.Provider + "/" + api.Operation + ")";
            }
        }

        bool IsApi() => api is not null;
        var success = observed.Kind == OutcomeKind.Success;
        if (success && op.PollsThroughFaults && retryable)
        {
            return null; // the wait helper outlasted the fault (documented: it polls through transient failures)
        }

        switch (fault.Class)
        {
            case FaultClass.Refused:
                if (!IsApi() || api!.Kind != SigningFailureKind.ConnectionFailure || api.Status != 0 || !api.IsTransient || api.OutcomeUnknown)
                {
                    return "expected ConnectionFailure, status 0, transient, outcome known";
                }

                return processed == 0 ? null : "a request reached the server";

            case FaultClass.DropBefore:
                if (fault.Count == 1 && retryable)
                {
                    return success ? null : "a safe/idempotent call must succeed after one dropped connection";
                }

                if (!IsApi() || api!.Kind != SigningFailureKind.ConnectionFailure || !api.IsTransient)
                {
                    return "expected a transient ConnectionFailure";
                }

                return write && !api.OutcomeUnknown ? "a write whose response was lost must say OutcomeUnknown" : null;

            case FaultClass.DropAfter:
                if (retryable)
                {
                    return success ? null : "a safe/idempotent call must succeed after one dropped response";
                }

                if (!IsApi() || !api!.OutcomeUnknown)
                {
                    return "a write whose response was lost must fail with OutcomeUnknown = true";
                }

                return processed == 1 ? null : "expected exactly one processed write, saw " + processed;

            case FaultClass.BodyCut:
                if (!success && !IsApi())
                {
                    return "expected success or SigningApiException";
                }

                // The cut request is journaled before its status line leaves the server, and the cut answer carries
                // Connection: close, so the previous cell's cut never leaves a closing connection in the client's pool
                // to swallow this cell's request: a cut write was processed exactly once.
                return write && processed != 1 ? "expected exactly one processed write, saw " + processed : null;

            case FaultClass.Status:
                if (fault.Count == 1 && retryable)
                {
                    return success ? null : "a safe/idempotent call must succeed after one " + fault.ExpectedStatus;
                }

                if (fault.Count == 1 && success)
                {
                    return null;
                }

                if (!IsApi() || api!.Status != fault.ExpectedStatus)
                {
                    return "expected SigningApiException with status " + fault.ExpectedStatus;
                }

                if (fault.ExpectedStatus is 502 or 503 or 504 && !api.IsTransient)
                {
                    return "a gateway error must be transient";
                }

                return write && processed != 0 ? "the fault was not processed, yet a write reached the route" : null;

            case FaultClass.RetryAfter:
                if (success)
                {
                    if (fault.Id is "503-retry-after" or "429-seconds" && observed.Elapsed < TimeSpan.FromMilliseconds(900))
                    {
                        return "Retry-After: 1 not honoured (retried after " + observed.Elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) + " ms)";
                    }

                    return write && processed != 1 ? "expected exactly one processed write" : null;
                }

                if (retryable || fault.ExpectedStatus == 429)
                {
                    return "a call must succeed after one " + fault.ExpectedStatus + " with a short Retry-After";
                }

                return IsApi() && api!.Status == fault.ExpectedStatus && api.RetryAfter is not null ? null : "expected SigningApiException with status and RetryAfter";

            case FaultClass.RetryAfterTooLong:
                if (!IsApi() || api!.Status != 429 || api.RetryAfter is not { TotalSeconds: >= 100 } || !api.IsTransient)
                {
                    return "expected a transient 429 carrying RetryAfter = 120 s";
                }

                return observed.Elapsed > TimeSpan.FromSeconds(2) ? "waited although Retry-After exceeds MaxRetryAfter" : null;

            case FaultClass.Timeout:
                if (retryable)
                {
                    return success ? null : "a safe/idempotent call must succeed after one timed-out attempt";
                }

                // OutcomeUnknown only when the write may have left: an attempt that timed out before the request was sent
                // (e.g. while a token was fetched on a loaded machine) never reached the route and is certainly not applied.
                if (!IsApi() || api!.Kind != SigningFailureKind.Timeout || (!api.OutcomeUnknown && received != 0))
                {
                    return "a timed-out write must fail with Kind = Timeout and OutcomeUnknown = true (false only when it never reached the server)";
                }

                return processed <= 1 ? null : "duplicate";

            case FaultClass.Malformed:
                if (!success && !IsApi() && observed.Kind != OutcomeKind.DocumentedException)
                {
                    return "expected success or SigningApiException";
                }

                return write && processed != 1 ? "expected exactly one processed write, saw " + processed : null;
        }

        return "unknown fault class";
    }
}
