using System;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Core.Authentication;

/// <summary>
/// One shared run of some work at a time — a token fetch, a session login: concurrent callers that need it join the
/// run in progress instead of starting their own, and a caller that cancels stops waiting without cancelling the run
/// the others share. The owner passes its own lock, so checking its cached value and joining a run is one atomic step,
/// and the run's result is stored under that lock in the same step that ends the run. Thread-safe.
/// </summary>
/// <typeparam name="T">The run's result.</typeparam>
public sealed class SingleFlight<T>
{
    private readonly object _gate;
    private Task<T>? _running;
    private int _started;

    /// <summary>Creates a single-flight guarded by <paramref name="gate"/>.</summary>
    /// <param name="gate">The owner's lock (the one that guards the value the runs produce).</param>
    public SingleFlight(object gate) => _gate = gate ?? throw new ArgumentNullException(nameof(gate));

    /// <summary>Whether a run is in progress.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _running is not null;
            }
        }
    }

    /// <summary>The number of runs started so far (diagnostics and tests).</summary>
    public int StartCount => Volatile.Read(ref _started);

    /// <summary>
    /// Joins the run in progress, or starts <paramref name="work"/> as a new one. The work runs on the thread pool
    /// (never inline under the owner's lock) with no caller's cancellation token, since it is shared; when it succeeds,
    /// <paramref name="commit"/> runs under the owner's lock and its value is the run's result. Whether it succeeds or
    /// fails, the run ends in that same lock, so the next caller starts a fresh run.
    /// </summary>
    /// <typeparam name="TFetched">What <paramref name="work"/> produces.</typeparam>
    /// <param name="work">The work (a fetch, a login).</param>
    /// <param name="commit">Stores what the work produced (under the owner's lock) and returns the run's result.</param>
    /// <returns>The run; await it with <see cref="WaitAsync"/> to honour the caller's cancellation.</returns>
    public Task<T> JoinOrStart<TFetched>(Func<Task<TFetched>> work, Func<TFetched, T> commit)
    {
        if (work is null)
        {
            throw new ArgumentNullException(nameof(work));
        }

        if (commit is null)
        {
            throw new ArgumentNullException(nameof(commit));
        }

        lock (_gate)
        {
            if (_running is null)
            {
                Interlocked.Increment(ref _started);
                _running = RunAsync(work, commit);
            }

            return _running;
        }
    }

    /// <summary>
    /// Waits for <paramref name="run"/> until it completes or <paramref name="cancellationToken"/> is cancelled; the
    /// run itself goes on for the other callers.
    /// </summary>
    /// <param name="run">A run returned by <see cref="JoinOrStart{TFetched}"/>.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The run's result.</returns>
    /// <exception cref="OperationCanceledException">The caller cancelled before the run completed.</exception>
    public static async Task<T> WaitAsync(Task<T> run, CancellationToken cancellationToken)
    {
        if (run is null)
        {
            throw new ArgumentNullException(nameof(run));
        }

        if (!cancellationToken.CanBeCanceled || run.IsCompleted)
        {
            return await run.ConfigureAwait(false);
        }

        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static s => ((TaskCompletionSource<bool>)s!).TrySetResult(true), cancelled))
        {
            if (await Task.WhenAny(run, cancelled.Task).ConfigureAwait(false) != run)
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }

        return await run.ConfigureAwait(false);
    }

    private async Task<T> RunAsync<TFetched>(Func<Task<TFetched>> work, Func<TFetched, T> commit)
    {
        await Task.Yield();
        TFetched fetched;
        try
        {
            fetched = await work().ConfigureAwait(false);
        }
        catch
        {
            lock (_gate)
            {
                _running = null;
            }

            throw;
        }

        lock (_gate)
        {
            _running = null;
            return commit(fetched);
        }
    }
}
