using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Testing;

/// <summary>
/// The requests a simulator received, in arrival order. Thread-safe. An entry is added before the client can see any
/// part of the response (or the dropped connection), so after an HTTP call returns or fails its entry is present.
/// </summary>
public sealed class RequestJournal
{
    private readonly object _gate = new();
    private readonly List<JournalEntry> _entries = new();
    private readonly List<Waiter> _waiters = new();

    internal RequestJournal()
    {
    }

    /// <summary>A snapshot of the recorded requests ordered by <see cref="JournalEntry.Sequence"/>.</summary>
    public IReadOnlyList<JournalEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToArray();
            }
        }
    }

    /// <summary>The number of recorded requests.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// Counts the recorded requests with the given method whose path equals <paramref name="pathPrefixOrExact"/> or
    /// lies below it (segment-wise: <c>/tasks</c> matches <c>/tasks</c> and <c>/tasks/1</c>, not <c>/tasksets</c>).
    /// </summary>
    /// <param name="method">The HTTP method (case-insensitive), or <c>*</c> for any method.</param>
    /// <param name="pathPrefixOrExact">A path such as <c>/v1/tasks</c>; <c>/</c> matches every path.</param>
    /// <returns>The number of matching entries.</returns>
    public int CountOf(string method, string pathPrefixOrExact)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(pathPrefixOrExact);
        lock (_gate)
        {
            var count = 0;
            foreach (var entry in _entries)
            {
                if (PathMatching.Matches(method, pathPrefixOrExact, entry.Method, entry.Path))
                {
                    count++;
                }
            }

            return count;
        }
    }

    /// <summary>Removes all recorded requests. Sequence numbers keep counting.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    /// <summary>
    /// Returns the first recorded request that matches <paramref name="predicate"/>, waiting (in real time) for it to
    /// arrive when none has yet.
    /// </summary>
    /// <param name="predicate">The condition; it must be fast and must not throw.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The matching entry.</returns>
    /// <exception cref="TimeoutException">No matching request arrived within <paramref name="timeout"/>.</exception>
    public async Task<JournalEntry> WaitForAsync(Func<JournalEntry, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        Waiter waiter;
        lock (_gate)
        {
            foreach (var entry in _entries)
            {
                if (predicate(entry))
                {
                    return entry;
                }
            }

            waiter = new Waiter(predicate);
            _waiters.Add(waiter);
        }

        try
        {
            return await waiter.Completion.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"No request matching the condition arrived within {timeout}. Journal: {Count} request(s).", ex);
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    internal void Add(JournalEntry entry)
    {
        lock (_gate)
        {
            // Entries are committed when the response starts, which for concurrent requests may differ from arrival order.
            var index = _entries.Count;
            while (index > 0 && _entries[index - 1].Sequence > entry.Sequence)
            {
                index--;
            }

            _entries.Insert(index, entry);

            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                var waiter = _waiters[i];
                bool matches;
                try
                {
                    matches = waiter.Predicate(entry);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    _waiters.RemoveAt(i);
                    waiter.Completion.TrySetException(ex);
                    continue;
                }

                if (matches)
                {
                    _waiters.RemoveAt(i);
                    waiter.Completion.TrySetResult(entry);
                }
            }
        }
    }

    private sealed class Waiter
    {
        public Waiter(Func<JournalEntry, bool> predicate) => Predicate = predicate;

        public Func<JournalEntry, bool> Predicate { get; }

        public TaskCompletionSource<JournalEntry> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
