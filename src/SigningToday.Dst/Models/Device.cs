using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A trusted mobile device bound to a user.</summary>
public sealed class Device
{
    /// <summary>The user the device belongs to.</summary>
    [JsonPropertyName("userId")]
    public string? UserId { get; set; }

    /// <summary>The id of the device.</summary>
    [JsonPropertyName("deviceId")]
    public string? DeviceId { get; set; }

    /// <summary>The name of the device.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>When the device was registered.</summary>
    [JsonPropertyName("registeredAt")]
    public DateTimeOffset? RegisteredAt { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
