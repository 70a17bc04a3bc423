using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace SigningClients.Testing.Simulation;

/// <summary>
/// The one concurrency scheme of every simulator's state model: the model is a monitor. Each public member runs
/// inside <see cref="Read{T}"/> or <see cref="Write{T}"/> (one lock per model); routes never lock and never touch the
/// state's collections. Status changes recorded with <see cref="Changed"/> during a write are raised through
/// <see cref="StatusChanged"/> after the lock is released, in the order they happened, so a handler may call back
/// into the model. Time comes only from the model's <see cref="TimeProvider"/>.
/// </summary>
internal abstract class SimulatorState
{
    private readonly object _gate = new();
    private readonly List<SimulatorStatusChange> _pending = new();
    private long _ids;

    protected SimulatorState(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        TimeProvider = timeProvider;
    }

    /// <summary>Raised after a committed write, once per status change, outside the lock.</summary>
    public event EventHandler<SimulatorStatusChange>? StatusChanged;

    /// <summary>The model's clock.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Now, on the model's clock.</summary>
    protected DateTimeOffset Now => TimeProvider.GetUtcNow();

    /// <summary>Runs a read under the lock. Reads never change state.</summary>
    protected T Read<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    /// <summary>Runs a change under the lock, then raises the status changes it recorded.</summary>
    protected T Write<T>(Func<T> write)
    {
        T result;
        SimulatorStatusChange[] changes;
        lock (_gate)
        {
            try
            {
                result = write();
            }
            finally
            {
                changes = _pending.ToArray();
                _pending.Clear();
            }
        }

        var handler = StatusChanged;
        if (handler is not null)
        {
            foreach (var change in changes)
            {
                handler(this, change);
            }
        }

        return result;
    }

    /// <summary>Runs a change under the lock, then raises the status changes it recorded.</summary>
    protected void Write(Action write) => Write(() =>
    {
        write();
        return true;
    });

    /// <summary>Records a status change (call inside <see cref="Write{T}"/>); it is raised when the write ends.</summary>
    protected void Changed(string entity, string id, string? from, string to, string? parentId = null) =>
        _pending.Add(new SimulatorStatusChange(entity, id, from, to, Now, parentId));

    /// <summary>A new sequential number, unique in this model.</summary>
    protected long NextNumber() => Interlocked.Increment(ref _ids);

    /// <summary>A new sequential id, 24 lower-case hex digits.</summary>
    protected string NextHexId() => NextNumber().ToString("x24", CultureInfo.InvariantCulture);
}
