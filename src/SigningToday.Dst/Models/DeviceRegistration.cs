using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Registration of a new trusted device.</summary>
public sealed class DeviceRegistration
{
    /// <summary>The challenge obtained from the authorization endpoint.</summary>
    [JsonPropertyName("challenge")]
    public required string Challenge { get; init; }

    /// <summary>The id of the device.</summary>
    [JsonPropertyName("deviceId")]
    public required string DeviceId { get; init; }

    /// <summary>An arbitrary name for the device.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
