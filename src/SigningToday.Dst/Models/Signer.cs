using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningToday.Dst.Models;

/// <summary>A signer of a DST: a member of the organization (by UUID or email) or an occasional signer.</summary>
public sealed class Signer
{
    /// <summary>Internal id used by Signing Today; kept as received.</summary>
    [JsonPropertyName("_instance_id")]
    public long? InstanceId { get; init; }

    /// <summary>Id of the signer in the sign plan.</summary>
    [JsonPropertyName("id")]
    public int? Id { get; init; }

    /// <summary>Name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Surname.</summary>
    [JsonPropertyName("surname")]
    public string? Surname { get; init; }

    /// <summary>Email address.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>Phone number.</summary>
    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    /// <summary>Role of the signer (for templates, the role name).</summary>
    [JsonPropertyName("role")]
    public string? Role { get; init; }

    /// <summary>UUID of the user account.</summary>
    [JsonPropertyName("userUUID")]
    public string? UserUuid { get; init; }

    /// <summary>Label of the role in the template.</summary>
    [JsonPropertyName("templateLabel")]
    public string? TemplateLabel { get; init; }

    /// <summary>Members the server sent that this version of the model does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
