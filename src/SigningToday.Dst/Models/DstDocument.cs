using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A document of a DST with its sign plan.</summary>
public sealed class DstDocument
{
    /// <summary>Internal id used by Signing Today; kept as received.</summary>
    [JsonPropertyName("_instance_id")]
    public long? InstanceId { get; set; }

    /// <summary>Unique id of the document.</summary>
    [JsonPropertyName("id")]
    public int? Id { get; set; }

    /// <summary>Id of the plain PDF resource.</summary>
    [JsonPropertyName("plainDocumentUuid")]
    public string? PlainDocumentUuid { get; set; }

    /// <summary>Id of the filled PDF resource (once filled).</summary>
    [JsonPropertyName("filledDocumentUuid")]
    public string? FilledDocumentUuid { get; set; }

    /// <summary>Id of the signed PDF resource (once signed).</summary>
    [JsonPropertyName("signedDocumentUuid")]
    public string? SignedDocumentUuid { get; set; }

    /// <summary>Status of the document (plain, filled, signed).</summary>
    [JsonPropertyName("status")]
    public DocumentStatus? Status { get; set; }

    /// <summary>The fillable elements of the document.</summary>
    [JsonPropertyName("forms")]
    public IReadOnlyList<DstForm>? Forms { get; set; }

    /// <summary>The signature requests of the document.</summary>
    [JsonPropertyName("signatureRequests")]
    public IReadOnlyList<SignatureRequest>? SignatureRequests { get; set; }

    /// <summary>The sign plan of the document.</summary>
    [JsonPropertyName("signerGroups")]
    public IReadOnlyList<SignerGroup>? SignerGroups { get; set; }

    /// <summary>Extra data (free-form JSON members).</summary>
    [JsonPropertyName("extraData")]
    public IReadOnlyDictionary<string, JsonElement>? ExtraData { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
