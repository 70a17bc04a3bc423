using System;
using System.Collections.Generic;
using System.IO;

namespace AlphaTrust.Tasks.Models;

/// <summary>
/// A new transaction: at least one document, one participant, and one task per document/participant pair that must
/// act. Sent as AlphaTrust's <c>TransactionCreateModel</c>.
/// </summary>
public sealed class TransactionCreate
{
    /// <summary>A description shown in the control panel.</summary>
    public string? Description { get; init; }

    /// <summary>Whether this is a test transaction.</summary>
    public bool IsTest { get; init; }

    /// <summary>The ID of the Pronto workflow (template) to launch, if any.</summary>
    public string? ProntoId { get; init; }

    /// <summary>The participants (at least one). Tasks refer to them by index.</summary>
    public required IList<ParticipantInsert> Participants { get; init; }

    /// <summary>The documents (at least one), each with its tasks.</summary>
    public required IList<DocumentInsert> Documents { get; init; }
}

/// <summary>A participant of a new transaction (<c>ParticipantInsertModel</c>).</summary>
public sealed class ParticipantInsert
{
    /// <summary>The participant's full name.</summary>
    public required string FullName { get; init; }

    /// <summary>The participant's e-mail address.</summary>
    public string? EmailAddress { get; init; }

    /// <summary>Whether AlphaTrust e-mails the participant a request to act.</summary>
    public bool SendRequestViaEmail { get; init; }

    /// <summary>How the participant authenticates; <see cref="ParticipantAuthentication.None"/> by default.</summary>
    public ParticipantAuthentication Authentication { get; init; } = ParticipantAuthentication.None;

    /// <inheritdoc />
    public override string ToString() => "ParticipantInsert { FullName = " + FullName + ", Authentication = " + Authentication + " }";
}

/// <summary>A document of a new transaction (<c>DocumentInsertModel</c>), with its tasks.</summary>
public sealed class DocumentInsert
{
    /// <summary>The document title.</summary>
    public required string Title { get; init; }

    /// <summary>
    /// The document file (usually a PDF), read from its current position to the end when the transaction is
    /// created; the SDK never disposes it. Sent base64-encoded as <c>Source.FileBytes</c>.
    /// </summary>
    public required Stream Content { get; init; }

    /// <summary>The tasks on this document (at least one).</summary>
    public required IList<TaskInsert> Tasks { get; init; }
}

/// <summary>A task of a new document (<c>TaskInsertModel</c>).</summary>
public sealed class TaskInsert
{
    /// <summary>Creates a task.</summary>
    /// <param name="type">The task type.</param>
    /// <param name="participantIndex">Index of the participant in <see cref="TransactionCreate.Participants"/>.</param>
    public TaskInsert(TaskType type, int participantIndex)
    {
        if (type.Value is null)
        {
            throw new ArgumentException("A task type is required.", nameof(type));
        }

        Type = type;
        ParticipantIndex = participantIndex;
    }

    /// <summary>The task type.</summary>
    public TaskType Type { get; }

    /// <summary>Index of the participant in <see cref="TransactionCreate.Participants"/> (zero-based).</summary>
    public int ParticipantIndex { get; }
}

/// <summary>A task added to an existing, Pending transaction.</summary>
public sealed class TaskCreate
{
    /// <summary>Creates a task.</summary>
    /// <param name="documentId">The document's ID in the transaction.</param>
    /// <param name="participantId">The participant's ID in the transaction.</param>
    /// <param name="type">The task type.</param>
    public TaskCreate(long documentId, long participantId, TaskType type)
    {
        if (type.Value is null)
        {
            throw new ArgumentException("A task type is required.", nameof(type));
        }

        DocumentId = documentId;
        ParticipantId = participantId;
        Type = type;
    }

    /// <summary>The document's ID.</summary>
    public long DocumentId { get; }

    /// <summary>The participant's ID.</summary>
    public long ParticipantId { get; }

    /// <summary>The task type.</summary>
    public TaskType Type { get; }
}

/// <summary>Changes to an existing task of a Pending transaction; unset members stay as they are.</summary>
public sealed class TaskUpdate
{
    /// <summary>Creates an update.</summary>
    /// <param name="taskId">The task's ID.</param>
    public TaskUpdate(long taskId) => TaskId = taskId;

    /// <summary>The task's ID.</summary>
    public long TaskId { get; }

    /// <summary>A new task type.</summary>
    public TaskType? Type { get; init; }

    /// <summary>A new participant (ID in the same transaction).</summary>
    public long? ParticipantId { get; init; }
}
