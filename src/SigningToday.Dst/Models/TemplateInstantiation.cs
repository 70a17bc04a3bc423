using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>Instantiation of a template by a robot: patches and role mapping.</summary>
public sealed class TemplateInstantiation
{
    /// <summary>Parts of the template to change.</summary>
    [JsonPropertyName("templatePatches")]
    public RobotDstSpecification? TemplatePatches { get; set; }

    /// <summary>Role to signer mapping.</summary>
    [JsonPropertyName("rolesMapping")]
    public IReadOnlyList<RoleMapping>? RolesMapping { get; set; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
