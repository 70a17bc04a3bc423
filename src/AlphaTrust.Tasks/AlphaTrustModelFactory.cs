using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using AlphaTrust.Tasks.Models;

namespace AlphaTrust.Tasks;

/// <summary>
/// Builds every model an <see cref="IAlphaTrustClient"/> returns, for tests of your own code (e.g. a substitute that
/// returns a <see cref="Models.RemoteSignResult"/>), in the manner of the Azure SDK's model factories.
/// </summary>
public static class AlphaTrustModelFactory
{
    /// <summary>Builds a remote-sign result.</summary>
    /// <param name="requestedTaskIds">The task IDs the call asked to complete.</param>
    /// <param name="tasks">The per-task outcomes the service returned.</param>
    /// <param name="message">The service's message, if any.</param>
    /// <param name="additionalProperties">Other members of the answer.</param>
    /// <returns>The result.</returns>
    public static RemoteSignResult RemoteSignResult(
        IEnumerable<long>? requestedTaskIds = null,
        IEnumerable<RemoteSignTaskOutcome>? tasks = null,
        string? message = null,
        IDictionary<string, JsonElement>? additionalProperties = null) =>
        new((requestedTaskIds ?? Array.Empty<long>()).ToList().AsReadOnly(), message, (tasks ?? Array.Empty<RemoteSignTaskOutcome>()).ToList().AsReadOnly(), additionalProperties);

    /// <summary>Builds one task's remote-sign outcome.</summary>
    /// <param name="taskId">The task ID.</param>
    /// <param name="isSuccessful">Whether the task was completed.</param>
    /// <param name="message">The service's message.</param>
    /// <param name="status">The task's status.</param>
    /// <returns>The outcome.</returns>
    public static RemoteSignTaskOutcome RemoteSignTaskOutcome(long? taskId = null, bool? isSuccessful = null, string? message = null, TransactionTaskStatus? status = null) =>
        new() { TaskId = taskId, IsSuccessful = isSuccessful, Message = message, Status = status };

    /// <summary>Builds a transaction.</summary>
    /// <param name="id">The transaction ID.</param>
    /// <param name="status">The status.</param>
    /// <param name="description">The description.</param>
    /// <param name="isTest">Whether it is a test transaction.</param>
    /// <param name="prontoId">The Control Panel workflow ID.</param>
    /// <param name="participants">The participants.</param>
    /// <param name="documents">The documents.</param>
    /// <returns>The transaction.</returns>
    public static Transaction Transaction(
        long id = 0,
        TransactionStatus status = default,
        string? description = null,
        bool isTest = false,
        string? prontoId = null,
        IEnumerable<Participant>? participants = null,
        IEnumerable<Document>? documents = null) =>
        new()
        {
            Id = id,
            Status = status,
            Description = description,
            IsTest = isTest,
            ProntoId = prontoId,
            Participants = (participants ?? Array.Empty<Participant>()).ToList().AsReadOnly(),
            Documents = (documents ?? Array.Empty<Document>()).ToList().AsReadOnly(),
        };

    /// <summary>Builds a participant.</summary>
    /// <param name="id">The participant ID.</param>
    /// <param name="fullName">The full name.</param>
    /// <param name="emailAddress">The e-mail address.</param>
    /// <param name="authenticationType">The authentication type, if returned.</param>
    /// <returns>The participant.</returns>
    public static Participant Participant(long id = 0, string? fullName = null, string? emailAddress = null, ParticipantAuthenticationType? authenticationType = null) =>
        new()
        {
            Id = id,
            FullName = fullName,
            EmailAddress = emailAddress,
            Authentication = authenticationType is { } type ? new ParticipantAuthenticationInfo { Type = type } : null,
        };

    /// <summary>Builds a document of a transaction.</summary>
    /// <param name="id">The document ID.</param>
    /// <param name="title">The title.</param>
    /// <param name="tasks">The tasks on the document.</param>
    /// <returns>The document.</returns>
    public static Document Document(long id = 0, string? title = null, IEnumerable<TransactionTask>? tasks = null) =>
        new() { Id = id, Title = title, Tasks = (tasks ?? Array.Empty<TransactionTask>()).ToList().AsReadOnly() };

    /// <summary>Builds a task of a transaction.</summary>
    /// <param name="id">The task ID.</param>
    /// <param name="type">The task type.</param>
    /// <param name="status">The task status.</param>
    /// <param name="documentId">The document's ID.</param>
    /// <param name="participantId">The participant's ID.</param>
    /// <returns>The task.</returns>
    public static TransactionTask TransactionTask(long id = 0, TaskType type = default, TransactionTaskStatus status = default, long documentId = 0, long participantId = 0) =>
        new() { Id = id, Type = type, Status = status, DocumentId = documentId, ParticipantId = participantId };
}
