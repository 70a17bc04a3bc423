using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Webhook addresses of a robot.</summary>
public sealed class RobotWebhooks
{
    /// <summary>URL receiving DST notifications.</summary>
    [JsonPropertyName("dst")]
    public string? Dst { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
