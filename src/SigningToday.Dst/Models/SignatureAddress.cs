using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>The address where a signature is performed.</summary>
public sealed class SignatureAddress
{
    /// <summary>The URL of the signature tray.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
