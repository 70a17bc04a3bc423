using System;
using System.Collections.Generic;

namespace SigningClients.Testing.Trident;

/// <summary>
/// The status of a TRIDENT signer process. It is <c>pending</c> from its creation until the user's browser executes
/// it; then "status is a parameter that indicates the result of this process by one of the following values:
/// finished … failed … canceled".
/// </summary>
public enum TridentProcessStatus
{
    /// <summary><c>pending</c>: created; its one <c>UserBrowserTask</c> waits for the user (the result answers 404).</summary>
    Pending = 0,

    /// <summary><c>finished</c>: "The process finished and the document was successfully signed."</summary>
    Finished = 1,

    /// <summary><c>failed</c>: "The process finished, but the document was not signed because an error occurred."</summary>
    Failed = 2,

    /// <summary><c>canceled</c>: "The process finished because its execution was canceled. As a result, the document was not signed."</summary>
    Canceled = 3,
}

/// <summary>A read-only copy of a TRIDENT signer process in the simulator.</summary>
/// <param name="Id">The process id.</param>
/// <param name="Status">The status.</param>
/// <param name="ProcessType">The <c>process_type</c> it was created with.</param>
/// <param name="FinishCallbackUrl">The <c>finish_callback_url</c> the user's browser is sent to when the process ends.</param>
/// <param name="ProcessJson">The raw <c>process</c> JSON part it was created with.</param>
/// <param name="Settings">What the simulator read from the process (signature field placement, <c>skip_server_id</c>).</param>
/// <param name="Message">The result's <c>details.message</c> once failed or canceled.</param>
/// <param name="Documents">Its documents (deleted ones included, marked).</param>
public sealed record TridentSignerProcessSnapshot(
    string Id,
    TridentProcessStatus Status,
    string ProcessType,
    Uri FinishCallbackUrl,
    string ProcessJson,
    TridentProcessSettings Settings,
    string? Message,
    IReadOnlyList<TridentDocumentSnapshot> Documents)
{
    /// <summary>The id of the process's <c>UserBrowserTask</c> (the user's signature page).</summary>
    internal string TaskId { get; init; } = string.Empty;
}

/// <summary>A read-only copy of a document of a TRIDENT signer process.</summary>
/// <param name="Id">The document id.</param>
/// <param name="FileName">The file name of the uploaded <c>document</c> part.</param>
/// <param name="Content">The content: the uploaded PDF, with the simulator's signature appended once the process finished.</param>
/// <param name="Deleted">Whether it was deleted (<c>DELETE …/documents/{id}</c>).</param>
public sealed record TridentDocumentSnapshot(string Id, string FileName, byte[] Content, bool Deleted);

/// <summary>A signer process to create, as parsed from the multipart <c>POST …/signer_processes</c>.</summary>
internal sealed record TridentProcessDraft(string ProcessType, Uri FinishCallbackUrl, string ProcessJson, TridentProcessSettings Settings, string FileName, byte[] Document);

/// <summary>An access token issued by the token endpoint.</summary>
internal sealed record TridentAccessToken(string Token, DateTimeOffset ExpiresAt, string Scope);
