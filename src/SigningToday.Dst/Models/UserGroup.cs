using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A group of users.</summary>
public sealed class UserGroup
{
    /// <summary>Unique id of the group.</summary>
    [JsonPropertyName("id")]
    public long? Id { get; set; }

    /// <summary>Name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Organization.</summary>
    [JsonPropertyName("domain")]
    public string? Domain { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
