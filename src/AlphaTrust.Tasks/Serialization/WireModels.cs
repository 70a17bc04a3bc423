using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using AlphaTrust.Tasks.Models;

namespace AlphaTrust.Tasks.Serialization;

// Wire shapes of the AlphaTrust e-Sign REST API v5 (PascalCase; names from the AlphaTrust .NET SDK models).

internal sealed class TaskRemoteSignRequestModel
{
    public List<TaskRemoteSignModel> Tasks { get; set; } = new();
}

internal sealed class TaskRemoteSignModel
{
    [JsonPropertyName("ID")]
    public long Id { get; set; }

    public string IpAddress { get; set; } = string.Empty;

    public string? Password { get; set; }

    public string? Username { get; set; }
}

/// <summary>The default return every AlphaTrust response derives from.</summary>
internal class DefaultReturnModel
{
    public bool? IsSuccessful { get; set; }

    public string? Message { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

internal sealed class TransactionsReturnModel : DefaultReturnModel
{
    public List<Transaction>? Transactions { get; set; }
}

internal sealed class TasksReturnModel : DefaultReturnModel
{
    public List<TransactionTask>? Tasks { get; set; }
}

internal sealed class TransactionCreateRequestModel
{
    public bool EnableLogging { get; set; }

    public List<TransactionCreateModel> Transactions { get; set; } = new();
}

internal sealed class TransactionCreateModel
{
    public bool IsTest { get; set; }

    public string? Description { get; set; }

    [JsonPropertyName("ProntoID")]
    public string? ProntoId { get; set; }

    // Null (omitted) when a Control Panel workflow launch defines none: the workflow supplies them.
    public List<ParticipantInsertModel>? Participants { get; set; }

    public List<DocumentInsertModel>? Documents { get; set; }

    // Members whose names are options (AlphaTrustWireNames), e.g. the injected workflow data.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed class ParticipantInsertModel
{
    public string FullName { get; set; } = string.Empty;

    public string? EmailAddress { get; set; }

    public bool SendRequestViaEmail { get; set; }

    public AuthenticationModel? Authentication { get; set; }

    // Members whose names are options (AlphaTrustWireNames), e.g. the participant signature's application type.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

internal sealed class AuthenticationModel
{
    public ParticipantAuthenticationType Type { get; set; }

    public string? Data { get; set; }
}

internal sealed class DocumentInsertModel
{
    public string Title { get; set; } = string.Empty;

    public DocumentSourceModel Source { get; set; } = new();

    public List<TaskInsertModel> Tasks { get; set; } = new();
}

internal sealed class DocumentSourceModel
{
    public byte[] FileBytes { get; set; } = System.Array.Empty<byte>();
}

internal sealed class TaskInsertModel
{
    public TaskType Type { get; set; }

    public int ParticipantIndex { get; set; }
}

internal sealed class TaskCreateRequestModel
{
    public List<TaskCreateModel> Tasks { get; set; } = new();
}

internal sealed class TaskCreateModel
{
    [JsonPropertyName("TransactionID")]
    public long TransactionId { get; set; }

    [JsonPropertyName("DocumentID")]
    public long DocumentId { get; set; }

    [JsonPropertyName("ParticipantID")]
    public long ParticipantId { get; set; }

    public TaskType Type { get; set; }
}

internal sealed class TaskUpdateRequestModel
{
    public List<TaskUpdateModel> Tasks { get; set; } = new();
}

internal sealed class TaskUpdateModel
{
    [JsonPropertyName("ID")]
    public long Id { get; set; }

    public TaskType? Type { get; set; }

    [JsonPropertyName("ParticipantID")]
    public long? ParticipantId { get; set; }
}

internal sealed class TransactionIdsRequestModel
{
    [JsonPropertyName("IDs")]
    public List<long> Ids { get; set; } = new();
}
