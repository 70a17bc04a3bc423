using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace SigningClients.Core.Operations;

/// <summary>
/// A provider operation that takes minutes or days (a signer process, a workflow, a posting, a DST, a transaction):
/// poll it once (<see cref="UpdateStatusAsync"/>), wait for it (<see cref="WaitForCompletionAsync(PollingOptions?, CancellationToken)"/>),
/// or save its <see cref="RehydrationToken"/> and rebuild it in another process with the provider package's
/// <c>Rehydrate</c> method. Modelled on the Azure SDK's <c>Operation&lt;T&gt;</c>. An instance is not thread-safe: poll
/// it from one flow at a time.
/// </summary>
/// <typeparam name="T">The value the operation ends with.</typeparam>
public abstract class LongRunningOperation<T>
{
    private readonly Dictionary<string, string> _ids;
    private readonly TimeProvider _timeProvider;
    private readonly PollingOptions _defaultPolling;
    private T _value = default!;
    private TimeSpan? _nextDelay;
    private DateTimeOffset? _lastPolledAt;

    /// <summary>Creates an operation, fresh or from a rehydration token.</summary>
    /// <param name="token">The operation's identity and poll state (for a fresh one, a token with the initial poll state).</param>
    /// <param name="timeProvider">The clock polling waits on; <see langword="null"/> for the system clock.</param>
    /// <param name="defaultPolling">The pace <see cref="WaitForCompletionAsync(PollingOptions?, CancellationToken)"/> uses when given none; <see langword="null"/> for <see cref="PollingOptions"/> defaults.</param>
    /// <exception cref="ArgumentException">The default polling is invalid.</exception>
    protected LongRunningOperation(OperationRehydrationToken token, TimeProvider? timeProvider, PollingOptions? defaultPolling = null)
    {
        _defaultPolling = defaultPolling ?? new PollingOptions();
        _defaultPolling.Validate();
        if (token is null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        Provider = token.Provider;
        Kind = token.Kind;
        Id = token.Id;
        _ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in token.Ids)
        {
            _ids[pair.Key] = pair.Value;
        }

        Deadline = token.Deadline;
        PollCount = token.PollState.PollCount;
        Status = token.PollState.LastStatus;
        _lastPolledAt = token.PollState.LastPolledAt;
        _nextDelay = token.PollState.NextDelay;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The provider, e.g. "Signant".</summary>
    public string Provider { get; }

    /// <summary>The kind of operation within the provider, e.g. "InstantPosting".</summary>
    public string Kind { get; }

    /// <summary>The provider's id of what is being signed.</summary>
    public string Id { get; }

    /// <summary>Whether the operation has completed; <see cref="Value"/> is then available.</summary>
    public bool HasCompleted { get; private set; }

    /// <summary>Whether <see cref="Value"/> is available.</summary>
    public bool HasValue => HasCompleted;

    /// <summary>The final value.</summary>
    /// <exception cref="InvalidOperationException">The operation has not completed yet.</exception>
    public T Value => HasCompleted ? _value : throw new InvalidOperationException("The " + Provider + " operation " + Id + " has not completed yet; call UpdateStatusAsync or WaitForCompletionAsync.");

    /// <summary>The provider's status as last seen, or <see langword="null"/> before the first poll.</summary>
    public string? Status { get; private set; }

    /// <summary>When the provider gives up on (or deletes) the operation, if known.</summary>
    public DateTimeOffset? Deadline { get; private set; }

    /// <summary>How many polls were made (across processes, when rebuilt from a token).</summary>
    public int PollCount { get; private set; }

    /// <summary>A token that rebuilds this operation in another process: provider, ids, deadline and poll state; no secrets.</summary>
    public OperationRehydrationToken RehydrationToken =>
        new(Provider, Kind, Id, _ids, Deadline, new OperationPollState(PollCount, _lastPolledAt, Status, _nextDelay, HasCompleted));

    /// <summary>The polling used when <see cref="WaitForCompletionAsync(PollingOptions?, CancellationToken)"/> gets none.</summary>
    protected PollingOptions DefaultPolling => _defaultPolling;

    /// <summary>The clock.</summary>
    protected TimeProvider TimeProvider => _timeProvider;

    /// <summary>Polls the provider once and updates <see cref="HasCompleted"/>, <see cref="Status"/>, <see cref="Deadline"/> and <see cref="Value"/>.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>What the poll found and when to poll again (for job engines that schedule polls themselves).</returns>
    /// <exception cref="SigningApiException">The provider call failed.</exception>
    public async Task<OperationUpdate> UpdateStatusAsync(CancellationToken cancellationToken = default)
    {
        if (HasCompleted)
        {
            return new OperationUpdate(true, Status, TimeSpan.Zero, Deadline);
        }

        var step = await PollAsync(cancellationToken).ConfigureAwait(false);
        PollCount++;
        _lastPolledAt = _timeProvider.GetUtcNow();
        Status = step.Status ?? Status;
        if (step.Deadline is { } deadline)
        {
            Deadline = deadline;
        }

        if (step.HasCompleted)
        {
            _value = step.Value;
            HasCompleted = true;
            _nextDelay = null;
            return new OperationUpdate(true, Status, TimeSpan.Zero, Deadline);
        }

        _nextDelay = step.Delay;
        return new OperationUpdate(false, Status, SuggestDelay(step.Delay), Deadline);
    }

    /// <summary>Waits until the operation completes, polling with the operation's default pace.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The final value.</returns>
    public Task<T> WaitForCompletionAsync(CancellationToken cancellationToken = default) => WaitForCompletionAsync(null, cancellationToken);

    /// <summary>Waits until the operation completes, first polling at once, then at the given pace.</summary>
    /// <param name="polling">Intervals and timeout; <see langword="null"/> for the operation's default.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The final value.</returns>
    /// <exception cref="ArgumentException">The polling options are invalid (checked before any request).</exception>
    /// <exception cref="TimeoutException">The polling timeout passed first.</exception>
    /// <exception cref="SigningApiException">A provider call failed.</exception>
    public async Task<T> WaitForCompletionAsync(PollingOptions? polling, CancellationToken cancellationToken = default)
    {
        var options = polling ?? DefaultPolling;
        options.Validate();
        ValidatePolling(options);
        if (HasCompleted)
        {
            return _value;
        }

        return await Poller.PollAsync(
            async ct =>
            {
                var update = await UpdateStatusAsync(ct).ConfigureAwait(false);
                return update.HasCompleted ? PollStep<T>.Complete(_value) : PollStep<T>.Continue(default!, _nextDelay);
            },
            options,
            _timeProvider,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Polls the provider once. Terminal provider states (signed, rejected, expired…) are a completed step with a value, not an exception.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The step.</returns>
    protected abstract ValueTask<OperationStep<T>> PollAsync(CancellationToken cancellationToken);

    /// <summary>Checks polling options against the provider's limits (e.g. a maximum interval inside a TTL).</summary>
    /// <param name="polling">The options.</param>
    /// <exception cref="ArgumentException">They break a limit.</exception>
    protected virtual void ValidatePolling(PollingOptions polling)
    {
    }

    /// <summary>Reads an id stored with the operation.</summary>
    /// <param name="name">The id's name.</param>
    /// <returns>The value.</returns>
    protected string GetId(string name) => _ids.TryGetValue(name, out var value) ? value : throw new InvalidOperationException("The operation has no '" + name + "' id.");

    private TimeSpan SuggestDelay(TimeSpan? requested)
    {
        var polling = DefaultPolling;
        var delay = requested ?? polling.InitialInterval;
        if (delay > polling.MaxInterval)
        {
            delay = polling.MaxInterval;
        }

        if (Deadline is { } deadline)
        {
            // Poll again before the provider gives up (half the remaining time at most).
            var remaining = deadline - _timeProvider.GetUtcNow();
            var half = TimeSpan.FromTicks(Math.Max(0, remaining.Ticks / 2));
            if (half < delay)
            {
                delay = half;
            }
        }

        return delay;
    }
}
