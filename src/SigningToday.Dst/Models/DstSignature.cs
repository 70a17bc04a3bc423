using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A signature performed or declined on a DST.</summary>
public sealed class DstSignature
{
    /// <summary>Internal id used by Signing Today; kept as received.</summary>
    [JsonPropertyName("_instance_id")]
    public long? InstanceId { get; set; }

    /// <summary>Id of the document.</summary>
    [JsonPropertyName("documentId")]
    public int? DocumentId { get; set; }

    /// <summary>Id of the signature request.</summary>
    [JsonPropertyName("signatureRequestId")]
    public int? SignatureRequestId { get; set; }

    /// <summary>When it was signed.</summary>
    [JsonPropertyName("signedAt")]
    public DateTimeOffset? SignedAt { get; set; }

    /// <summary>Why it was declined.</summary>
    [JsonPropertyName("declinedReason")]
    public string? DeclinedReason { get; set; }

    /// <summary>signed or declined.</summary>
    [JsonPropertyName("status")]
    public SignatureStatus? Status { get; set; }

    /// <summary>Extra data (free-form JSON members).</summary>
    [JsonPropertyName("extraData")]
    public IReadOnlyDictionary<string, JsonElement>? ExtraData { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
