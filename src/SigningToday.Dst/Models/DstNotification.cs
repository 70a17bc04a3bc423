using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A notification about a DST for the current user.</summary>
public sealed class DstNotification
{
    /// <summary>Title of the DST.</summary>
    [JsonPropertyName("dstTitle")]
    public string? DstTitle { get; init; }

    /// <summary>The user.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; init; }

    /// <summary>The email of the user.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
