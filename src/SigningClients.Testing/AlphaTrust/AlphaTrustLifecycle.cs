using System;
using System.Collections.Generic;

namespace SigningClients.Testing.AlphaTrust;

/// <summary>
/// The status of an AlphaTrust transaction (the output of a launched workflow). "After the Transaction is created, you
/// can add new Tasks or update existing Tasks via the API at any point as long as the transaction is still in the
/// Pending status."
/// </summary>
public enum AlphaTrustTransactionStatus
{
    /// <summary><c>Pending</c>: tasks remain; tasks can be added, updated and remote-signed.</summary>
    Pending = 0,

    /// <summary><c>Completed</c>: every task is completed; the transaction can no longer be closed.</summary>
    Completed = 1,

    /// <summary><c>Closed</c>: closed (cancelled) by the integrator before completion; nothing can change any more.</summary>
    Closed = 2,
}

/// <summary>The status of a task on a document.</summary>
public enum AlphaTrustTaskStatus
{
    /// <summary><c>Pending</c>: the participant has not completed it.</summary>
    Pending = 0,

    /// <summary><c>Completed</c>: completed, remotely or in the e-Sign interface ("Task was already completed" afterwards).</summary>
    Completed = 1,
}

/// <summary>The task types of the remote-signing doc: "Signature • Initial • Acknowledgement • Delivery • NoActionRequired".</summary>
public enum AlphaTrustTaskType
{
    /// <summary><c>Signature</c>.</summary>
    Signature = 0,

    /// <summary><c>Initial</c>.</summary>
    Initial = 1,

    /// <summary><c>Acknowledgement</c>.</summary>
    Acknowledgement = 2,

    /// <summary><c>Delivery</c>.</summary>
    Delivery = 3,

    /// <summary><c>NoActionRequired</c>.</summary>
    NoActionRequired = 4,
}

/// <summary>A snapshot of a simulated transaction.</summary>
/// <param name="Id">The transaction ID.</param>
/// <param name="Status">The status.</param>
/// <param name="Description">The description.</param>
/// <param name="IsTest">Whether it is a test transaction.</param>
/// <param name="Participants">The participants.</param>
/// <param name="Documents">The documents.</param>
public sealed record SimulatedTransaction(long Id, AlphaTrustTransactionStatus Status, string? Description, bool IsTest, IReadOnlyList<SimulatedParticipant> Participants, IReadOnlyList<SimulatedDocument> Documents)
{
    /// <summary>The Control Panel workflow the transaction launched (<c>ProntoID</c>), if any.</summary>
    public string? ProntoId { get; init; }

    /// <summary>The data injected into the Control Panel workflow (<c>Data</c>), if any.</summary>
    public IReadOnlyDictionary<string, string>? Data { get; init; }
}

/// <summary>A snapshot of a simulated participant.</summary>
/// <param name="Id">The participant ID.</param>
/// <param name="FullName">The full name.</param>
/// <param name="EmailAddress">The e-mail address.</param>
/// <param name="AuthenticationType">None, Password, PasswordHashed, RegisteredUser or another type, as sent.</param>
public sealed record SimulatedParticipant(long Id, string FullName, string? EmailAddress, string AuthenticationType);

/// <summary>A snapshot of a simulated document.</summary>
/// <param name="Id">The document ID.</param>
/// <param name="Title">The title.</param>
/// <param name="FileBytes">The uploaded file.</param>
/// <param name="Tasks">The tasks on the document.</param>
public sealed record SimulatedDocument(long Id, string Title, byte[] FileBytes, IReadOnlyList<SimulatedTask> Tasks);

/// <summary>A snapshot of a simulated task.</summary>
/// <param name="Id">The task ID.</param>
/// <param name="Type">The task type.</param>
/// <param name="Status">The status.</param>
/// <param name="DocumentId">The document ID.</param>
/// <param name="ParticipantId">The participant ID.</param>
/// <param name="CompletedFromIpAddress">The client IP recorded in the audit trail when it was remote-signed.</param>
/// <param name="CompletedAt">When it was completed (simulator clock).</param>
/// <param name="AppliedSignatureImage">The registered user's stored signature image applied to the document, if any.</param>
public sealed record SimulatedTask(long Id, AlphaTrustTaskType Type, AlphaTrustTaskStatus Status, long DocumentId, long ParticipantId, string? CompletedFromIpAddress, DateTimeOffset? CompletedAt, byte[]? AppliedSignatureImage);

/// <summary>A transaction to create, as parsed from <c>transactions/create</c>.</summary>
/// <param name="Description">The description.</param>
/// <param name="IsTest">Whether it is a test transaction.</param>
/// <param name="ProntoId">The Control Panel workflow to launch, if any.</param>
/// <param name="Data">The data to inject into that workflow, if any.</param>
/// <param name="Participants">The participants, or <see langword="null"/> when the member was absent.</param>
/// <param name="Documents">The documents, or <see langword="null"/> when the member was absent.</param>
internal sealed record AlphaTrustTransactionDraft(
    string? Description,
    bool IsTest,
    string? ProntoId,
    IReadOnlyDictionary<string, string>? Data,
    IReadOnlyList<AlphaTrustParticipantDraft>? Participants,
    IReadOnlyList<AlphaTrustDocumentDraft>? Documents);

/// <summary>A participant of a transaction draft (<c>Authentication.Type</c> defaults to <c>None</c>).</summary>
internal sealed record AlphaTrustParticipantDraft(string FullName, string? EmailAddress, string AuthenticationType, string? AuthenticationData, string? SignatureApplicationType);

/// <summary>A document of a transaction draft with its tasks (each naming a participant by its index in the draft).</summary>
internal sealed record AlphaTrustDocumentDraft(string Title, byte[] FileBytes, IReadOnlyList<(AlphaTrustTaskType Type, int ParticipantIndex)> Tasks);

/// <summary>A task to add to a pending transaction (<c>tasks/create</c>).</summary>
internal sealed record AlphaTrustNewTask(long TransactionId, long DocumentId, long ParticipantId, AlphaTrustTaskType Type);

/// <summary>A change to a pending task (<c>tasks/update</c>): a new type and/or participant.</summary>
internal sealed record AlphaTrustTaskChange(long TaskId, AlphaTrustTaskType? Type, long? ParticipantId);

/// <summary>One task of a remote-sign request: "ID - Task identifier, IpAddress - Client IP address for audit trail", and the credentials when the task's authentication requires them.</summary>
internal sealed record AlphaTrustRemoteSignature(long TaskId, string? IpAddress, string? Username, string? Password);
