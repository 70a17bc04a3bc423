using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Webhook: the status of a signature (or fill) changed.</summary>
public sealed class SignatureStatusChangedNotification
{
    /// <summary>pending, performed, expired, error or declined.</summary>
    [JsonPropertyName("status")]
    public SignatureNotificationStatus? Status { get; init; }

    /// <summary>fill or sign.</summary>
    [JsonPropertyName("action")]
    public string? Action { get; init; }

    /// <summary>The signer group.</summary>
    [JsonPropertyName("group")]
    public int? Group { get; init; }

    /// <summary>The DST.</summary>
    [JsonPropertyName("dst")]
    public DigitalSignatureTransaction? Dst { get; init; }

    /// <summary>The form.</summary>
    [JsonPropertyName("fillableForm")]
    public DstForm? FillableForm { get; init; }

    /// <summary>The signature request.</summary>
    [JsonPropertyName("signature")]
    public SignatureRequest? Signature { get; init; }

    /// <summary>The signer.</summary>
    [JsonPropertyName("signer")]
    public Signer? Signer { get; init; }

    /// <summary>The document.</summary>
    [JsonPropertyName("document")]
    public DstDocument? Document { get; init; }

    /// <summary>True when performed automatically.</summary>
    [JsonPropertyName("automatic")]
    public bool? Automatic { get; init; }

    /// <summary>The page.</summary>
    [JsonPropertyName("page")]
    public int? Page { get; init; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
