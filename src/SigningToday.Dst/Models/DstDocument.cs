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
    public long? InstanceId { get; init; }

    /// <summary>Unique id of the document.</summary>
    [JsonPropertyName("id")]
    public int? Id { get; init; }

    /// <summary>Id of the plain PDF resource.</summary>
    [JsonPropertyName("plainDocumentUuid")]
    public string? PlainDocumentUuid { get; init; }

    /// <summary>Id of the filled PDF resource (once filled).</summary>
    [JsonPropertyName("filledDocumentUuid")]
    public string? FilledDocumentUuid { get; init; }

    /// <summary>Id of the signed PDF resource (once signed).</summary>
    [JsonPropertyName("signedDocumentUuid")]
    public string? SignedDocumentUuid { get; init; }

    /// <summary>Status of the document (plain, filled, signed).</summary>
    [JsonPropertyName("status")]
    public DocumentStatus? Status { get; init; }

    /// <summary>The fillable elements of the document.</summary>
    [JsonPropertyName("forms")]
    public IReadOnlyList<DstForm>? Forms { get; init; }

    /// <summary>The signature requests of the document.</summary>
    [JsonPropertyName("signatureRequests")]
    public IReadOnlyList<SignatureRequest>? SignatureRequests { get; init; }

    /// <summary>The sign plan of the document.</summary>
    [JsonPropertyName("signerGroups")]
    public IReadOnlyList<SignerGroup>? SignerGroups { get; init; }

    /// <summary>Extra data (free-form JSON members).</summary>
    [JsonPropertyName("extraData")]
    public IReadOnlyDictionary<string, JsonElement>? ExtraData { get; init; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
