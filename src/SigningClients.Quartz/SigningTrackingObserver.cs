using System;
using System.Threading;
using System.Threading.Tasks;
using SigningClients.Core.Signing;

namespace SigningClients.Quartz;

/// <summary>What happened to a tracked operation.</summary>
public enum SigningTrackingEventKind
{
    /// <summary>The sink stored the signed documents; tracking ended.</summary>
    Delivered = 0,

    /// <summary>The operation ended without a signature (declined, expired, cancelled, failed); tracking ended, the sink was not called.</summary>
    EndedUnsigned = 1,

    /// <summary>Polling the provider failed; it is retried with backoff.</summary>
    PollFailed = 2,

    /// <summary>A signed document could not be downloaded; retried with backoff, or given up (see <see cref="SigningTrackingEvent.WillRetry"/>).</summary>
    DownloadFailed = 3,

    /// <summary>The sink threw; retried with backoff, or given up (see <see cref="SigningTrackingEvent.WillRetry"/>).</summary>
    SinkFailed = 4,

    /// <summary>The job's token could not be read or its provider is not registered; tracking ended.</summary>
    Abandoned = 5,
}

/// <summary>An event of the tracking of one operation.</summary>
public sealed class SigningTrackingEvent
{
    /// <summary>Creates an event.</summary>
    /// <param name="kind">What happened.</param>
    /// <param name="operationKey">The tracked operation's key (<c>registration/operation id</c>).</param>
    /// <param name="outcome">The outcome when known.</param>
    /// <param name="attempt">The consecutive attempt number of the failing step (1 for the first).</param>
    /// <param name="willRetry">Whether the tracker tries again.</param>
    /// <param name="exception">The failure, when there is one.</param>
    public SigningTrackingEvent(SigningTrackingEventKind kind, string operationKey, SigningOutcome? outcome, int attempt, bool willRetry, Exception? exception)
    {
        Kind = kind;
        OperationKey = operationKey ?? throw new ArgumentNullException(nameof(operationKey));
        Outcome = outcome;
        Attempt = attempt;
        WillRetry = willRetry;
        Exception = exception;
    }

    /// <summary>What happened.</summary>
    public SigningTrackingEventKind Kind { get; }

    /// <summary>The tracked operation's key (<c>registration/operation id</c>), the sink's idempotency key.</summary>
    public string OperationKey { get; }

    /// <summary>The outcome, when the operation has completed.</summary>
    public SigningOutcome? Outcome { get; }

    /// <summary>The consecutive attempt number of the failing step (1 for the first).</summary>
    public int Attempt { get; }

    /// <summary>Whether the tracker tries again; <see langword="false"/> on a failure means the operation is given up and needs a person.</summary>
    public bool WillRetry { get; }

    /// <summary>The failure, when there is one.</summary>
    public Exception? Exception { get; }

    /// <inheritdoc />
    public override string ToString() => "SigningTrackingEvent { " + Kind + " " + OperationKey + ", attempt " + Attempt + (WillRetry ? ", will retry" : string.Empty) + " }";
}

/// <summary>
/// Observes the tracking: failures that are retried, failures given up, operations that end unsigned. A document that
/// cannot be downloaded is always reported here, never dropped silently. An observer that throws is ignored (logged).
/// </summary>
public interface ISigningTrackingObserver
{
    /// <summary>Called for every tracking event.</summary>
    /// <param name="trackingEvent">The event.</param>
    /// <param name="cancellationToken">Cancelled when the scheduler shuts down.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task OnEventAsync(SigningTrackingEvent trackingEvent, CancellationToken cancellationToken);
}
