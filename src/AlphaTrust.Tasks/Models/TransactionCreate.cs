using System;
using System.Collections.Generic;
using System.IO;

namespace AlphaTrust.Tasks.Models;

/// <summary>
/// A new transaction, sent as AlphaTrust's <c>TransactionCreateModel</c>. Either a complete definition (at least one
/// document, one participant, and one task per document/participant pair that must act) or a workflow built in the
/// AlphaTrust Control Panel, launched by its <see cref="ProntoId"/> with <see cref="WorkflowData"/> injected into it
/// (documents, participants and tasks then come from the workflow and may be left empty). Checked before anything is sent.
/// </summary>
/// <remarks>Usable from C# 7.3: every member has a setter and the collections start empty.</remarks>
public sealed class TransactionCreate
{
    /// <summary>A description shown in the control panel.</summary>
    public string? Description { get; set; }

    /// <summary>Whether this is a test transaction.</summary>
    public bool IsTest { get; set; }

    /// <summary>
    /// The ID of a workflow built in the AlphaTrust Control Panel (sent as <c>ProntoID</c>). When set, the workflow
    /// supplies the documents, participants and tasks: the lists below may stay empty (anything in them is sent too).
    /// </summary>
    public string? ProntoId { get; set; }

    /// <summary>
    /// Data injected into the Control Panel workflow named by <see cref="ProntoId"/> (field name → value); requires
    /// <see cref="ProntoId"/>. Sent as a JSON object under <see cref="AlphaTrustWireNames.WorkflowData"/> (default
    /// <c>Data</c>; the member name is not in the public documentation, so it is an option).
    /// </summary>
    public IDictionary<string, string>? WorkflowData { get; set; }

    /// <summary>The participants (at least one unless <see cref="ProntoId"/> is set). Tasks refer to them by index.</summary>
    public IList<ParticipantInsert> Participants { get; set; } = new List<ParticipantInsert>();

    /// <summary>The documents (at least one unless <see cref="ProntoId"/> is set), each with its tasks.</summary>
    public IList<DocumentInsert> Documents { get; set; } = new List<DocumentInsert>();

    /// <summary>A transaction launched from a workflow built in the AlphaTrust Control Panel.</summary>
    /// <param name="prontoId">The workflow's ID.</param>
    /// <param name="workflowData">Data injected into the workflow (field name → value), if any.</param>
    /// <returns>The transaction to create.</returns>
    /// <exception cref="ArgumentException"><paramref name="prontoId"/> is empty.</exception>
    public static TransactionCreate FromWorkflow(string prontoId, IDictionary<string, string>? workflowData = null)
    {
        if (string.IsNullOrWhiteSpace(prontoId))
        {
            throw new ArgumentException("A Control Panel workflow ID (ProntoID) is required.", nameof(prontoId));
        }

        return new TransactionCreate { ProntoId = prontoId, WorkflowData = workflowData };
    }
}

/// <summary>A participant of a new transaction (<c>ParticipantInsertModel</c>).</summary>
public sealed class ParticipantInsert
{
    /// <summary>Creates a participant; set <see cref="FullName"/> before sending.</summary>
    public ParticipantInsert()
    {
    }

    /// <summary>Creates a participant.</summary>
    /// <param name="fullName">The participant's full name.</param>
    public ParticipantInsert(string fullName) => FullName = fullName;

    /// <summary>The participant's full name (required).</summary>
    public string FullName { get; set; } = string.Empty;

    /// <summary>The participant's e-mail address.</summary>
    public string? EmailAddress { get; set; }

    /// <summary>Whether AlphaTrust e-mails the participant a request to act.</summary>
    public bool SendRequestViaEmail { get; set; }

    /// <summary>How the participant authenticates; <see cref="ParticipantAuthentication.None"/> by default.</summary>
    public ParticipantAuthentication Authentication { get; set; } = ParticipantAuthentication.None;

    /// <summary>
    /// How the participant's visual signature is applied (the participant signature's <c>ApplicationType</c>).
    /// <see cref="Models.SignatureApplicationType.Registered"/> applies the stored signature image of a registered user,
    /// so it requires <see cref="ParticipantAuthentication.RegisteredUser(string)"/>. Not sent when <see langword="null"/>
    /// (the installation's default). Written as <c>{ "Signature": { "ApplicationType": "…" } }</c> on the participant;
    /// both names are unverified and configurable in <see cref="AlphaTrustWireNames"/>.
    /// </summary>
    public SignatureApplicationType? SignatureApplicationType { get; set; }

    /// <inheritdoc />
    public override string ToString() => "ParticipantInsert { FullName = " + FullName + ", Authentication = " + Authentication + " }";
}

/// <summary>A document of a new transaction (<c>DocumentInsertModel</c>), with its tasks.</summary>
public sealed class DocumentInsert
{
    /// <summary>Creates a document; set <see cref="Title"/> and <see cref="Content"/> before sending.</summary>
    public DocumentInsert()
    {
    }

    /// <summary>Creates a document.</summary>
    /// <param name="title">The document title.</param>
    /// <param name="content">The PDF, read from its current position; never disposed by the SDK.</param>
    public DocumentInsert(string title, Stream content)
    {
        Title = title;
        Content = content;
    }

    /// <summary>The document title (required).</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>
    /// The PDF (required; content that does not start with <c>%PDF-</c> is refused before anything is sent), read
    /// from its current position to the end when the transaction is created; the SDK never disposes it. Sent
    /// base64-encoded as <c>Source.FileBytes</c>.
    /// </summary>
    public Stream Content { get; set; } = null!;

    /// <summary>The tasks on this document (at least one unless the transaction launches a Control Panel workflow).</summary>
    public IList<TaskInsert> Tasks { get; set; } = new List<TaskInsert>();
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
    public TaskType? Type { get; set; }

    /// <summary>A new participant (ID in the same transaction).</summary>
    public long? ParticipantId { get; set; }
}
