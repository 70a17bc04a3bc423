using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace SigningClients.AspNetCore;

/// <summary>Settings shared by every signing callback endpoint (<see cref="SigningCallbackServiceCollectionExtensions.AddSigningCallbacks"/>).</summary>
public sealed class SigningCallbackOptions
{
    /// <summary>How long a handled event is remembered, so a redelivery within it is not handled again. Default 7 days.</summary>
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The largest request body read (webhook JSON or form); a larger one is answered 400. Default 64 KiB.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The prefix of the <see cref="Microsoft.Extensions.Caching.Distributed.IDistributedCache"/> keys. Default <c>signingclients:callback:</c>.</summary>
    public string CacheKeyPrefix { get; set; } = "signingclients:callback:";
}

/// <summary>The TRIDENT finish-callback endpoint (<c>?status=…&amp;signer_process_id=…</c>, through the signer's browser).</summary>
public sealed class TridentCallbackOptions
{
    /// <summary>
    /// The signer process this browser session started (e.g. from the session or a cookie), or <see langword="null"/>
    /// when unknown. When set and it returns an id, a callback naming another process is answered 400. Either way the
    /// callback is confirmed with TRIDENT's result.
    /// </summary>
    public Func<HttpContext, ValueTask<string?>>? ExpectedSignerProcessId { get; set; }
}

/// <summary>
/// The ConsignO return-URL endpoint. ConsignO appends only <c>?status=…</c>, so the return URL you register must carry
/// the workflow: your own reference resolved by <see cref="ResolveWorkflowId"/>, or the workflow id in
/// <see cref="WorkflowIdParameter"/>.
/// </summary>
public sealed class ConsignOReturnOptions
{
    /// <summary>The query parameter that carries the workflow id when <see cref="ResolveWorkflowId"/> is not set. Default <c>workflowId</c>.</summary>
    public string WorkflowIdParameter { get; set; } = "workflowId";

    /// <summary>Resolves the workflow id from the request (e.g. your own reference in the return URL), or <see langword="null"/> to read <see cref="WorkflowIdParameter"/>.</summary>
    public Func<HttpContext, ValueTask<string?>>? ResolveWorkflowId { get; set; }
}

/// <summary>
/// The Signant return endpoint (the posting's <c>AfterSignRedirectUrl</c>). Signant appends nothing, so the redirect
/// URL you set must carry the posting: your own reference resolved by <see cref="ResolvePostingId"/>, or the posting
/// id in <see cref="PostingIdParameter"/>.
/// </summary>
public sealed class SignantReturnOptions
{
    /// <summary>The query parameter that carries the posting id when <see cref="ResolvePostingId"/> is not set. Default <c>postingId</c>.</summary>
    public string PostingIdParameter { get; set; } = "postingId";

    /// <summary>Resolves the posting id from the request, or <see langword="null"/> to read <see cref="PostingIdParameter"/>.</summary>
    public Func<HttpContext, ValueTask<string?>>? ResolvePostingId { get; set; }
}

/// <summary>
/// The AlphaTrust event-subscription endpoint (form-encoded POST or GET). AlphaTrust retries a notification until the
/// answer's body is the subscription's required response text, which this endpoint sends as <c>text/plain</c> once the
/// event is confirmed and handled. The field names are not in the public docs: they are options (defaults below).
/// </summary>
public sealed class AlphaTrustEventOptions
{
    /// <summary>The subscription's <c>required-response-text</c> (required).</summary>
    public string RequiredResponseText { get; set; } = string.Empty;

    /// <summary>The field with the transaction id (a 64-bit number). Default <c>TransactionID</c> (unverified).</summary>
    public string TransactionIdField { get; set; } = "TransactionID";

    /// <summary>The field with a task id, checked to belong to the transaction when present. Default <c>TaskID</c> (unverified).</summary>
    public string TaskIdField { get; set; } = "TaskID";

    /// <summary>The field with the status the event claims, checked against the task's (or transaction's) status when present. Default <c>Status</c> (unverified).</summary>
    public string StatusField { get; set; } = "Status";

    /// <summary>The field with the event name. Default <c>Event</c> (unverified).</summary>
    public string EventField { get; set; } = "Event";
}
