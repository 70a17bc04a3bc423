using System;
using SigningClients.Core.Diagnostics;
using SigningClients.Core.Http;

namespace SigningClients.Core.Pipeline;

/// <summary>What one call (all its attempts) has done so far. Used by one call at a time, never shared.</summary>
internal sealed class CallState
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
