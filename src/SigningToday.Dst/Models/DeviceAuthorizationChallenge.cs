using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A challenge for authorizing a new trusted device (valid 10 minutes).</summary>
public sealed class DeviceAuthorizationChallenge
{
    /// <summary>The user the challenge is for.</summary>
    [JsonPropertyName("userId")]
    public string? UserId { get; set; }

    /// <summary>The base URL of the challenge endpoint.</summary>
    [JsonPropertyName("baseURL")]
    public string? BaseUrl { get; set; }

    /// <summary>The challenge.</summary>
    [JsonPropertyName("challenge")]
    public string? Challenge { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
