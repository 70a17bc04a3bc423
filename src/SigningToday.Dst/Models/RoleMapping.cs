using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Maps a role of a template to an actual signer.</summary>
public sealed class RoleMapping
{
    /// <summary>Creates an empty instance for serializers and object initializers; set <see cref="RoleName"/> and <see cref="Signer"/> before sending it (the client checks them before any I/O).</summary>
    public RoleMapping()
    {
    }

    /// <summary>Creates an instance with its required values.</summary>
    /// <param name="roleName">The role defined in the template.</param>
    /// <param name="signer">The signer taking the role.</param>
    public RoleMapping(string roleName, Signer signer)
    {
        RoleName = roleName ?? throw new ArgumentNullException(nameof(roleName));
        Signer = signer ?? throw new ArgumentNullException(nameof(signer));
    }

    /// <summary>The role defined in the template.</summary>
    [JsonPropertyName("roleName")]
    public string? RoleName { get; set; }

    /// <summary>The signer taking the role.</summary>
    [JsonPropertyName("signer")]
    public Signer? Signer { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
