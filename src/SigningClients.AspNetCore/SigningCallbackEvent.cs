using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AlphaTrust.Tasks.Models;
using ConsignO.Workflows.Models;
using Microsoft.AspNetCore.Http;
using Signant.InstantSign.Models;
using SigningToday.Dst;
using SigningToday.Dst.Models;
using Trident.SignerProcess.Callbacks;
using Trident.SignerProcess.Models;

namespace SigningClients.AspNetCore;

/// <summary>
/// A provider event that the endpoint confirmed by reading the provider's state through the registered client. The
/// properties carry what the provider reported when asked, never only what the callback claimed.
/// </summary>
public abstract class SigningCallbackEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="provider">The provider's name.</param>
    /// <param name="id">The provider's id of the signing.</param>
    /// <param name="confirmedStatus">The status the provider reported when asked.</param>
    /// <param name="httpContext">The request.</param>
    protected SigningCallbackEvent(string provider, string id, string confirmedStatus, HttpContext httpContext)
    {
        Provider = provider ?? throw new ArgumentNullException(nameof(provider));
        Id = id ?? throw new ArgumentNullException(nameof(id));
        ConfirmedStatus = confirmedStatus ?? throw new ArgumentNullException(nameof(confirmedStatus));
        HttpContext = httpContext ?? throw new ArgumentNullException(nameof(httpContext));
    }

    /// <summary>The provider's name: Trident, SigningToday, ConsignO, AlphaTrust or Signant.</summary>
    public string Provider { get; }

    /// <summary>The provider's id of the signing (signer process, DST, workflow, transaction or posting).</summary>
    public string Id { get; }

    /// <summary>The status the provider reported when the endpoint asked.</summary>
    public string ConfirmedStatus { get; }

    /// <summary>The request that delivered the event.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>
    /// What makes two deliveries the same event: the provider, the id and the confirmed state. A redelivery with the
    /// same key is answered without calling the handler again.
    /// </summary>
    public virtual string DeduplicationKey => Provider + "|" + Id + "|" + ConfirmedStatus;

    /// <inheritdoc />
    public override string ToString() => GetType().Name + " { " + Provider + " " + Id + ": " + ConfirmedStatus + " }";
}

/// <summary>A TRIDENT finish callback, confirmed with the signer process's result.</summary>
public sealed class TridentCallbackEvent : SigningCallbackEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="callback">The parsed callback.</param>
    /// <param name="result">TRIDENT's result, which agrees with the callback.</param>
    /// <param name="httpContext">The request.</param>
    public TridentCallbackEvent(SignerProcessCallback callback, SignerProcessResult result, HttpContext httpContext)
        : base("Trident", (callback ?? throw new ArgumentNullException(nameof(callback))).SignerProcessId, (result ?? throw new ArgumentNullException(nameof(result))).Status.ToString(), httpContext)
    {
        Callback = callback;
        Result = result;
    }

    /// <summary>The callback as the browser delivered it.</summary>
    public SignerProcessCallback Callback { get; }

    /// <summary>TRIDENT's result of the process (read from TRIDENT).</summary>
    public SignerProcessResult Result { get; }

    /// <summary>Whether TRIDENT reports the document as signed.</summary>
    public bool IsSigned => Result.Status == SignerProcessStatus.Finished;
}

/// <summary>A Signing Today webhook notification, confirmed by reading the DST.</summary>
public sealed class SigningTodayWebhookEvent : SigningCallbackEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="webhook">The parsed notification.</param>
    /// <param name="dst">The DST as Signing Today reported it when asked.</param>
    /// <param name="httpContext">The request.</param>
    public SigningTodayWebhookEvent(SigningTodayWebhook webhook, DigitalSignatureTransaction dst, HttpContext httpContext)
        : base("SigningToday", (dst ?? throw new ArgumentNullException(nameof(dst))).Id ?? string.Empty, dst.Status?.ToString() ?? string.Empty, httpContext)
    {
        Webhook = webhook ?? throw new ArgumentNullException(nameof(webhook));
        Dst = dst;
    }

    /// <summary>The notification as posted.</summary>
    public SigningTodayWebhook Webhook { get; }

    /// <summary>The DST as Signing Today reported it when asked.</summary>
    public DigitalSignatureTransaction Dst { get; }

    /// <inheritdoc />
    public override string DeduplicationKey => base.DeduplicationKey + "|" + Webhook.Kind + "|" + Webhook.DstStatusChanged?.Status + "|"
        + Webhook.SignatureStatusChanged?.Status + "|" + Webhook.SignatureStatusChanged?.SignatureId?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A ConsignO workflow webhook, confirmed by reading the workflow.</summary>
