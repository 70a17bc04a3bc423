using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Webhook: the status of a DST changed.</summary>
public sealed class DstStatusChangedNotification
{
    /// <summary>toFill, toSign, expired, performed or error.</summary>
    [JsonPropertyName("status")]
    public DstNotificationStatus? Status { get; init; }

    /// <summary>The DST.</summary>
    [JsonPropertyName("dst")]
    public DigitalSignatureTransaction? Dst { get; init; }

    /// <summary>Why.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
