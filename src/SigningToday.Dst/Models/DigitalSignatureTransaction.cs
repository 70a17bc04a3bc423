using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A Digital Signature Transaction (DST): documents, sign plan, signers and status. Also used for templates.</summary>
public sealed class DigitalSignatureTransaction
{
    /// <summary>The UUID of the DST.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The organization.</summary>
    [JsonPropertyName("domain")]
    public string? Domain { get; set; }

    /// <summary>Title.</summary>
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    /// <summary>The DST this one replaces.</summary>
    [JsonPropertyName("replaces")]
    public string? Replaces { get; set; }

    /// <summary>The DST that replaced this one.</summary>
    [JsonPropertyName("replacedBy")]
    public string? ReplacedBy { get; set; }

    /// <summary>The user who created the DST.</summary>
    [JsonPropertyName("createdByUser")]
    public string? CreatedByUser { get; set; }

    /// <summary>When it was created.</summary>
    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>The documents.</summary>
    [JsonPropertyName("documents")]
    public IReadOnlyList<DstDocument>? Documents { get; set; }

    /// <summary>When it was published.</summary>
    [JsonPropertyName("publishedAt")]
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>When it expires.</summary>
    [JsonPropertyName("expiresAt")]
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Resources attached to the DST.</summary>
    [JsonPropertyName("resources")]
    public IReadOnlyList<DstResource>? Resources { get; set; }

    /// <summary>Signatures performed or declined.</summary>
    [JsonPropertyName("signatures")]
    public IReadOnlyList<DstSignature>? Signatures { get; set; }

    /// <summary>Status of the DST.</summary>
    [JsonPropertyName("status")]
    public DstStatus? Status { get; set; }

    /// <summary>The error that occurred, if any.</summary>
    [JsonPropertyName("errorMessage")]
    public string? ErrorMessage { get; set; }

    /// <summary>When it was deleted.</summary>
    [JsonPropertyName("deletedAt")]
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>Tags.</summary>
    [JsonPropertyName("tags")]
    public IReadOnlyList<string>? Tags { get; set; }

    /// <summary>True when this is a template.</summary>
    [JsonPropertyName("template")]
    public bool? Template { get; set; }

    /// <summary>True when the template is public.</summary>
    [JsonPropertyName("publicTemplate")]
    public bool? PublicTemplate { get; set; }

    /// <summary>Extra data (e.g. email_disabled, dst_urlback, st_uuid).</summary>
    [JsonPropertyName("extraData")]
    public IReadOnlyDictionary<string, JsonElement>? ExtraData { get; set; }

    /// <summary>UUIDs of the users who can see the DST.</summary>
    [JsonPropertyName("visibleTo")]
    public IReadOnlyList<string>? VisibleTo { get; set; }

    /// <summary>Groups informed about the DST.</summary>
    [JsonPropertyName("ccGroups")]
    public IReadOnlyList<string>? CcGroups { get; set; }

    /// <summary>UUIDs of users informed about the DST.</summary>
    [JsonPropertyName("ccUsers")]
    public IReadOnlyList<string>? CcUsers { get; set; }

    /// <summary>True when flagged urgent.</summary>
    [JsonPropertyName("urgent")]
    public bool? Urgent { get; set; }

    /// <summary>Last update.</summary>
    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
