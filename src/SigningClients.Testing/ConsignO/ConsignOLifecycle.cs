using System;
using System.Collections.Generic;

namespace SigningClients.Testing.ConsignO;

/// <summary>
/// The status of a ConsignO workflow, with the numbers the API uses (FACTS.md, ConsignO: "Workflow status 0 created,
/// 1 launched, 2 completed, 3 expired, 4 created from template, 5 declined, 6 deleted").
/// </summary>
public enum ConsignOWorkflowStatus
{
    /// <summary>0: created, not launched (no signer can act yet).</summary>
    Created = 0,

    /// <summary>1: launched; the signers of the current step can act.</summary>
    Launched = 1,

    /// <summary>2: every action completed; the signed documents and the audit trail can be downloaded.</summary>
    Completed = 2,

    /// <summary>3: expired before every signer acted.</summary>
    Expired = 3,

    /// <summary>4: created from a template.</summary>
    CreatedFromTemplate = 4,

    /// <summary>5: a signer declined.</summary>
    Declined = 5,

    /// <summary>6: deleted; the API answers 404 for it.</summary>
    Deleted = 6,
}

/// <summary>
/// The status of one signer's action in a workflow (FACTS.md, ConsignO: "Action status NOT_STARTED, STARTED,
/// IN_PROGRESS, COMPLETED, DECLINED").
/// </summary>
public enum ConsignOActionStatus
{
    /// <summary><c>NOT_STARTED</c>: a later step; the signer cannot act yet.</summary>
    NotStarted = 0,

    /// <summary><c>STARTED</c>: the signer's step is current; they were invited.</summary>
    Started = 1,

    /// <summary><c>IN_PROGRESS</c>: the signer opened the workflow.</summary>
    InProgress = 2,

    /// <summary><c>COMPLETED</c>: the signer signed.</summary>
    Completed = 3,

    /// <summary><c>DECLINED</c>: the signer declined; the workflow is declined.</summary>
    Declined = 4,
}

/// <summary>How a signer reaches the signing page (ConsignO doc, "Embedded Signing").</summary>
public enum ConsignOSigningMode
{
    /// <summary><c>remote</c>: the signer gets an e-mail and a link.</summary>
    Remote = 0,

    /// <summary><c>embedded</c>: the integrator's platform shows the signing page (iframe or redirect).</summary>
    Embedded = 1,
}

/// <summary>A read-only copy of a ConsignO workflow in the simulator.</summary>
/// <param name="Id">The workflow id (24 hex digits).</param>
/// <param name="Name">The workflow name.</param>
/// <param name="Status">The status.</param>
/// <param name="CreatedOn">When it was created (simulator clock).</param>
/// <param name="StatusDate">When the status last changed.</param>
/// <param name="ExpiresOn">The requested expiry date (<c>YYYY-MM-DD</c>), as sent.</param>
/// <param name="AuditTrailDocumentId">The audit trail's document id, once completed.</param>
/// <param name="Documents">The workflow's documents.</param>
/// <param name="Actions">The signers' actions, in request order.</param>
public sealed record ConsignOWorkflowSnapshot(
    string Id,
    string Name,
    ConsignOWorkflowStatus Status,
    DateTimeOffset CreatedOn,
    DateTimeOffset StatusDate,
    string? ExpiresOn,
    string? AuditTrailDocumentId,
    IReadOnlyList<ConsignODocumentSnapshot> Documents,
    IReadOnlyList<ConsignOActionSnapshot> Actions)
{
    /// <summary>The creation request as sent (the wire echoes its fields, webhooks and owner e-mail setting).</summary>
    internal System.Text.Json.Nodes.JsonObject Request { get; init; } = new();
}

/// <summary>A read-only copy of a document stored by the ConsignO simulator.</summary>
/// <param name="Id">The document id.</param>
/// <param name="Name">The file name.</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="PdfA">Whether PDF/A conversion was asked for at upload.</param>
/// <param name="InWorkflow">Whether a workflow uses it (a document belongs to at most one workflow).</param>
public sealed record ConsignODocumentSnapshot(string Id, string Name, long Size, bool PdfA, bool InWorkflow)
{
    /// <summary>The bytes, or <see langword="null"/> for a synthetic document generated while it is sent.</summary>
    internal byte[]? Content { get; init; }
}

/// <summary>A read-only copy of a signer's action in a ConsignO workflow.</summary>
/// <param name="Id">The action id.</param>
/// <param name="Step">The step (signers sharing a step sign in parallel; steps run in sequence).</param>
/// <param name="Mode">Remote or embedded.</param>
/// <param name="Status">The status.</param>
/// <param name="StatusDate">When the status last changed.</param>
/// <param name="SecondFactorUsed">The second factor the signer used, once completed.</param>
/// <param name="DeclineReason">The reason, when declined.</param>
public sealed record ConsignOActionSnapshot(
    string Id,
    int Step,
    ConsignOSigningMode Mode,
    ConsignOActionStatus Status,
    DateTimeOffset StatusDate,
    string? SecondFactorUsed,
    string? DeclineReason)
{
    /// <summary>The signer as sent in the creation request (echoed by the wire).</summary>
    internal System.Text.Json.Nodes.JsonObject Signer { get; init; } = new();
}
