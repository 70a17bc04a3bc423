using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Maps a role of a template to an actual signer.</summary>
public sealed class RoleMapping
{
    /// <summary>The role defined in the template.</summary>
    [JsonPropertyName("roleName")]
    public required string RoleName { get; init; }

    /// <summary>The signer taking the role.</summary>
    [JsonPropertyName("signer")]
    public required Signer Signer { get; init; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
