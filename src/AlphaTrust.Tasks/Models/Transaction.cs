using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlphaTrust.Tasks.Models;

/// <summary>A transaction (a launched workflow) with its participants, documents and tasks.</summary>
public sealed class Transaction
{
    /// <summary>The transaction ID.</summary>
    [JsonPropertyName("ID")]
    public long Id { get; set; }

    /// <summary>The transaction status.</summary>
    public TransactionStatus Status { get; set; }

    /// <summary>The description.</summary>
    public string? Description { get; set; }

    /// <summary>Whether it is a test transaction.</summary>
    public bool IsTest { get; set; }

    /// <summary>The Pronto workflow ID, if any.</summary>
    [JsonPropertyName("ProntoID")]
    public string? ProntoId { get; set; }

    /// <summary>The participants.</summary>
    public IReadOnlyList<Participant> Participants { get; set; } = [];

    /// <summary>The documents and their tasks.</summary>
    public IReadOnlyList<Document> Documents { get; set; } = [];

    /// <summary>Members this SDK does not model, kept unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A participant of a transaction.</summary>
public sealed class Participant
{
    /// <summary>The participant ID.</summary>
    [JsonPropertyName("ID")]
    public long Id { get; set; }

    /// <summary>The full name.</summary>
    public string? FullName { get; set; }

    /// <summary>The e-mail address.</summary>
    public string? EmailAddress { get; set; }

    /// <summary>The participant's authentication type (its data is never returned).</summary>
    public ParticipantAuthenticationInfo? Authentication { get; set; }

    /// <summary>Members this SDK does not model, kept unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>The authentication a participant is configured with, as returned by the service.</summary>
public sealed class ParticipantAuthenticationInfo
{
    /// <summary>The authentication type.</summary>
    public ParticipantAuthenticationType Type { get; set; }

    /// <summary>Members this SDK does not model, kept unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A document of a transaction with its tasks.</summary>
public sealed class Document
{
    /// <summary>The document ID.</summary>
    [JsonPropertyName("ID")]
    public long Id { get; set; }

    /// <summary>The title.</summary>
    public string? Title { get; set; }

    /// <summary>The tasks on the document.</summary>
    public IReadOnlyList<TransactionTask> Tasks { get; set; } = [];

    /// <summary>Members this SDK does not model, kept unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

/// <summary>A task: one participant's work on one document.</summary>
public sealed class TransactionTask
{
    /// <summary>The task ID (what <c>RemoteSignAsync</c> takes).</summary>
    [JsonPropertyName("ID")]
    public long Id { get; set; }

    /// <summary>The task type.</summary>
    public TaskType Type { get; set; }

    /// <summary>The task status.</summary>
    public TransactionTaskStatus Status { get; set; }

    /// <summary>The document the task belongs to.</summary>
    [JsonPropertyName("DocumentID")]
    public long DocumentId { get; set; }

    /// <summary>The participant who performs it.</summary>
    [JsonPropertyName("ParticipantID")]
    public long ParticipantId { get; set; }

    /// <summary>Members this SDK does not model, kept unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
