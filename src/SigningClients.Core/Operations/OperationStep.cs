using System;

namespace SigningClients.Core.Operations;

/// <summary>What one poll of a <see cref="LongRunningOperation{T}"/> found: completed with a value, or still pending.</summary>
/// <typeparam name="T">The operation's value type.</typeparam>
public readonly struct OperationStep<T>
{
    private OperationStep(bool hasCompleted, T value, string? status, TimeSpan? delay, DateTimeOffset? deadline)
    {
        HasCompleted = hasCompleted;
        Value = value;
        Status = status;
        Delay = delay;
        Deadline = deadline;
    }

    /// <summary>Whether the operation has completed.</summary>
    public bool HasCompleted { get; }

    /// <summary>The final value, when <see cref="HasCompleted"/>.</summary>
    public T Value { get; }

    /// <summary>The provider's status as seen by this poll (e.g. "Active", "Signed").</summary>
    public string? Status { get; }

    /// <summary>A delay the provider asked for before the next poll.</summary>
    public TimeSpan? Delay { get; }

    /// <summary>A deadline learnt by this poll (e.g. a posting's new expiry), or <see langword="null"/> to keep the known one.</summary>
    public DateTimeOffset? Deadline { get; }

    /// <summary>The operation completed.</summary>
    /// <param name="value">Its final value.</param>
    /// <param name="status">The provider's final status.</param>
    /// <returns>The step.</returns>
    public static OperationStep<T> Completed(T value, string? status) => new(true, value, status, null, null);

    /// <summary>The operation is still pending.</summary>
    /// <param name="status">The provider's current status.</param>
    /// <param name="delay">A delay the provider asked for, if any.</param>
    /// <param name="deadline">A deadline learnt by this poll, if any.</param>
    /// <returns>The step.</returns>
    public static OperationStep<T> Pending(string? status, TimeSpan? delay = null, DateTimeOffset? deadline = null) => new(false, default!, status, delay, deadline);
}

/// <summary>The result of <see cref="LongRunningOperation{T}.UpdateStatusAsync"/>: one poll, for job engines that schedule polls themselves.</summary>
public readonly struct OperationUpdate
{
    /// <summary>Creates an update.</summary>
    /// <param name="hasCompleted">Whether the operation has completed.</param>
    /// <param name="status">The provider's status.</param>
    /// <param name="suggestedDelay">When to poll again (the provider's request, or the operation's own pace).</param>
    /// <param name="deadline">The operation's deadline, if known.</param>
    public OperationUpdate(bool hasCompleted, string? status, TimeSpan suggestedDelay, DateTimeOffset? deadline)
    {
        HasCompleted = hasCompleted;
        Status = status;
        SuggestedDelay = suggestedDelay;
        Deadline = deadline;
    }

    /// <summary>Whether the operation has completed (its value is then available).</summary>
    public bool HasCompleted { get; }

    /// <summary>The provider's status.</summary>
    public string? Status { get; }

    /// <summary>When to poll again; meaningless once completed.</summary>
    public TimeSpan SuggestedDelay { get; }

    /// <summary>The operation's deadline, if known: the next poll must happen before it.</summary>
    public DateTimeOffset? Deadline { get; }
}
