using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>An audit record of a DST.</summary>
public sealed class AuditRecord
{
    /// <summary>When the event happened.</summary>
    [JsonPropertyName("at")]
    public DateTimeOffset? At { get; set; }

    /// <summary>The event.</summary>
    [JsonPropertyName("event")]
    public AuditEvent? Event { get; set; }

    /// <summary>The signer involved.</summary>
    [JsonPropertyName("signer")]
    public Signer? Signer { get; set; }

    /// <summary>A human-readable description.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }

    /// <summary>The DST.</summary>
    [JsonPropertyName("dstId")]
    public string? DstId { get; set; }

    /// <summary>The document.</summary>
    [JsonPropertyName("documentId")]
    public int? DocumentId { get; set; }

    /// <summary>The form.</summary>
    [JsonPropertyName("fillableFormId")]
    public int? FillableFormId { get; set; }

    /// <summary>The signature request.</summary>
    [JsonPropertyName("signatureRequestId")]
    public int? SignatureRequestId { get; set; }

    /// <summary>The note.</summary>
    [JsonPropertyName("noteId")]
    public long? NoteId { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