public sealed class ConsignOWebhookEvent : SigningCallbackEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="workflow">The workflow as ConsignO reported it when asked.</param>
    /// <param name="httpContext">The request.</param>
    public ConsignOWebhookEvent(Workflow workflow, HttpContext httpContext)
        : base("ConsignO", (workflow ?? throw new ArgumentNullException(nameof(workflow))).Id, workflow.Status.ToString(), httpContext)
    {
        Workflow = workflow;
    }

    /// <summary>The workflow as ConsignO reported it when asked.</summary>
    public Workflow Workflow { get; }

    /// <inheritdoc />
    public override string DeduplicationKey => base.DeduplicationKey + "|" + ConsignOProgress.Of(Workflow);
}

/// <summary>A browser sent back to a ConsignO return URL, confirmed by reading the workflow.</summary>
public sealed class ConsignOReturnEvent : SigningCallbackEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="returnUrl">What ConsignO appended to the return URL.</param>
    /// <param name="workflow">The workflow as ConsignO reported it when asked (it agrees with the return status).</param>
    /// <param name="httpContext">The request.</param>
    public ConsignOReturnEvent(ReturnUrlResult returnUrl, Workflow workflow, HttpContext httpContext)
        : base("ConsignO", (workflow ?? throw new ArgumentNullException(nameof(workflow))).Id, workflow.Status.ToString(), httpContext)
    {
        ReturnUrl = returnUrl ?? throw new ArgumentNullException(nameof(returnUrl));
        Workflow = workflow;
    }

    /// <summary>What ConsignO appended to the return URL.</summary>
    public ReturnUrlResult ReturnUrl { get; }

    /// <summary>The workflow as ConsignO reported it when asked.</summary>
    public Workflow Workflow { get; }

    /// <inheritdoc />
    public override string DeduplicationKey => base.DeduplicationKey + "|return|" + ReturnUrl.Status + "|" + ConsignOProgress.Of(Workflow);
}

/// <summary>An AlphaTrust event-subscription notification, confirmed by reading the transaction.</summary>
public sealed class AlphaTrustCallbackEvent : SigningCallbackEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="transaction">The transaction as AlphaTrust reported it when asked.</param>
    /// <param name="eventName">The event name AlphaTrust sent, if any.</param>
    /// <param name="fields">Every field AlphaTrust sent (query or form).</param>
    /// <param name="httpContext">The request.</param>
    public AlphaTrustCallbackEvent(Transaction transaction, string? eventName, IReadOnlyDictionary<string, string> fields, HttpContext httpContext)
        : base("AlphaTrust", (transaction ?? throw new ArgumentNullException(nameof(transaction))).Id.ToString(CultureInfo.InvariantCulture), transaction.Status.ToString(), httpContext)
    {
        Transaction = transaction;
        EventName = eventName;
        Fields = fields ?? throw new ArgumentNullException(nameof(fields));
    }

    /// <summary>The transaction as AlphaTrust reported it when asked.</summary>
    public Transaction Transaction { get; }

    /// <summary>The event name AlphaTrust sent (<see cref="AlphaTrustEventOptions.EventField"/>), if any.</summary>
    public string? EventName { get; }

    /// <summary>Every field AlphaTrust sent (names compared case-insensitively).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <inheritdoc />
    public override string DeduplicationKey => base.DeduplicationKey + "|" + EventName + "|"
        + string.Join(",", Transaction.Documents.SelectMany(d => d.Tasks).OrderBy(t => t.Id).Select(t => t.Id.ToString(CultureInfo.InvariantCulture) + ":" + t.Status));
}

/// <summary>A signer's browser back from Signant (the posting's after-sign redirect), confirmed by reading the posting status.</summary>
public sealed class SignantReturnEvent : SigningCallbackEvent
{
    /// <summary>Creates the event.</summary>
    /// <param name="status">The posting status as Signant reported it when asked.</param>
    /// <param name="httpContext">The request.</param>
    public SignantReturnEvent(InstantPostingStatus status, HttpContext httpContext)
        : base("Signant", (status ?? throw new ArgumentNullException(nameof(status))).PostingId.ToString("D"), status.Status.ToString(), httpContext)
    {
        Status = status;
    }

    /// <summary>The posting status as Signant reported it when asked.</summary>
    public InstantPostingStatus Status { get; }

    /// <summary>Whether every document was signed (download it now: Signant deletes it soon after).</summary>
    public bool IsCompleted => Status.Status == PostingStatus.Completed;

    /// <inheritdoc />
    public override string DeduplicationKey => base.DeduplicationKey + "|" + Status.SignatureCount.ToString(CultureInfo.InvariantCulture);
}

internal static class ConsignOProgress
{
    public static string Of(Workflow workflow) =>
        workflow.RemainingActions?.ToString(CultureInfo.InvariantCulture) + ":" + string.Join(",", (workflow.Actions ?? Array.Empty<WorkflowAction>()).Select(a => a.Id + "=" + a.Status));
}
