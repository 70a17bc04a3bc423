using System;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using SigningClients.Core.Diagnostics;
using SigningClients.Core.Http;

namespace SigningClients.Core.Pipeline;

/// <summary>What one call (all its attempts) has done so far. Used by one call at a time, never shared.</summary>
internal class CallState
{
    public CallState(SigningRequest request, Uri uri, CallBudget budget, OperationTelemetry? telemetry)
    {
        Request = request;
        Uri = uri;
        Budget = budget;
        Telemetry = telemetry;
    }

    public SigningRequest Request { get; }

    public Uri Uri { get; }

    public CallBudget Budget { get; }

    public OperationTelemetry? Telemetry { get; }

    public int Attempts { get; private set; }

    /// <summary>Whether an attempt has consumed the request body.</summary>
    public bool ContentUsed { get; private set; }

    /// <summary>Whether the one resend after a 401 has been spent.</summary>
    public bool Reauthenticated { get; set; }

    /// <summary>Whether an earlier attempt may have taken effect on the server.</summary>
    public bool EarlierAttemptMayHaveApplied { get; private set; }

    /// <summary>Whether a request message has left the process (a write may then have taken effect).</summary>
    public bool RequestSent { get; set; }

    /// <summary>Whether a retry would have to send again a body that cannot be produced twice.</summary>
    public bool BodyCannotBeResent => ContentUsed && Request.Content is { IsReplayable: false };

    /// <summary>An idempotent DELETE replayed after an attempt that may have applied, now answered 404, has done its job.</summary>
    public bool IsReplayedDeleteAlreadyDone(int status) =>
        status == 404 && EarlierAttemptMayHaveApplied && Request.Method == System.Net.Http.HttpMethod.Delete &&
        Request.Idempotency == Idempotency.Idempotent;

    public void StartAttempt()
    {
        Attempts++;
        ContentUsed |= Request.Content is not null;
    }

    /// <summary>Records the retry rule's decision about the attempt that just failed.</summary>
    public void Record(RetryDecision decision) => EarlierAttemptMayHaveApplied |= decision.AttemptMayHaveApplied;
}

/// <summary>
/// A call's state with what its attempts need to read an accepted answer: the handler (a static delegate) and its state,
/// and the value the successful attempt produced. Polly's callback state, so one object serves the whole call.
/// </summary>
/// <typeparam name="T">The call's result type.</typeparam>
internal sealed class CallState<T> : CallState
{
    private Outcome<object> _replay;
    private bool _hasReplay;

    public CallState(SigningRequest request, Uri uri, CallBudget budget, OperationTelemetry? telemetry, SigningPipeline pipeline, Func<SigningResponse, object?, CancellationToken, ValueTask<T>> handler, object? handlerState, bool disposeResponse)
        : base(request, uri, budget, telemetry)
    {
        Pipeline = pipeline;
        Handler = handler;
        HandlerState = handlerState;
        DisposeResponse = disposeResponse;
    }

    public SigningPipeline Pipeline { get; }

    public Func<SigningResponse, object?, CancellationToken, ValueTask<T>> Handler { get; }

    public object? HandlerState { get; }

    /// <summary>Whether the response is disposed after the handler (not when the handler hands it on).</summary>
    public bool DisposeResponse { get; }

    /// <summary>The handler's result, set by the successful attempt.</summary>
    public T? Value { get; set; }

    /// <summary>Keeps the outcome of the attempt already made, for the retry strategy's first callback.</summary>
    public void Replay(Outcome<object> outcome)
    {
        _replay = outcome;
        _hasReplay = true;
    }

    /// <summary>Takes the kept outcome (once); <see langword="false"/> when the next callback is a new attempt.</summary>
    public bool TryTakeReplay(out Outcome<object> outcome)
    {
        outcome = _replay;
        if (!_hasReplay)
        {
            return false;
        }

        _hasReplay = false;
        _replay = default;
        return true;
    }
}
